// Fingerprints of accounts and page values: a stretched salted hash
// (PBKDF2-SHA-256 through WebCrypto) and a masked hint for people. Only these
// two are ever stored. Also the old fast fingerprint, kept only to recognise
// and upgrade entries stored before the stretched one (see core/legacy-ids).

import type { NormalAccount } from './normalise';

/**
 * 64 bits. Truncation protects nothing here: an e-mail or phone number has far
 * fewer candidates than 2^48, so a fingerprint of any length names one of them
 * (Password Alert's 37-bit argument holds for passwords, not identifiers).
 * What protects is the cost of each guess (FINGERPRINT_ITERATIONS). 16 hex
 * characters also tell a stretched id apart from a legacy 12-character one.
 */
export const FINGERPRINT_HEX_CHARS = 16;
/** Length of the fast salted SHA-256 ids stored before fingerprints were stretched. */
export const LEGACY_HEX_CHARS = 12;

/**
 * PBKDF2 iterations per fingerprint. Measured (scripts/bruteforce-cost.mjs,
 * 2026-12-01, shared 2-core AMD EPYC): 20,000 iterations cost 4.9–7.3 ms in
 * Chromium and 7–11 ms in Node per fingerprint. The sign-in banner has a 50 ms
 * budget from DOMContentLoaded and the background hashes each shown account
 * once per worker lifetime (the cache below), so this is about the most the
 * banner can pay on a cold worker. An attacker pays it for every candidate.
 */
export const FINGERPRINT_ITERATIONS = 20_000;

/** Domain separation: the same salt must never derive an export key (core/export) and a fingerprint alike. */
const PBKDF2_LABEL = 'account-guard/fingerprint/v2\u0000';

function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function newSalt(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return toHex(bytes);
}

const encoder = new TextEncoder();

/** Full salted SHA-256 of kind and value: the cache's key, and (first 12 characters) the legacy id. */
async function fastDigest(account: NormalAccount, salt: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(`${salt}\u0000${account.kind}\u0000${account.value}`));
  return toHex(new Uint8Array(digest));
}

async function stretched(account: NormalAccount, salt: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(`${account.kind}\u0000${account.value}`), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(`${PBKDF2_LABEL}${salt}`), iterations: FINGERPRINT_ITERATIONS },
    key,
    FINGERPRINT_HEX_CHARS * 4,
  );
  return toHex(new Uint8Array(bits));
}

/**
 * Fingerprints computed in this worker's lifetime, by full salted SHA-256 of
 * the input (never the plain value): each distinct value is stretched once,
 * concurrent asks share one computation. In memory only, never stored; a
 * stopped worker starts empty. Bounded, oldest first out.
 */
const CACHE_MAX = 512;
const cache = new Map<string, Promise<string>>();

/** Stretched, salted fingerprint of an account (or of any value given as one). */
export async function fingerprint(account: NormalAccount, salt: string): Promise<string> {
  const key = await fastDigest(account, salt);
  let id = cache.get(key);
  if (id) {
    cache.delete(key);
  } else {
    id = stretched(account, salt);
    // A failed derivation must not stay cached as a failure.
    id.catch(() => cache.delete(key));
  }
  cache.set(key, id);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return id;
}

/**
 * Legacy id -> stretched id of every value fingerprinted in this worker's
 * lifetime: what lets a stored legacy entry be upgraded when its value is seen
 * again (core/legacy-ids upgradeLegacyIds), without ever keeping the value.
 */
export async function legacyPairs(): Promise<Map<string, string>> {
  const pairs = new Map<string, string>();
  for (const [key, id] of cache) {
    try {
      pairs.set(key.slice(0, LEGACY_HEX_CHARS), await id);
    } catch {
      // Not computed: nothing to upgrade with.
    }
  }
  return pairs;
}

/**
 * The fast fingerprint (truncated salted SHA-256) stored before fingerprints
 * were stretched. Only for recognising legacy entries, and for ids that name
 * public things and must stay stable (the listing watch's seller id: its
 * `listings:<id>` records are keyed by it; a merchant token is public on the
 * storefront).
 */
export async function saltedDigest(account: NormalAccount, salt: string): Promise<string> {
  return (await fastDigest(account, salt)).slice(0, LEGACY_HEX_CHARS);
}

/** Drops the in-memory fingerprints (tests; a reset need not: the salt is part of every key). */
export function clearFingerprintCache(): void {
  cache.clear();
}

// Second-level labels under which a country code domain registers names:
// "example.co.jp" keeps "co.jp" visible in the hint.
const SECOND_LEVEL = new Set(['co', 'ne', 'or', 'ac', 'go', 'ed', 'lg', 'gr', 'com', 'net', 'org', 'gov', 'edu']);

/** "taro.yamada@gmail.com" -> "ta***@g***.com"; "+819012345678" -> "+81 ***78". */
export function maskAccount(account: NormalAccount, callingCode?: string): string {
  if (account.kind === 'email') {
    const at = account.value.lastIndexOf('@');
    const local = account.value.slice(0, at);
    const labels = account.value.slice(at + 1).split('.');
    const keep = labels.length > 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 2 : 1;
    const suffix = labels.slice(-keep).join('.');
    const head = labels[0] ?? '';
    const shown = local.length > 3 ? 2 : 1;
    return `${[...local].slice(0, shown).join('')}***@${[...head].slice(0, 1).join('')}***.${suffix}`;
  }
  const digits = account.value;
  const cc = callingCode && digits.startsWith(callingCode) ? callingCode : '';
  return `${cc ? `+${cc} ` : ''}***${digits.slice(-2)}`;
}
