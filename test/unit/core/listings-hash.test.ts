// The listing hash's own base-36 conversion gives exactly the digits
// Number.prototype.toString(36) gives, so the keys and labels stored by
// earlier versions keep matching.

import { describe, expect, it } from 'vitest';
import { base36, labelHash, listingHash, listingKey } from '../../../src/core/listings';

/** The hash as it was written first (toString(36), seeds parsed on every call): stored keys were made with it. */
function referenceHash(text: string, salt: string): string {
  const seed = Number.parseInt(salt.slice(0, 8), 16) >>> 0;
  const seed2 = Number.parseInt(salt.slice(8, 16), 16) >>> 0;
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

describe('base36', () => {
  it('agrees with toString(36) at the edges and across the 53-bit range', () => {
    const edges = [0, 1, 35, 36, 37, 1295, 1296, 2 ** 32 - 1, 2 ** 32, 2 ** 52, 2 ** 53 - 1, 36 ** 10 - 1, 36 ** 10];
    for (const n of edges) expect(base36(n)).toBe(n.toString(36));
    let x = 0x9e3779b9;
    for (let i = 0; i < 50_000; i++) {
      x = Math.imul(x ^ (x >>> 15), 2246822507) >>> 0;
      const n = 4294967296 * (x & 2097151) + (Math.imul(x, 3266489909) >>> 0);
      expect(base36(n)).toBe(n.toString(36));
    }
  });
});

describe('listingHash', () => {
  it('is the hash stored keys were made with, for any salt, alternating salts included', () => {
    const salts = ['0123456789abcdef0123456789abcdef', 'ffffffff00000000', 'deadbeefcafebabe1234', '', 'zz'];
    const texts = ['', 'SKU-000007', 'BK-0001', 'EL-1120-040', 'ｱｲｳ', 'batch\u000012345', '家電＆カメラ', 'x'.repeat(300)];
    for (let i = 0; i < 2_000; i++) texts.push(`SKU-${i * 7}`);
    for (const text of texts) {
      for (const salt of salts) expect(listingHash(text, salt)).toBe(referenceHash(text, salt));
    }
    expect(listingKey(' SKU-1 ', salts[0]!)).toBe(referenceHash('SKU-1', salts[0]!));
    expect(labelHash('Sony', salts[0]!)).toHaveLength(4);
  });
});
