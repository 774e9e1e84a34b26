// What an attacker holding a copy of the browser profile (state + salt) pays
// to recover an account from its stretched fingerprint and masked hint:
// times N fingerprints the way src/core/fingerprint.ts computes them
// (PBKDF2-SHA-256 through WebCrypto), in Node and in headless Chromium, and
// extrapolates to the candidates a hint leaves. One CPU core; an estimate for
// a GPU is printed apart and marked as such.
//
//   node scripts/bruteforce-cost.mjs [iterations] [samples]

import { webcrypto } from 'node:crypto';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';

const ITERATIONS = Number(process.argv[2] ?? (await import('../src/core/fingerprint-params.mjs').catch(() => null))?.ITERATIONS ?? 0);
const SAMPLES = Number(process.argv[3] ?? 40);
if (!ITERATIONS) throw new Error('usage: node scripts/bruteforce-cost.mjs <iterations> [samples]');

/** The same derivation as core/fingerprint.ts, as text so it runs in both places. */
const timeHashes = async ({ iterations, samples }) => {
  const enc = new TextEncoder();
  const salt = enc.encode('account-guard/fingerprint/v2\u00000123456789abcdef0123456789abcdef');
  const one = async (value) => {
    const key = await crypto.subtle.importKey('raw', enc.encode(`phone\u0000${value}`), 'PBKDF2', false, ['deriveBits']);
    return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 64);
  };
  await one('819000000000'); // warm-up
  // Sequential, as one attacker core would run them.
  const t0 = performance.now();
  for (let i = 0; i < samples; i++) await one(`8190${String(i).padStart(8, '0')}`);
  return (performance.now() - t0) / samples;
};

globalThis.crypto ??= webcrypto;
const nodeMs = await timeHashes({ iterations: ITERATIONS, samples: SAMPLES });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
let chromiumMs;
try {
  const page = await browser.newPage();
  // WebCrypto needs a secure context: serve a blank page at an https URL.
  await page.route('**/*', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
  await page.goto('https://bench.invalid/');
  chromiumMs = await page.evaluate(`(${timeHashes.toString()})(${JSON.stringify({ iterations: ITERATIONS, samples: SAMPLES })})`);
} finally {
  await browser.close();
}

// Candidates an attacker must try, given the hint the state keeps beside the hash.
const CASES = [
  // 070/080/090 + 8 digits, last two digits shown: 3 * 10^8 / 100.
  { what: 'Japanese mobile number, hint "+81 ***78"', candidates: 3e6 },
  // A guess list: a leaked-address corpus filtered by the hint's first letters and domain initial.
  { what: 'email "ta***@g***.com" from a 1-billion leaked-address list (~1/700 match the hint)', candidates: 1.4e6 },
];
const fmt = (s) => (s < 120 ? `${s.toFixed(1)} s` : s < 7200 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`);
// Estimate, not measured: hashcat's PBKDF2-HMAC-SHA256 (mode 10900) on one RTX 4090 is published at about 9e9 HMAC-SHA256 iterations per second.
const GPU_ITERATIONS_PER_S = 9e9;

console.log(`PBKDF2-SHA-256, ${ITERATIONS} iterations; ${cpus()[0]?.model ?? 'CPU'}, ${cpus().length} cores (shared)`);
console.log(`per fingerprint: Node ${nodeMs.toFixed(2)} ms, Chromium ${chromiumMs.toFixed(2)} ms (mean of ${SAMPLES}, one core)`);
for (const c of CASES) {
  console.log(`${c.what}: ${c.candidates.toLocaleString('en')} candidates`);
  console.log(`  one core here (Chromium rate): worst ${fmt((c.candidates * chromiumMs) / 1000)}, average ${fmt((c.candidates * chromiumMs) / 2000)}`);
  console.log(`  ESTIMATE one high-end GPU (~9e9 iterations/s): worst ${fmt((c.candidates * ITERATIONS) / GPU_ITERATIONS_PER_S)}`);
}
