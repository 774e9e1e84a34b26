// The category and brand rules against a brute-force reading of their
// definition, over many small random sellers: a new listing's category
// (brand) is new when the seller's accepted listings show categories (brands)
// and none of them is this one; pending listings are not the seller's. The
// judge asks its baseline only about the labels of the listings it judges,
// so this pins that shortcut to the plain definition.

import { describe, expect, it } from 'vitest';
import { judgeListings } from '../../../src/core/judge-listings';
import { labelHash, listingKey, recordOf, type KnownListings } from '../../../src/core/listings';
import { DEFAULT_LISTING_SETTINGS } from '../../../src/core/state';
import type { ListingRow, SellerWatch } from '../../../src/core/types';
import { prng } from '../fuzz/hostile';

const SALT = '0123456789abcdef0123456789abcdef';
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 9);


const row = (sku: string, category: string | null, brand: string | null, created: number): ListingRow => ({
  sku, asin: null, title: sku, status: 'active', price: 1000, quantity: 1, created, featured: null, lowest: null, category, brand,
});

describe('category and brand rules = their definition', () => {
  it('over 300 random sellers (pending records, missing labels, repeated labels)', () => {
    const { next } = prng(7);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    const CATS = [null, '', 'Books', 'Electronics', 'Toys', 'Garden', '本', '家電＆カメラ'];
    const BRANDS = [null, 'Sony', 'Acme', 'Shinchosha', 'ソニー(SONY)'];
    const previous: SellerWatch = { id: 'w', marketplace: 'amazon.com', hint: 'w', firstSeenAt: NOW - 90 * DAY, lastVisitAt: NOW - 10 * DAY, lastActivityAt: NOW - 10 * DAY, listingCount: 0 };
    for (let world = 0; world < 300; world++) {
      const known: KnownListings = new Map();
      const accepted: ListingRow[] = [];
      const old = Math.floor(next() * 12);
      for (let i = 0; i < old; i++) {
        const r = row(`OLD-${i}`, pick(CATS), pick(BRANDS), Date.UTC(2024, 0, 1 + i));
        const pending = next() < 0.25;
        known.set(listingKey(r.sku, SALT), recordOf(r, SALT, pending));
        if (!pending) accepted.push(r);
      }
      const fresh = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, i) => row(`NEW-${world}-${i}`, pick(CATS), pick(BRANDS), Date.UTC(2026, 10, 24)));
      const keyed = [...accepted.slice(0, 2), ...fresh].map((r) => ({ key: listingKey(r.sku, SALT), row: r }));
      const verdict = judgeListings(keyed, { previous, identity: previous, known, settings: DEFAULT_LISTING_SETTINGS, salt: SALT, now: NOW });
      const label = (t: string | null) => labelHash(t, SALT);
      const sellerCats = new Set(accepted.map((r) => label(r.category)).filter(Boolean));
      const sellerBrands = new Set(accepted.map((r) => label(r.brand)).filter(Boolean));
      for (const r of fresh) {
        const rules = verdict.suspects.find((s) => s.row === r)?.rules ?? [];
        const c = label(r.category);
        const b = label(r.brand);
        expect(rules.includes('category'), `world ${world} ${r.sku}`).toBe(sellerCats.size > 0 && c !== '' && !sellerCats.has(c));
        expect(rules.includes('brand'), `world ${world} ${r.sku}`).toBe(sellerBrands.size > 0 && b !== '' && !sellerBrands.has(b));
      }
    }
  });
});
