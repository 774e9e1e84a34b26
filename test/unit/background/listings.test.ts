// The listing watch's background over a fake storage.local: two visits give
// the calm notice and then the alert; records stay compact hashes and are
// written only when a listing changed; reports
// from several tabs at once lose no listing; accepting settles the records;
// a write that fails after the alert was saved loses no alert; unreadable
// records start anew.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListingRow, Observation, StoredState } from '../../../src/core/types';
import { storedState } from '../../support/stored';

const fake = vi.hoisted(() => {
  const data: Record<string, unknown> = {};
  const control = { failSetOf: '' as string, delayMs: 0 };
  const local = {
    async get(keys: string | string[] | null) {
      if (control.delayMs) await new Promise((r) => setTimeout(r, Math.random() * control.delayMs));
      const wanted = keys === null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items: Record<string, unknown>) {
      if (control.delayMs) await new Promise((r) => setTimeout(r, Math.random() * control.delayMs));
      if (control.failSetOf && Object.keys(items).some((k) => k.startsWith(control.failSetOf))) {
        control.failSetOf = '';
        throw new Error('IO error: disk write failed'); // not the quota: that one prunes and retries (quota.test.ts)
      }
      for (const [k, v] of Object.entries(items)) data[k] = structuredClone(v);
    },
  };
  return { data, control, local };
});

vi.mock('../../../src/platform/browser', async () => {
  const { fakeStorage } = await import('../../support/fake-storage');
  const { storage } = fakeStorage(); // storage.session and onChanged for the store; storage.local is this file's own
  return { browser: { storage: { ...storage, local: fake.local } } };
});

const { handleInventoryObservation, acceptTrustedListings } = await import('../../../src/background/listings');
const { readListings, withListings, writeListings, MAX_RECORDS } = await import('../../../src/background/listings-store');
const { updateState, dropCachedState } = await import('../../../src/background/store');
const { applyAlertAction } = await import('../../../src/core/judge-signin');

const HOST = 'sellercentral.amazon.co.jp';
const row = (sku: string, over: Partial<ListingRow> = {}): ListingRow => ({
  sku,
  asin: 'B0TEST0001',
  title: `Title of ${sku}`,
  status: 'active',
  price: 4990,
  quantity: 999,
  created: Date.UTC(2026, 10, 20),
  featured: 9980,
  lowest: 9800,
  category: '家電＆カメラ',
  brand: 'Sony',
  ...over,
});
const BOOK = row('BK-0001', { asin: '4101010013', title: 'こころ', price: 1200, quantity: 1, created: Date.UTC(2024, 2, 15), featured: 1150, lowest: 1100, category: '本', brand: '新潮社' });
const obs = (rows: ListingRow[]): Extract<Observation, { page: 'inventory' }> => ({
  page: 'inventory',
  ui: 'classic',
  seller: 'A3TESTMERCH01J',
  marketplaceId: 'A1VC38T7YXB528',
  rows,
});
const electronics = (n: number, from = 0) => Array.from({ length: n }, (_, i) => row(`EL-${from + i}`));
const state = (): StoredState => storedState(fake.data);
const recordsKey = () => Object.keys(fake.data).find((k) => k.startsWith('listings:'))!;
const records = () => (fake.data[recordsKey()] as { rows: string }).rows;

/** Move the last visit back, as if the first visit was on 2026-08-01. */
async function backdate() {
  await updateState((s) => ({ state: { ...s, sellers: s.sellers.map((w) => ({ ...w, lastVisitAt: Date.UTC(2026, 7, 1) })) }, result: null }));
}

beforeEach(() => {
  for (const k of Object.keys(fake.data)) delete fake.data[k];
  dropCachedState();
  fake.control.failSetOf = '';
  fake.control.delayMs = 0;
});

describe('two visits', () => {
  it('first: watching N listings; second: the alert and banner for the 40 new ones', async () => {
    const first = await handleInventoryObservation(HOST, obs([BOOK]));
    expect(first).toMatchObject({ kind: 'watching-listings', severity: 'info', count: 1, alertIds: [] });
    // The notice names the account and marketplace it watches (masked), in the singular for one listing.
    expect(first!.reasons).toEqual([{ key: 'listingWatchingBodyOne', subs: ['1', 'A3***1J', 'amazon.co.jp'] }]);
    expect(state().sellers).toHaveLength(1);
    expect(state().sellers[0]).toMatchObject({ marketplace: 'amazon.co.jp', hint: 'A3***1J (amazon.co.jp)', listingCount: 1 });
    // Records hold no SKU, title or merchant id.
    expect(JSON.stringify(fake.data)).not.toMatch(/BK-0001|こころ|A3TESTMERCH01J/);

    await backdate();
    const second = await handleInventoryObservation(HOST, obs([BOOK, ...electronics(40)]));
    expect(second).toMatchObject({ kind: 'new-listings', severity: 'danger', count: 40, columns: ['listingColSku', 'listingColTitle', 'listingColPrice', 'listingColCreated'] });
    expect(second!.reviewUrl).toMatch(/^https:\/\/sellercentral\.amazon\.co\.jp\/inventory\?/);
    expect(second!.rows![0]).toEqual({ key: expect.any(String), cells: ['EL-0', 'Title of EL-0', '¥4,990', '2026-11-20'], url: 'https://www.amazon.co.jp/dp/B0TEST0001' });
    expect(state().alerts).toEqual([expect.objectContaining({ kind: 'new-listings', status: 'open', subjectId: state().sellers[0]!.id })]);
    expect(second!.alertIds).toEqual([state().alerts[0]!.id]);
    expect(records().split('\n')).toHaveLength(41);
    expect(records().length / 41).toBeLessThanOrEqual(64);
  });

  it('a visit that changes no listing writes no listing records; a changed price does', async () => {
    await handleInventoryObservation(HOST, obs([BOOK]));
    const set = vi.spyOn(fake.local, 'set');
    await handleInventoryObservation(HOST, obs([BOOK]));
    expect(set.mock.calls.filter(([items]) => Object.keys(items).some((k) => k.startsWith('listings:')))).toHaveLength(0);
    await handleInventoryObservation(HOST, obs([{ ...BOOK, price: 990 }]));
    expect(set.mock.calls.filter(([items]) => Object.keys(items).some((k) => k.startsWith('listings:')))).toHaveLength(1);
    set.mockRestore();
  });

  it('another marketplace of the same seller is watched apart', async () => {
    await handleInventoryObservation(HOST, obs([BOOK]));
    const other = await handleInventoryObservation('sellercentral.amazon.com', { ...obs([BOOK]), marketplaceId: 'ATVPDKIKX0DER' });
    expect(other?.kind).toBe('watching-listings');
    expect(state().sellers.map((s) => s.marketplace).sort()).toEqual(['amazon.co.jp', 'amazon.com']);
  });
});

describe('serialised', () => {
  it('five tabs reporting at once lose no listing', async () => {
    fake.control.delayMs = 5;
    await handleInventoryObservation(HOST, obs([BOOK]));
    await Promise.all([0, 1, 2, 3, 4].map((i) => handleInventoryObservation(HOST, obs(electronics(3, i * 10)))));
    expect(records().split('\n')).toHaveLength(16);
    expect(state().sellers[0]!.listingCount).toBe(16);
  });
});

describe('with the state store', () => {
  it('a reset (listing records, then state) while a report is under way leaves one watch, under the current salt', async () => {
    const report = handleInventoryObservation(HOST, obs([BOOK]));
    // What the reset does, in the same lock order: a new salt and no sellers.
    const reset = withListings(() => updateState((s) => ({ state: { ...s, salt: 'f'.repeat(32), sellers: [] }, result: null })));
    await Promise.all([report, reset]);
    await handleInventoryObservation(HOST, obs([BOOK]));
    expect(state().sellers).toHaveLength(1);
  });

  it('trusting an alert accepts exactly the listings it listed, not the new ones of a newer alert raised before the records were settled', async () => {
    await handleInventoryObservation(HOST, obs([BOOK]));
    await backdate();
    const first = await handleInventoryObservation(HOST, obs([BOOK, ...electronics(12)]));
    await updateState((s) => ({ state: applyAlertAction(s, first!.alertIds, 'trust', Date.now()), result: null }));
    // Another tab reports new listings before the trusted alert's records are settled.
    await backdate();
    const second = await handleInventoryObservation(HOST, obs([BOOK, ...electronics(12), ...electronics(12, 100)]));
    expect(second!.alertIds).not.toEqual(first!.alertIds);
    await acceptTrustedListings(first!.alertIds);
    expect(records().match(/,p,/g)).toHaveLength(12); // EL-100… stay pending: only the newer alert lists them
  });
});

describe('accepting', () => {
  it('page 1 (40 suspects), then page 2 (10): one alert listing all 50, the banner shows them, accept accepts them', async () => {
    await handleInventoryObservation(HOST, obs([BOOK]));
    await backdate();
    const p1 = await handleInventoryObservation(HOST, obs(electronics(40)));
    expect(p1).toMatchObject({ kind: 'new-listings', count: 40 });
    const p2 = await handleInventoryObservation(HOST, obs(electronics(10, 100)));
    expect(p2).toMatchObject({ kind: 'new-listings', count: 50 });
    expect(p2!.alertIds).toEqual(p1!.alertIds);
    expect(p2!.rows).toHaveLength(50);
    expect(state().alerts).toHaveLength(1);
    expect(state().alerts[0]!.rows).toHaveLength(50); // what the popup lists
    expect(records().match(/,p,/g)).toHaveLength(50);
    await updateState((s) => ({ state: applyAlertAction(s, p2!.alertIds, 'trust', Date.now()), result: null }));
    await acceptTrustedListings(p2!.alertIds);
    expect(records()).not.toContain(',p,');
  });

  it('first visit after a hijack: 40 cheap listings created today beside an old book are a warning, not learned as the owner’s', async () => {
    const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const banner = await handleInventoryObservation(HOST, obs([BOOK, ...electronics(40).map((r) => ({ ...r, created: today }))]));
    expect(banner).toMatchObject({ kind: 'new-listings', severity: 'warning', count: 40 });
    expect(banner!.reasons![0]).toEqual({ key: 'listingWatchingBody', subs: ['41', 'A3***1J', 'amazon.co.jp'] });
    expect(state().alerts).toEqual([expect.objectContaining({ kind: 'new-listings', severity: 'warning', status: 'open' })]);
    expect(records().match(/,p,/g)).toHaveLength(40);
  });

  it('trusting the alert makes the pending listings the owner’s', async () => {
    await handleInventoryObservation(HOST, obs([BOOK]));
    await backdate();
    const banner = await handleInventoryObservation(HOST, obs([BOOK, ...electronics(12)]));
    expect(records().match(/,p,/g)).toHaveLength(12);
    await updateState((s) => ({ state: applyAlertAction(s, banner!.alertIds, 'trust', Date.now()), result: null }));
    await acceptTrustedListings(banner!.alertIds);
    expect(records()).not.toContain(',p,');
    expect(state().alerts[0]!.status).toBe('trusted');
  });

  it('dismissing leaves them pending', async () => {
    await handleInventoryObservation(HOST, obs([BOOK]));
    await backdate();
    const banner = await handleInventoryObservation(HOST, obs([BOOK, ...electronics(12)]));
    await updateState((s) => ({ state: applyAlertAction(s, banner!.alertIds, 'dismiss', Date.now()), result: null }));
    await acceptTrustedListings(banner!.alertIds);
    expect(records().match(/,p,/g)).toHaveLength(12);
  });
});

describe('failures', () => {
  it('a records write that fails after the alert was saved: the next visit re-raises the same alert', async () => {
    await handleInventoryObservation(HOST, obs([BOOK]));
    await backdate();
    fake.control.failSetOf = 'listings:';
    await expect(handleInventoryObservation(HOST, obs([BOOK, ...electronics(40)]))).rejects.toThrow(/IO error/);
    expect(state().alerts).toHaveLength(1);
    expect(records().split('\n')).toHaveLength(1);
    // The state recorded this visit; put it back as if the worker had stopped before the records were written.
    await backdate();
    const again = await handleInventoryObservation(HOST, obs([BOOK, ...electronics(40)]));
    expect(again?.count).toBe(40);
    expect(state().alerts).toHaveLength(1);
    expect(state().alerts[0]!.seenCount).toBe(2);
  });

  it('unreadable records start anew instead of failing', async () => {
    await handleInventoryObservation(HOST, obs([BOOK]));
    fake.data[recordsKey()] = { v: 99, rows: 42 };
    const id = recordsKey().slice('listings:'.length);
    expect((await readListings(id)).known.size).toBe(0);
    await expect(handleInventoryObservation(HOST, obs([BOOK]))).resolves.toBeNull();
    expect(records().split('\n')).toHaveLength(1);
  });

  it(`past ${MAX_RECORDS.toLocaleString('en-US')} records the longest-known go first, never pending ones`, { timeout: 30_000 }, async () => {
    const known = new Map<string, { price: number; quantity: number; createdDay: number; status: 'active'; pending: boolean; cat: string; brand: string }>();
    known.set('pending-first', { price: 1, quantity: 1, createdDay: 1, status: 'active', pending: true, cat: '', brand: '' });
    for (let i = 0; i < MAX_RECORDS + 5; i++) known.set(`k${i}`, { price: 1, quantity: 1, createdDay: 1, status: 'active', pending: false, cat: '', brand: '' });
    await writeListings('trim', { known, batches: null, uploadsAt: 0 });
    const back = await readListings('trim');
    expect(back.known.size).toBe(MAX_RECORDS);
    expect(back.known.has('pending-first')).toBe(true);
    expect(back.known.has('k5')).toBe(false);
    expect(back.known.has('k6')).toBe(true);
  });
});
