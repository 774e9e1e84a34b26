// The listing watch's rules, each at and around its threshold, and the seed's
// story: a seller account with one old book listing that suddenly has 40
// electronics listings at half price.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  judgeListings,
  formatPrice,
  judgeUploads,
  mergeAlertRows,
  MIN_MEDIAN_SAMPLE,
  suspectRows,
  type KeyedRow,
  type ListingContext,
  type ListingRule,
} from '../../../src/core/judge-listings';
import { decodeListings, encodeListings, listingHash, listingKey, recordOf, type KnownListings } from '../../../src/core/listings';
import { DEFAULT_LISTING_SETTINGS } from '../../../src/core/state';
import type { ListingRow, ListingSettings, SellerWatch, UploadBatch } from '../../../src/core/types';

const SALT = '0123456789abcdef0123456789abcdef';
const DAY = 86_400_000;
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const IDENTITY = { id: 'aaaaaaaaaaaa', marketplace: 'amazon.co.jp', hint: 'A3***1J (amazon.co.jp)' };

const row = (over: Partial<ListingRow> & { sku: string }): ListingRow => ({
  asin: null,
  title: over.sku,
  status: 'active',
  price: 1000,
  quantity: 1,
  created: at('2024-03-15'),
  featured: null,
  lowest: null,
  category: null,
  brand: null,
  ...over,
});
const keyed = (rows: ListingRow[]): KeyedRow[] => rows.map((r) => ({ key: listingKey(r.sku, SALT), row: r }));

const BOOK = row({ sku: 'BK-0001', asin: '4101010013', title: 'こころ (新潮文庫)', price: 1200, featured: 1150, lowest: 1100, category: '本', brand: '新潮社' });
const electronics = (n: number, created = '2026-11-20', over: Partial<ListingRow> = {}) =>
  Array.from({ length: n }, (_, i) =>
    row({
      sku: `EL-${created}-${i}`,
      asin: `B0TEST${String(i).padStart(4, '0')}`,
      title: `ワイヤレスイヤホン モデル${i}`,
      price: 4990,
      quantity: 999,
      created: at(created),
      featured: 9980,
      lowest: 9800,
      category: '家電＆カメラ',
      brand: 'ソニー(SONY)',
      ...over,
    }),
  );

/** A seller's memory across visits, as the background keeps it. */
class Seller {
  known: KnownListings = new Map();
  watch: SellerWatch | null = null;
  constructor(public settings: ListingSettings = DEFAULT_LISTING_SETTINGS) {}
  /** The keys the open alert lists (merged across visits, as the background merges its rows). */
  shown = new Set<string>();
  visit(rows: ListingRow[], now: number, timeZone?: string) {
    const ctx: ListingContext = { previous: this.watch, identity: IDENTITY, known: this.known, settings: this.settings, salt: SALT, now, shown: this.shown, timeZone };
    const verdict = judgeListings(keyed(rows), ctx);
    for (const [k, r] of verdict.updates) this.known.set(k, r);
    for (const x of verdict.suspects) this.shown.add(x.key);
    this.watch = verdict.watch;
    return verdict;
  }
  /** What accepting the alert does to the records: exactly the listed ones stop being pending. */
  accept() {
    for (const k of this.shown) {
      const r = this.known.get(k);
      if (r) r.pending = false;
    }
    this.shown = new Set();
  }
}

const rulesOf = (v: ReturnType<Seller['visit']>) => new Set(v.suspects.flatMap((s) => s.rules));
const only = (v: ReturnType<Seller['visit']>, rule: ListingRule) => v.suspects.filter((s) => s.rules.includes(rule)).length;

describe('the seed story: one old book listing, then 40 electronics at half price', () => {
  const seller = new Seller();
  const first = seller.visit([BOOK], at('2026-08-01') + 10 * 3_600_000);
  const second = seller.visit([BOOK, ...electronics(40)], at('2026-11-25') + 9 * 3_600_000);

  it('first visit: a calm start, nothing suspicious, the book remembered', () => {
    expect(first.firstVisit).toBe(true);
    expect(first.severity).toBeNull();
    expect(first.suspects).toEqual([]);
    expect(first.watch).toMatchObject({ ...IDENTITY, listingCount: 1, lastActivityAt: at('2024-03-15') });
  });

  it('second visit: all 40 are suspicious, for every reason the story has', () => {
    expect(second.firstVisit).toBe(false);
    expect(second.newCount).toBe(40);
    expect(second.suspects).toHaveLength(40);
    expect(second.severity).toBe('danger');
    for (const s of second.suspects) {
      expect(s.isNew).toBe(true);
      expect(new Set(s.rules)).toEqual(new Set(['bulk', 'underpriced', 'category', 'brand', 'dormant']));
    }
    expect(second.reasons).toEqual([
      { key: 'listingReasonNew', subs: ['40', '2026-08-01'] },
      { key: 'listingReasonBulk', subs: ['40', '24'] },
      { key: 'listingReasonUnderpriced', subs: ['40', '50'] },
      { key: 'listingReasonCategory', subs: ['40', '家電＆カメラ'] },
      { key: 'listingReasonBrand', subs: ['40', 'ソニー(SONY)'] },
      { key: 'listingReasonDormant', subs: ['111'] }, // 2026-08-01 (19:00 in Tokyo) -> 2026-11-20, in calendar days
    ]);
    expect(second.watch.listingCount).toBe(41);
  });

  it('the new listings are remembered as pending (not the owner’s until accepted); the book is not', () => {
    expect(seller.known.get(listingKey('BK-0001', SALT))?.pending).toBe(false);
    const pending = [...seller.known.values()].filter((r) => r.pending);
    expect(pending).toHaveLength(40);
  });

  it('the rows for the alert: SKU, title, price, created date, a link to the product page', () => {
    const rows = suspectRows(second.suspects, 'www.amazon.co.jp');
    expect(rows[0]).toEqual({
      key: listingKey('EL-2026-11-20-0', SALT),
      cells: ['EL-2026-11-20-0', 'ワイヤレスイヤホン モデル0', '4,990', '2026-11-20'],
      url: 'https://www.amazon.co.jp/dp/B0TEST0000',
    });
  });

  it('a third visit shows the same page: nothing new, no alert again', () => {
    const third = seller.visit([BOOK, ...electronics(40)], at('2026-11-26'));
    expect(third.newCount).toBe(0);
    expect(third.severity).toBeNull();
  });

  it('pending listings do not teach the baseline: another electronics listing is still a new category', () => {
    const fourth = seller.visit([row({ sku: 'EL-X', category: '家電＆カメラ', created: at('2026-11-27') })], at('2026-11-27'));
    expect(rulesOf(fourth)).toEqual(new Set(['category']));
    expect(fourth.severity).toBe('warning');
    seller.accept();
    // (priced like the accepted ones, or it would be far below the new median)
    const fifth = seller.visit([row({ sku: 'EL-Y', price: 4990, category: '家電＆カメラ', created: at('2026-11-28') })], at('2026-11-28'));
    expect(fifth.newCount).toBe(1);
    expect(fifth.severity).toBeNull();
  });
});

describe('days are the marketplace’s calendar days', () => {
  it('US: a look at 17:30 PDT (already tomorrow in UTC), hijacked that evening: the 40 listings are new', () => {
    const s = new Seller();
    const us = { ...DEFAULT_LISTING_SETTINGS };
    void us;
    s.visit([BOOK], Date.parse('2026-09-15T00:30:00Z'), 'America/Los_Angeles'); // 2026-09-14 17:30 PDT
    const v = s.visit([BOOK, ...electronics(40, '2026-09-14')], Date.parse('2026-09-16T16:00:00Z'), 'America/Los_Angeles');
    expect(v.newCount).toBe(40);
    expect(v.severity).toBe('danger');
    // The sentence and the rule use the same day: the seller's 14 September.
    expect(v.reasons[0]).toEqual({ key: 'listingReasonNew', subs: ['40', '2026-09-14'] });
  });

  it('Japan: a look at 08:00 JST is that JST day, in the sentence and in the rule', () => {
    const s = new Seller();
    s.visit([BOOK], Date.parse('2026-09-14T23:00:00Z'), 'Asia/Tokyo'); // 2026-09-15 08:00 JST
    const v = s.visit(electronics(40, '2026-09-15'), Date.parse('2026-09-16T02:00:00Z'), 'Asia/Tokyo');
    expect(v.newCount).toBe(40);
    expect(v.reasons[0]).toEqual({ key: 'listingReasonNew', subs: ['40', '2026-09-15'] });
    // Another page first seen later: listings created two days before the visit are older ones, not new.
    const o = new Seller();
    o.visit([BOOK], Date.parse('2026-09-14T23:00:00Z'), 'Asia/Tokyo');
    const older = o.visit(electronics(20, '2026-09-13'), Date.parse('2026-09-16T01:00:00Z'), 'Asia/Tokyo');
    expect(older.newCount).toBe(0);
    expect(older.severity).toBeNull();
  });

  it('a day of slack: a listing dated the day before the last visit still counts as new', () => {
    const s = new Seller();
    s.visit([BOOK], at('2026-11-10') + 3_600_000, 'Asia/Tokyo');
    expect(s.visit(electronics(1, '2026-11-09'), at('2026-11-11'), 'Asia/Tokyo').newCount).toBe(1);
    expect(s.visit(electronics(1, '2026-11-08').map((r) => ({ ...r, sku: 'OLDER' })), at('2026-11-11'), 'Asia/Tokyo').newCount).toBe(0);
  });
});

describe('the first visit is judged too', () => {
  it('installed after the takeover: 40 cheap electronics created two days ago beside a years-old book are a warning, kept pending', () => {
    const s = new Seller();
    const v = s.visit([BOOK, ...electronics(40, '2026-11-23')], at('2026-11-25') + 9 * 3_600_000);
    expect(v.firstVisit).toBe(true);
    expect(v.severity).toBe('warning');
    expect(v.suspects).toHaveLength(40);
    expect(rulesOf(v)).toEqual(new Set(['bulk', 'underpriced', 'dormant']));
    expect(v.reasons.map((r) => r.key)).toEqual(['listingReasonFirstVisit', 'listingReasonBulk', 'listingReasonUnderpriced', 'listingReasonDormantListings']);
    expect(v.reasons[0]!.subs).toEqual(['40', '3']);
    expect([...s.known.values()].filter((r) => r.pending)).toHaveLength(40);
    expect(s.known.get(listingKey('BK-0001', SALT))?.pending).toBe(false);
  });

  it('a first look at a shop that listed ten of its own items today at ordinary prices: calm', () => {
    const s = new Seller();
    const active = [BOOK, row({ sku: 'LAST-WEEK', created: at('2026-11-18') })];
    const v = s.visit([...active, ...electronics(10, '2026-11-25', { featured: null, lowest: null })], at('2026-11-25') + 9 * 3_600_000);
    expect(v.severity).toBeNull();
    expect(v.suspects).toEqual([]);
  });

  it('one cheap recent listing alone on a first visit is not suspicious (one kind of evidence)', () => {
    const s = new Seller();
    expect(s.visit([row({ sku: 'LAST-WEEK', created: at('2026-11-18') }), ...electronics(1, '2026-11-24')], at('2026-11-25')).severity).toBeNull();
  });
});

describe('accept exactly what was shown', () => {
  it('page 1 (40 suspects) then page 2 (10): the alert lists 50; accepting them leaves nothing pending', () => {
    const s = new Seller();
    s.visit([BOOK], at('2026-08-01'));
    const p1 = s.visit(electronics(40, '2026-11-20'), at('2026-11-25'));
    // Page 2 a minute later counts from the same visit (2026-08-01), not from page 1's read.
    const p2 = s.visit(electronics(10, '2026-11-21').map((r, i) => ({ ...r, sku: `P2-${i}` })), at('2026-11-25') + 60_000);
    expect(p1.suspects).toHaveLength(40);
    expect(p2.suspects).toHaveLength(10);
    const rows = mergeAlertRows(suspectRows(p1.suspects, null), suspectRows(p2.suspects, null));
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.key))).toEqual(s.shown);
    s.accept();
    expect([...s.known.values()].filter((r) => r.pending)).toEqual([]);
  });

  it('page 1 again after page 2: the same rows, each listing once', () => {
    const s = new Seller();
    s.visit([BOOK], at('2026-08-01'));
    const p1 = s.visit(electronics(40, '2026-11-20'), at('2026-11-25'));
    const again = s.visit(electronics(40, '2026-11-20'), at('2026-11-25') + 60_000);
    expect(again.suspects).toEqual([]); // listed in the open alert already: waiting for the owner
    expect(mergeAlertRows(suspectRows(p1.suspects, null), suspectRows(p1.suspects, null))).toHaveLength(40);
  });

  it('a pending listing that the alert does not list is judged again, so it can be shown', () => {
    const s = new Seller();
    s.visit([BOOK], at('2026-08-01'));
    s.visit(electronics(40, '2026-11-20'), at('2026-11-25'));
    s.shown = new Set([...s.shown].slice(0, 10)); // only 10 fitted into the alert
    const v = s.visit(electronics(40, '2026-11-20'), at('2026-11-25') + 60_000);
    expect(v.suspects).toHaveLength(30);
  });
});

describe('prices are shown with their currency', () => {
  it.each([
    [4990, 'JPY', '¥4,990'],
    [1234.56, 'EUR', '€1,234.56'],
    [1234.56, 'BRL', 'R$1,234.56'],
    [1234.56, 'PLN', 'PLN\u00a01,234.56'],
    [1234.5, null, '1,234.5'],
  ])('%s %s -> %s', (price, currency, shown) => {
    expect(formatPrice(price, currency)).toBe(shown);
  });
});

describe('what counts as new', () => {
  it('an ordinary new listing is new but not suspicious', () => {
    const s = new Seller();
    s.visit([BOOK], at('2026-11-01'));
    const v = s.visit([BOOK, row({ sku: 'BK-0002', category: '本', created: at('2026-11-05') })], at('2026-11-05'));
    expect(v.newCount).toBe(1);
    expect(v.suspects).toEqual([]);
    expect(v.severity).toBeNull();
    expect(v.reasons).toEqual([]);
  });

  it('an unknown listing created before the last visit is an old one seen for the first time (another page), not new', () => {
    const s = new Seller();
    s.visit([BOOK], at('2026-11-01'));
    const v = s.visit(electronics(20, '2026-10-15'), at('2026-11-20'));
    expect(v.newCount).toBe(0);
    expect(v.severity).toBeNull();
    // … and remembered, so it is not new on a later visit either.
    expect(v.updates.size).toBe(20);
    expect(v.watch.listingCount).toBe(21);
    expect([...v.updates.values()].every((r) => !r.pending)).toBe(true);
  });

  it('an unknown listing created on the day of the last visit is new', () => {
    const s = new Seller();
    s.visit([BOOK], at('2026-11-01') + 8 * 3_600_000);
    expect(s.visit(electronics(1, '2026-11-01'), at('2026-11-02')).newCount).toBe(1);
  });

  it('an unknown listing without a date has an unknown age: not new, not created today', () => {
    const s = new Seller();
    s.visit([BOOK], at('2026-11-01'));
    const v = s.visit([row({ sku: 'NO-DATE', created: null })], at('2026-11-02'));
    expect(v.newCount).toBe(0);
    expect(v.unknownAge).toBe(1);
    expect(v.severity).toBeNull();
  });

  it('page 2 of an undated layout, first looked at: 250 older listings of unknown age, no alert', () => {
    const s = new Seller();
    s.visit([BOOK], at('2026-11-01'));
    const page2 = Array.from({ length: 250 }, (_, i) => row({ sku: `P2-${i}`, created: null, category: '本', price: 900 + i, featured: 1000 + i }));
    const v = s.visit(page2, at('2026-11-02'));
    expect(v).toMatchObject({ newCount: 0, unknownAge: 250, severity: null, suspects: [] });
    expect([...v.updates.values()].every((r) => !r.pending)).toBe(true);
  });

  it('undated listings are still judged on price and catalogue: cheap electronics of unknown age are a danger', () => {
    const s = new Seller();
    s.visit([BOOK], at('2026-11-01'));
    const v = s.visit(electronics(40, '2026-11-02', { created: null }), at('2026-11-02'));
    expect(v.newCount).toBe(0);
    expect(v.severity).toBe('danger'); // underpriced + category: two kinds of evidence
    expect(rulesOf(v)).toEqual(new Set(['underpriced', 'category', 'brand']));
    expect(v.reasons[0]).toEqual({ key: 'listingReasonUnknownAge', subs: ['40'] });
  });

  it('the same SKU twice on a page is one listing', () => {
    const s = new Seller({ ...DEFAULT_LISTING_SETTINGS, bulkCount: 2 });
    s.visit([BOOK], at('2026-11-01'));
    const dup = electronics(1, '2026-11-02')[0]!;
    const v = s.visit([dup, dup], at('2026-11-02'));
    expect(v.newCount).toBe(1);
    expect(rulesOf(v).has('bulk')).toBe(false);
  });
});

describe('bulk: at least bulkCount new listings within bulkWindowHours', () => {
  const visit = (settings: ListingSettings, rows: ListingRow[]) => {
    const s = new Seller(settings);
    s.visit([BOOK], at('2026-11-01'));
    return s.visit(rows, at('2026-11-10'));
  };
  const normal = { featured: null, lowest: null, category: null, brand: null };
  it('10 on one day fire (default 10), 9 do not', () => {
    expect(only(visit(DEFAULT_LISTING_SETTINGS, electronics(10, '2026-11-09', normal)), 'bulk')).toBe(10);
    expect(only(visit(DEFAULT_LISTING_SETTINGS, electronics(9, '2026-11-09', normal)), 'bulk')).toBe(0);
  });
  it('bulk alone is a warning (a flat-file upload of ten of the seller’s own listings is no emergency)', () => {
    expect(visit(DEFAULT_LISTING_SETTINGS, electronics(10, '2026-11-09', normal)).severity).toBe('warning');
  });
  it('bulk + underpriced is a danger', () => {
    expect(visit(DEFAULT_LISTING_SETTINGS, electronics(10, '2026-11-09', { category: null, brand: null })).severity).toBe('danger');
  });
  it('5 + 5 on two days are not 10 within 24 hours, but are within 48', () => {
    const rows = [...electronics(5, '2026-11-08', normal), ...electronics(5, '2026-11-09', normal)];
    expect(only(visit(DEFAULT_LISTING_SETTINGS, rows), 'bulk')).toBe(0);
    expect(only(visit({ ...DEFAULT_LISTING_SETTINGS, bulkWindowHours: 48 }, rows), 'bulk')).toBe(10);
  });
  it('the count follows the setting', () => {
    expect(only(visit({ ...DEFAULT_LISTING_SETTINGS, bulkCount: 3 }, electronics(3, '2026-11-09', normal)), 'bulk')).toBe(3);
  });
  it('only the listings inside a burst are marked', () => {
    const rows = [...electronics(10, '2026-11-09', normal), ...electronics(1, '2026-11-03', normal)];
    expect(only(visit(DEFAULT_LISTING_SETTINGS, rows), 'bulk')).toBe(10);
  });
});

describe('underpriced: at most underpricedPercent of the featured offer or lowest price', () => {
  const judge = (price: number, featured: number | null, lowest: number | null, pct = 70) => {
    const s = new Seller({ ...DEFAULT_LISTING_SETTINGS, underpricedPercent: pct });
    s.visit([BOOK], at('2026-11-01'));
    return s.visit([row({ sku: 'N', price, featured, lowest, created: at('2026-11-02') })], at('2026-11-02'));
  };
  it('70% of the featured offer fires, 71% does not', () => {
    expect(only(judge(700, 1000, null), 'underpriced')).toBe(1);
    expect(only(judge(710, 1000, null), 'underpriced')).toBe(0);
  });
  it('the lowest price counts when there is no featured offer; the higher reference is used', () => {
    expect(only(judge(700, null, 1000), 'underpriced')).toBe(1);
    expect(only(judge(700, 700, 1000), 'underpriced')).toBe(1);
  });
  it('no reference price, no finding; the threshold follows the setting', () => {
    expect(only(judge(1, null, null), 'underpriced')).toBe(0);
    expect(only(judge(500, 1000, null, 40), 'underpriced')).toBe(0);
    expect(only(judge(400, 1000, null, 40), 'underpriced')).toBe(1);
  });
  it('underpriced alone is a warning, with the discount in words', () => {
    const v = judge(600, 1000, null);
    expect(v.severity).toBe('warning');
    expect(v.reasons).toContainEqual({ key: 'listingReasonUnderpricedOne', subs: ['1', '40'] });
  });
});

describe('below the seller’s own median: at most medianPercent of it', () => {
  const own = (n: number) => Array.from({ length: n }, (_, i) => row({ sku: `OWN-${i}`, price: 1000 * (i + 1) }));
  const judge = (known: number, price: number, pct = 50) => {
    const s = new Seller({ ...DEFAULT_LISTING_SETTINGS, medianPercent: pct });
    s.visit(own(known), at('2026-11-01'));
    return s.visit([row({ sku: 'N', price, created: at('2026-11-02') })], at('2026-11-02'));
  };
  it(`median of ${MIN_MEDIAN_SAMPLE} prices (3,000): 1,500 fires, 1,501 does not`, () => {
    expect(only(judge(5, 1500), 'below-median')).toBe(1);
    expect(only(judge(5, 1501), 'below-median')).toBe(0);
    expect(judge(5, 1500).reasons).toContainEqual({ key: 'listingReasonBelowMedianOne', subs: ['1', '50', '3000'] });
  });
  it('an even number of prices: the mean of the middle two (6 prices: 3,500)', () => {
    expect(only(judge(6, 1750), 'below-median')).toBe(1);
    expect(only(judge(6, 1751), 'below-median')).toBe(0);
  });
  it('too few own prices: no median rule', () => {
    expect(only(judge(MIN_MEDIAN_SAMPLE - 1, 1), 'below-median')).toBe(0);
  });
  it('the percentage follows the setting', () => {
    expect(only(judge(5, 2000, 70), 'below-median')).toBe(1);
  });
});

describe('dormant: no visit and no listing activity for dormantDays before the new listings', () => {
  const judge = (lastVisit: string, created: string, days = 60) => {
    const s = new Seller({ ...DEFAULT_LISTING_SETTINGS, dormantDays: days });
    s.visit([BOOK], at(lastVisit));
    return s.visit([row({ sku: 'N', created: at(created) })], at(created) + DAY);
  };
  it('60 days fire (a warning on its own: a seller who looks every few months), 59 do not', () => {
    const v = judge('2026-09-01', '2026-10-31');
    expect(only(v, 'dormant')).toBe(1);
    expect(v.severity).toBe('warning');
    expect(v.reasons).toContainEqual({ key: 'listingReasonDormant', subs: ['60'] });
    expect(only(judge('2026-09-01', '2026-10-30'), 'dormant')).toBe(0);
  });
  it('recent listing activity (a listing created lately) counts as activity', () => {
    const s = new Seller();
    s.visit([BOOK, row({ sku: 'RECENT', created: at('2026-08-20') })], at('2026-08-21'));
    // Visit again soon after: the watch now remembers activity up to 2026-08-21.
    const v = s.visit([row({ sku: 'N', created: at('2026-10-01') })], at('2026-10-02'));
    expect(only(v, 'dormant')).toBe(0);
  });
  it('the days follow the setting', () => {
    expect(only(judge('2026-09-01', '2026-09-11', 10), 'dormant')).toBe(1);
  });
});

describe('category and brand shift', () => {
  const judge = (known: ListingRow[], fresh: ListingRow) => {
    const s = new Seller();
    s.visit(known, at('2026-11-01'));
    return s.visit([fresh], at('2026-11-02'));
  };
  const n = (over: Partial<ListingRow>) => row({ sku: 'N', created: at('2026-11-02'), ...over });
  it('a category never sold in fires; a known one (any width, any case) does not', () => {
    expect(only(judge([BOOK], n({ category: '家電＆カメラ' })), 'category')).toBe(1);
    expect(only(judge([BOOK], n({ category: ' 本 ' })), 'category')).toBe(0);
    expect(only(judge([row({ sku: 'A', category: 'Books' })], n({ category: 'BOOKS' })), 'category')).toBe(0);
  });
  it('no known category: nothing to compare with', () => {
    expect(only(judge([row({ sku: 'A' })], n({ category: '家電＆カメラ' })), 'category')).toBe(0);
  });
  it('a brand never sold fires', () => {
    expect(only(judge([BOOK], n({ brand: 'Sony' })), 'brand')).toBe(1);
    expect(only(judge([BOOK], n({ brand: '新潮社' })), 'brand')).toBe(0);
  });
  it('category and brand together are one kind of evidence (a catalogue shift): a warning', () => {
    expect(judge([BOOK], n({ category: 'Electronics', brand: 'Sony' })).severity).toBe('warning');
  });
  it('a category shift + underpriced is a danger', () => {
    expect(judge([BOOK], n({ category: 'Electronics', price: 100, featured: 1000 })).severity).toBe('danger');
  });
});

describe('changes to existing listings', () => {
  const change = (before: Partial<ListingRow>, after: Partial<ListingRow>, settings = DEFAULT_LISTING_SETTINGS, gapDays = 1) => {
    const s = new Seller(settings);
    s.visit([row({ sku: 'E', ...before })], at('2026-11-01'));
    return s.visit([row({ sku: 'E', ...after })], at('2026-11-01') + gapDays * DAY);
  };
  it('a price drop of priceDropPercent fires (50%: 1000 -> 500), a smaller one does not', () => {
    const v = change({ price: 1000 }, { price: 500 });
    expect(only(v, 'price-drop')).toBe(1);
    expect(v.suspects[0]!.isNew).toBe(false);
    expect(v.severity).toBe('warning');
    expect(v.reasons).toEqual([{ key: 'listingReasonPriceDropOne', subs: ['1', '50'] }]);
    expect(only(change({ price: 1000 }, { price: 501 }), 'price-drop')).toBe(0);
    expect(only(change({ price: 1000 }, { price: 700 }, { ...DEFAULT_LISTING_SETTINGS, priceDropPercent: 30 }), 'price-drop')).toBe(1);
  });
  it('a quantity jump of quantityJumpFactor fires (1 -> 10, 0 -> 10), a smaller one does not', () => {
    expect(only(change({ quantity: 1 }, { quantity: 10 }), 'quantity-jump')).toBe(1);
    expect(only(change({ quantity: 0 }, { quantity: 10 }), 'quantity-jump')).toBe(1);
    expect(only(change({ quantity: 1 }, { quantity: 9 }), 'quantity-jump')).toBe(0);
    expect(only(change({ quantity: 5 }, { quantity: 49 }), 'quantity-jump')).toBe(0);
    expect(only(change({ quantity: 5 }, { quantity: 15 }, { ...DEFAULT_LISTING_SETTINGS, quantityJumpFactor: 3 }), 'quantity-jump')).toBe(1);
  });
  it('inactive -> active fires on a dormant account only', () => {
    const v = change({ status: 'inactive' }, { status: 'active' }, DEFAULT_LISTING_SETTINGS, 90);
    expect(only(v, 'reactivated')).toBe(1);
    expect(v.severity).toBe('warning'); // one kind of evidence (dormancy)
    expect(v.reasons).toEqual([{ key: 'listingReasonReactivatedOne', subs: ['1', '90'] }]);
    const both = change({ status: 'inactive', price: 1000 }, { status: 'active', price: 100 }, DEFAULT_LISTING_SETTINGS, 90);
    expect(both.severity).toBe('danger'); // dormancy + price
    expect(only(change({ status: 'inactive' }, { status: 'active' }, DEFAULT_LISTING_SETTINGS, 30), 'reactivated')).toBe(0);
  });
  it('a change is listing activity: the watch remembers it', () => {
    const s = new Seller();
    s.visit([row({ sku: 'E', price: 1000 })], at('2026-11-01'));
    const v = s.visit([row({ sku: 'E', price: 900 })], at('2026-11-05'));
    expect(v.watch.lastActivityAt).toBe(at('2026-11-05'));
  });
});

describe('uploads: batches on the upload status page', () => {
  const batch = (id: string, submitted: string, records: number): { key: string; batch: UploadBatch } => ({
    key: listingHash(id, SALT),
    batch: { id, submitted: at(submitted), status: 'Done', records },
  });
  const watch: SellerWatch = { ...IDENTITY, firstSeenAt: at('2026-11-01'), lastVisitAt: at('2026-11-01'), lastActivityAt: at('2026-11-01'), listingCount: 1 };
  const ctx = (over: Partial<Parameters<typeof judgeUploads>[1]> = {}) => ({
    previous: watch,
    knownBatches: new Set([listingHash('OLD', SALT)]),
    lastUploadsVisit: at('2026-11-01'),
    settings: DEFAULT_LISTING_SETTINGS,
    now: at('2026-11-25'),
    ...over,
  });
  it('the first read of the page only learns the batches', () => {
    expect(judgeUploads([batch('NEW', '2026-11-20', 40)], ctx({ knownBatches: null })).severity).toBeNull();
  });
  it('a new batch of at least bulkCount records is a warning; a small one is not', () => {
    const v = judgeUploads([batch('OLD', '2024-03-15', 1), batch('NEW', '2026-11-20', 40)], ctx());
    expect(v.severity).toBe('warning');
    expect(v.fresh.map((b) => b.id)).toEqual(['NEW']);
    expect(v.reasons).toEqual([{ key: 'listingReasonUploadsOne', subs: ['1', '40'] }]);
    expect(judgeUploads([batch('NEW', '2026-11-20', 9)], ctx()).severity).toBeNull();
  });
  it('any new batch on a dormant account is a warning; a bulk one there is a danger', () => {
    const v = judgeUploads([batch('NEW', '2027-02-01', 1)], ctx({ now: at('2027-02-02') }));
    expect(v.severity).toBe('warning');
    expect(v.reasons[1]).toEqual({ key: 'listingReasonDormant', subs: ['92'] });
    expect(judgeUploads([batch('NEW', '2027-02-01', 40)], ctx({ now: at('2027-02-02') })).severity).toBe('danger');
  });
  it('a flat-file upload of 10 of the seller’s own listings, on an active account: a warning, never a danger', () => {
    expect(judgeUploads([batch('MINE', '2026-11-24', 10)], ctx({ lastUploadsVisit: at('2026-11-20') })).severity).toBe('warning');
  });
  it('upload days are the marketplace’s: a read at 17:30 PDT, a batch that evening, is new', () => {
    // 2026-11-24 17:30 PST is 2026-11-25 01:30 UTC; the batch page prints 11/24 in Pacific time.
    const read = Date.parse('2026-11-25T01:30:00Z');
    const v = judgeUploads([batch('EVENING', '2026-11-24', 40)], ctx({ lastUploadsVisit: read, now: read + 4 * 3_600_000, timeZone: 'America/Los_Angeles' }));
    expect(v.fresh.map((b) => b.id)).toEqual(['EVENING']);
  });
  it('an unknown batch submitted before the page was last read is not new', () => {
    expect(judgeUploads([batch('MISSED', '2026-10-01', 400)], ctx()).fresh).toEqual([]);
  });
  it('a recent read of the upload page is a visit: the account is not dormant', () => {
    const v = judgeUploads([batch('NEW', '2027-02-01', 1)], ctx({ lastUploadsVisit: at('2027-01-25'), now: at('2027-02-02') }));
    expect(v.severity).toBeNull();
  });
});

describe('records: compact, salted, robust', () => {
  it('hashes are salted, stable and at most 11 characters', () => {
    const a = listingKey('BK-0001', SALT);
    expect(a).toBe(listingKey(' BK-0001 ', SALT));
    expect(a).toBe(listingKey('ＢＫ-0001', SALT)); // full-width typed SKU: NFKC
    expect(a).not.toBe(listingKey('BK-0001', 'f'.repeat(32)));
    expect(a).not.toBe(listingKey('BK-0002', SALT));
    expect(a.length).toBeLessThanOrEqual(11);
  });

  it('encodes and decodes every field; skips malformed lines', () => {
    const known: KnownListings = new Map([
      ['k1', recordOf(BOOK, SALT, false)],
      ['k2', recordOf(row({ sku: 'x', price: null, quantity: null, created: null, status: null }), SALT, true)],
      ['k3', recordOf(row({ sku: 'y', price: 12.99, status: 'incomplete' }), SALT, false)],
    ]);
    const text = encodeListings(known);
    expect(decodeListings(text)).toEqual(known);
    expect(decodeListings(`${text}\ngarbage\n,,,\n`)).toEqual(known);
    expect(decodeListings('')).toEqual(new Map());
  });

  it('an unknown status code (even an Object.prototype name) decodes as no status', () => {
    for (const code of ['x', 'constructor', 'toString', '__proto__']) {
      expect(decodeListings(`k1,1,1,1,${code},,,`).get('k1')?.status).toBeNull();
    }
  });

  it('100,000 listings take at most 64 bytes each (JSON, as storage.local counts it)', { timeout: 30_000 }, () => {
    const known: KnownListings = new Map();
    for (let i = 0; i < 100_000; i++) {
      const r = row({ sku: `SKU-${i}`, price: 100 + (i % 50_000) * 1.37, quantity: i % 1000, created: at('2020-01-01') + (i % 2000) * DAY, category: `Cat ${i % 40}`, brand: `Brand ${i % 300}` });
      known.set(listingKey(r.sku, SALT), recordOf(r, SALT, i % 10 === 0));
    }
    const bytes = new TextEncoder().encode(JSON.stringify({ v: 1, rows: encodeListings(known), batches: null, uploadsAt: 0 })).length;
    expect(bytes / 100_000).toBeLessThanOrEqual(64);
    expect(decodeListings(encodeListings(known)).size).toBe(100_000);
  });
});

describe('every reason and column key exists in both languages', () => {
  const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string; placeholders?: object }>;
  const ja = JSON.parse(readFileSync('public/_locales/ja/messages.json', 'utf8')) as typeof en;
  const src = readFileSync('src/core/judge-listings.ts', 'utf8') + readFileSync('src/background/listings.ts', 'utf8');
  const keys = [...new Set(src.match(/'listing(?:Reason|Col|Watching)[A-Za-z]+'/g)!.map((k) => k.slice(1, -1)))];
  it.each(keys)('%s', (key) => {
    // Counted sentences have a singular form too (core/plural).
    if (/^listing(Reason(?!Bulk$)|WatchingBody)/.test(key) && !key.endsWith('One')) expect(en[`${key}One`]?.message, `${key}One`).toBeTruthy();
    expect(en[key]?.message).toBeTruthy();
    expect(ja[key]?.message).toBeTruthy();
    expect(Object.keys(ja[key]!.placeholders ?? {})).toEqual(Object.keys(en[key]!.placeholders ?? {}));
  });
});
