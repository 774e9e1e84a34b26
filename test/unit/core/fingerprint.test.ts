// Fingerprints and masked hints: the only two things ever stored about an account.

import { describe, expect, it, vi } from 'vitest';
import {
  clearFingerprintCache,
  FINGERPRINT_HEX_CHARS,
  FINGERPRINT_ITERATIONS,
  fingerprint,
  LEGACY_HEX_CHARS,
  legacyPairs,
  maskAccount,
  newSalt,
  saltedDigest,
} from '../../../src/core/fingerprint';
import type { NormalAccount } from '../../../src/core/normalise';

const SALT_A = '0123456789abcdef0123456789abcdef';
const SALT_B = 'fedcba9876543210fedcba9876543210';
const OWNER: NormalAccount = { kind: 'email', value: 'owner.taro@example.com' };
const PHONE: NormalAccount = { kind: 'phone', value: '819012345678' };

describe('newSalt', () => {
  it('is 32 lower-case hex characters and different each time', () => {
    const salts = new Set(Array.from({ length: 50 }, newSalt));
    expect(salts.size).toBe(50);
    for (const s of salts) expect(s).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('fingerprint', () => {
  it('is deterministic for one salt', async () => {
    const a = await fingerprint(OWNER, SALT_A);
    expect(a).toMatch(new RegExp(`^[0-9a-f]{${FINGERPRINT_HEX_CHARS}}$`));
    expect(await fingerprint({ ...OWNER }, SALT_A)).toBe(a);
  });

  it('differs between salts, accounts and kinds', async () => {
    const prints = await Promise.all([
      fingerprint(OWNER, SALT_A),
      fingerprint(OWNER, SALT_B),
      fingerprint({ kind: 'email', value: 'h1jack3r@mail-box.example.net' }, SALT_A),
      fingerprint(PHONE, SALT_A),
      // Same characters, other kind: must not collide.
      fingerprint({ kind: 'email', value: '819012345678' }, SALT_A),
    ]);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('is PBKDF2-SHA-256 of kind and value, salted with the labelled install salt, 64 bits', async () => {
    const enc = new TextEncoder();
    const key = await crypto.subtle.importKey('raw', enc.encode('email\u0000owner.taro@example.com'), 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode(`account-guard/fingerprint/v2\u0000${SALT_A}`), iterations: FINGERPRINT_ITERATIONS },
      key,
      64,
    );
    const hex = [...new Uint8Array(bits)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(await fingerprint(OWNER, SALT_A)).toBe(hex);
    expect(FINGERPRINT_HEX_CHARS).toBe(16);
    // Stretched enough to matter, cheap enough for the banner (measured in scripts/bruteforce-cost.mjs).
    expect(FINGERPRINT_ITERATIONS).toBeGreaterThanOrEqual(10_000);
  });

  it('is not the fast legacy digest, and cannot be mistaken for one', async () => {
    const legacy = await saltedDigest(OWNER, SALT_A);
    expect(legacy).toMatch(new RegExp(`^[0-9a-f]{${LEGACY_HEX_CHARS}}$`));
    const data = new TextEncoder().encode(`${SALT_A}\u0000email\u0000owner.taro@example.com`);
    const hex = [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(legacy).toBe(hex.slice(0, LEGACY_HEX_CHARS));
    const id = await fingerprint(OWNER, SALT_A);
    expect(id.length).not.toBe(legacy.length);
    expect(id.startsWith(legacy)).toBe(false);
  });

  it('computes each distinct value once and pairs its legacy id with its stretched id', async () => {
    clearFingerprintCache();
    expect((await legacyPairs()).size).toBe(0);
    const digest = vi.spyOn(crypto.subtle, 'deriveBits');
    try {
      const [a, b] = await Promise.all([fingerprint(PHONE, SALT_A), fingerprint({ ...PHONE }, SALT_A)]);
      expect(a).toBe(b);
      expect(await fingerprint(PHONE, SALT_A)).toBe(a);
      expect(digest).toHaveBeenCalledTimes(1);
      // Another salt (a reset) is another value.
      expect(await fingerprint(PHONE, SALT_B)).not.toBe(a);
      expect(digest).toHaveBeenCalledTimes(2);
    } finally {
      digest.mockRestore();
    }
    const pairs = await legacyPairs();
    expect(pairs.get(await saltedDigest(PHONE, SALT_A))).toBe(await fingerprint(PHONE, SALT_A));
    expect(pairs.get(await saltedDigest(PHONE, SALT_B))).toBe(await fingerprint(PHONE, SALT_B));
    // Only hashes are kept: never the number.
    for (const [k, v] of pairs) expect(`${k}${v}`).not.toContain('9012345678');
  });

  it('never contains the plain value or its parts', async () => {
    for (const account of [OWNER, PHONE, { kind: 'email', value: 'a@b.cd' } as NormalAccount]) {
      const fp = await fingerprint(account, SALT_A);
      expect(fp).not.toContain(account.value);
      expect(fp).not.toContain(account.value.split('@')[0]);
      expect(fp.length).toBe(FINGERPRINT_HEX_CHARS);
    }
  });

  it('is not the unsalted hash', async () => {
    expect(await fingerprint(OWNER, '')).not.toBe(await fingerprint(OWNER, SALT_A));
  });
});

describe('maskAccount', () => {
  it.each([
    ['owner.taro@example.com', 'ow***@e***.com'],
    ['taro.yamada@gmail.com', 'ta***@g***.com'],
    ['taro.yamada@example.co.jp', 'ta***@e***.co.jp'],
    ['h1jack3r@mail-box.example.net', 'h1***@m***.net'],
    ['x9.takeover@proton-mail.example', 'x9***@p***.example'],
    ['bob@example.com', 'b***@e***.com'], // short local part: one character
    ['someone@mail.example.org', 'so***@m***.org'],
    ['名前@例え.jp', '名***@例***.jp'], // code points, not UTF-16 halves
  ])('%s -> %s', (value, hint) => {
    expect(maskAccount({ kind: 'email', value })).toBe(hint);
  });

  it('follows the ta***@e***.com shape and never shows the whole address', () => {
    for (const value of ['owner.taro@example.com', 'taro.yamada@example.co.jp', 'h1jack3r@mail-box.example.net']) {
      const hint = maskAccount({ kind: 'email', value });
      expect(hint).toMatch(/^[^@*]{1,2}\*\*\*@[^@*]\*\*\*\.[a-z.]+$/u);
      expect(hint).not.toContain(value.split('@')[0]);
      expect(hint).not.toContain(value.split('@')[1]);
    }
  });

  it('shows a phone number as its country code and last two digits', () => {
    expect(maskAccount(PHONE, '81')).toBe('+81 ***78');
    expect(maskAccount({ kind: 'phone', value: '12065550143' }, '1')).toBe('+1 ***43');
    // A number from another country than the marketplace: no misleading code.
    expect(maskAccount({ kind: 'phone', value: '447700900123' }, '81')).toBe('***23');
    expect(maskAccount(PHONE)).toBe('***78');
  });
});
