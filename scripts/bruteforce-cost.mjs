// What an attacker holding a copy of the browser profile (state + salt) pays
// to recover an account from its stretched fingerprint and masked hint:
// times N fingerprints the way src/core/fingerprint.ts computes them
// (PBKDF2-SHA-256 through WebCrypto), in Node and in headless Chromium, and
// extrapolates to the candidates a hint leaves. One CPU core; an estimate for
// a GPU is printed apart and marked as such.
//
//   node scripts/bruteforce-cost.mjs [iterations] [samples]   (default: the shipped iterations, 40 samples)

import { createHash, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';

/** What ships: read from the source, so the figure cannot drift from the code. */
const shipped = Number(/FINGERPRINT_ITERATIONS = ([\d_]+)/.exec(readFileSync(new URL('../src/core/fingerprint.ts', import.meta.url), 'utf8'))?.[1]?.replaceAll('_', ''));
const ITERATIONS = Number(process.argv[2] ?? shipped);
const SAMPLES = Number(process.argv[3] ?? 40);
if (!ITERATIONS) throw new Error('usage: node scripts/bruteforce-cost.mjs [iterations] [samples]');

/** The same derivation as core/fingerprint.ts, as text so it runs in both places. */
const timeHashes = async ({ iterations, samples }) => {
  const enc = new TextEncoder();
  const salt = enc.encode('account-guard/fingerprint/v2\u00000123456789abcdef0123456789abcdef');
  const one = async (value) => {
    const key = await crypto.subtle.importKey('raw', enc.encode(`phone\u0000${value}`), 'PBKDF2', false, ['deriveBits']);
    return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 64);
  };
  await one('819000000000'); // warm-up
  // Sequential, as one attacker core would run them; the fastest is the attacker's rate (the rest is other load on a shared machine).
  const times = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await one(`8190${String(i).padStart(8, '0')}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { fastest: times[0], median: times[Math.floor(times.length / 2)] };
};

/** The legacy fingerprint (one salted SHA-256) as an attacker runs it: node:crypto, synchronous. */
const legacyMs = () => {
  // Fastest of 40 batches, for the same reason as above.
  const n = 5_000;
  let best = Infinity;
  for (let b = 0; b < 40; b++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) createHash('sha256').update(`0123456789abcdef0123456789abcdef\u0000phone\u00008190${String(b * n + i).padStart(8, '0')}`).digest();
    best = Math.min(best, (performance.now() - t0) / n);
  }
  return best;
};

globalThis.crypto ??= webcrypto;
const nodeMs = await timeHashes({ iterations: ITERATIONS, samples: SAMPLES });
const shaMs = legacyMs();

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
  // An e-mail has no fixed space: the attacker tries a list (leaked addresses, name patterns) filtered by the hint.
  { what: 'email with hint "ta***@g***.com", per million candidate addresses that fit the hint', candidates: 1e6 },
];
const fmt = (s) => (s < 120 ? `${s.toFixed(1)} s` : s < 7200 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`);
// Estimate, not measured: hashcat's PBKDF2-HMAC-SHA256 (mode 10900) on one RTX 4090 is published at about 9e9 HMAC-SHA256 iterations per second.
const GPU_ITERATIONS_PER_S = 9e9;

console.log(`PBKDF2-SHA-256, ${ITERATIONS} iterations; ${cpus()[0]?.model ?? 'CPU'}, ${cpus().length} cores (shared)`);
console.log(`per fingerprint (fastest / median of ${SAMPLES}, one core): Chromium ${chromiumMs.fastest.toFixed(2)} / ${chromiumMs.median.toFixed(2)} ms, Node ${nodeMs.fastest.toFixed(2)} / ${nodeMs.median.toFixed(2)} ms; legacy SHA-256 ${(shaMs * 1000).toFixed(2)} µs`);
const perHash = Math.min(chromiumMs.fastest, nodeMs.fastest);
for (const c of CASES) {
  console.log(`${c.what}: ${c.candidates.toLocaleString('en')} candidates`);
  console.log(`  one core here (fastest rate): worst ${fmt((c.candidates * perHash) / 1000)}, average ${fmt((c.candidates * perHash) / 2000)}`);
  console.log(`  before stretching (legacy SHA-256, one core here): worst ${fmt((c.candidates * shaMs) / 1000)}`);
  console.log(`  ESTIMATE one high-end GPU (~9e9 iterations/s): worst ${fmt((c.candidates * ITERATIONS) / GPU_ITERATIONS_PER_S)}`);
}
