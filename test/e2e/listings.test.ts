// The listing watch in real Chromium: the built extension, Seller Central's
// inventory and upload status URLs served from fixtures, visited twice.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { clickBanner, fixture, launchGuard, type Guard } from './harness';
import { storedState } from '../support/stored';

const messages = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
/** A message with its $NAME$ placeholders filled in, as chrome.i18n does. */
function say(lang: string, key: string, ...subs: string[]): string {
  const m = messages(lang)[key] as { message: string; placeholders?: Record<string, { content: string }> };
  return m.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => subs[Number(m.placeholders![name.toLowerCase()]!.content.slice(1)) - 1]!);
}

interface Seller {
  id: string;
  lastVisitAt: number;
  lastActivityAt: number;
  listingCount: number;
}
interface StateLike {
  sellers: Seller[];
  alerts: { id: string; kind: string; status: string; severity: string; rows?: { cells: string[]; url?: string }[]; subjectId: string }[];
}
const stateOf = (s: Record<string, unknown>) => storedState(s) as unknown as StateLike;
const recordsOf = (s: Record<string, unknown>, id: string) => s[`listings:${id}`] as { rows: string; batches: string[] | null };

/** Pretend the first visit was on 2026-08-01: what the owner of a quiet account would have. */
async function backdateVisit(g: Guard): Promise<void> {
  const state = await g.state();
  const when = Date.UTC(2026, 7, 1, 10);
  await g.setState({ ...state, sellers: state.sellers.map((s) => ({ ...s, firstSeenAt: when, lastVisitAt: when })) });
}

let g: Guard | null = null;
afterEach(async () => {
  await g?.close();
  g = null;
});

describe('listing watch (Seller Central Japan)', () => {
  it('first visit: watching 1 listing; second visit (current UI, rows after load): 40 suspicious listings; accept settles them', async () => {
    g = await launchGuard({ lang: 'ja' });
    await g.serve('https://sellercentral.amazon.co.jp/inventory**', 'inventory/ja-classic-first.html');
    let page = await g.open('https://sellercentral.amazon.co.jp/inventory/ref=xx_invmgr_dnav_xx?tbla_myitable=sort:%7B%22sortOrder%22%3A%22DESCENDING%22%2C%22sortedColumnId%22%3A%22date%22%7D;search:;pagination:1;');
    const watching = await g.banner(page);
    expect(watching).toMatchObject({ kind: 'watching-listings', severity: 'info', count: '1' });
    // The notice names the seller account (masked) and the marketplace it watches.
    expect(watching.text).toContain(say('ja', 'listingWatchingBodyOne', '1', 'A3***1J', 'amazon.co.jp'));
    expect(await g.badge()).not.toMatch(/\d/); // no alert counted (the badge may show the add-your-account '+')
    let stored = await g.storage();
    const [seller] = stateOf(stored).sellers;
    expect(seller).toMatchObject({ listingCount: 1, lastActivityAt: Date.UTC(2024, 2, 15) });
    expect(recordsOf(stored, seller!.id).rows.split('\n')).toHaveLength(1);
    // Records are hashes: no SKU, title or merchant id in storage (no alert has needed one yet).
    for (const clear of ['BK-0001', 'こころ', '4101010013', 'A3TESTMERCH01J']) expect(JSON.stringify(stored)).not.toContain(clear);
    await page.close();

    await backdateVisit(g);
    await g.serve('https://sellercentral.amazon.co.jp/myinventory/**', 'inventory/ja-current-after-load.html');
    page = await g.open('https://sellercentral.amazon.co.jp/myinventory/inventory?fulfilledBy=all&page=1&pageSize=50&sort=date_created_desc&status=all');
    const warning = await g.banner(page);
    expect(warning).toMatchObject({ kind: 'new-listings', severity: 'danger', count: '40' });
    expect(warning.text).toContain(say('ja', 'listingReasonNew', '40', '2026-08-01'));
    expect(warning.text).toContain(say('ja', 'listingReasonUnderpriced', '40', '50'));
    expect(warning.text).toContain(say('ja', 'listingReasonCategory', '40', '家電＆カメラ'));
    expect(warning.text).toContain('EL-1120-040');
    expect(warning.text).not.toContain('BK-0001');
    // Reported once, after the rows settled: one alert, seen once, with all 40 rows.
    expect(await g.badge()).toBe('1');
    stored = await g.storage();
    const alerts = stateOf(stored).alerts;
    expect(alerts).toEqual([expect.objectContaining({ kind: 'new-listings', status: 'open', severity: 'danger', subjectId: seller!.id, seenCount: 1 })]);
    expect(alerts[0]!.rows).toHaveLength(40);
    expect(alerts[0]!.rows![0]!.url).toMatch(/^https:\/\/www\.amazon\.co\.jp\/dp\/B0TEST\d{4}$/);
    const records = recordsOf(stored, seller!.id).rows;
    expect(records.split('\n')).toHaveLength(41);
    expect(records.length / 41).toBeLessThanOrEqual(64);
    expect(records).not.toContain('EL-1120');
    expect(records.match(/,p,/g)).toHaveLength(40);

    // "These are mine (accept)": the alert is trusted and the listings become the owner's.
    // A real click, then the banner's second, explicit confirmation.
    await clickBanner(page, messages('ja').actionAcceptListings!.message);
    await clickBanner(page, messages('ja').actionConfirmMine!.message);
    await expect.poll(async () => stateOf(await g!.storage()).alerts[0]?.status).toBe('trusted');
    await expect.poll(async () => recordsOf(await g!.storage(), seller!.id).rows.includes(',p,')).toBe(false);
    expect(await g.badge()).not.toMatch(/\d/); // no alert counted (the badge may show the add-your-account '+')
    await page.close();

    // The same page again: nothing new, no banner.
    page = await g.open('https://sellercentral.amazon.co.jp/myinventory/inventory');
    await g.noBanner(page, 2500);
    expect(g.extensionRequests).toEqual([]);
  });

  it('upload status page: the first read learns the batches, a new 40-record upload is a warning', async () => {
    g = await launchGuard({ lang: 'ja' });
    const full = fixture('inventory/ja-upload-status.html');
    const withoutNew = full.replace(/<tr><td>50123456789<\/td>[\s\S]*?<\/tr>/, '');
    await g.serve('https://sellercentral.amazon.co.jp/listing/status**', { html: withoutNew });
    let page = await g.open('https://sellercentral.amazon.co.jp/listing/status?ref=ag_invfile_xx');
    await g.noBanner(page, 2000);
    await page.close();
    // The page was last read on 2026-11-01; since then a 40-record file was uploaded.
    const stored = await g.storage();
    const key = Object.keys(stored).find((k) => k.startsWith('listings:'))!;
    expect((stored[key] as { batches: string[] }).batches).toHaveLength(1);
    await g.setStorage({ [key]: { ...(stored[key] as object), uploadsAt: Date.UTC(2026, 10, 1) } });
    await g.serve('https://sellercentral.amazon.co.jp/listing/status**', 'inventory/ja-upload-status.html');
    page = await g.open('https://sellercentral.amazon.co.jp/listing/status?ref=ag_invfile_xx');
    const b = await g.banner(page);
    expect(b).toMatchObject({ kind: 'new-listings', severity: 'warning', count: '1' });
    expect(b.text).toContain(say('ja', 'listingReasonUploadsOne', '1', '40'));
    expect(b.text).toContain('50123456789');
    expect(await g.badge()).toBe('1');
  });
});

describe('listing watch (Seller Central, English, current UI)', () => {
  it('sees 40 new listings at half price on sellercentral.amazon.com', async () => {
    g = await launchGuard({ lang: 'en' });
    await g.serve('https://sellercentral.amazon.com/myinventory/**', 'inventory/en-current-first.html');
    let page = await g.open('https://sellercentral.amazon.com/myinventory/inventory?ref_=xx_invmgr_dnav_xx');
    expect(await g.banner(page)).toMatchObject({ kind: 'watching-listings', count: '1' });
    await page.close();
    await backdateVisit(g);
    await g.serve('https://sellercentral.amazon.com/myinventory/**', 'inventory/en-current-seed.html');
    page = await g.open('https://sellercentral.amazon.com/myinventory/inventory?ref_=xx_invmgr_dnav_xx');
    const b = await g.banner(page);
    expect(b).toMatchObject({ kind: 'new-listings', severity: 'danger', count: '40' });
    expect(b.text).toContain(say('en', 'listingReasonBulk', '40', '24'));
    expect(b.text).toContain(say('en', 'listingReasonBrand', '40', 'Sony'));
    expect(b.text).toContain('Wireless Earbuds Bluetooth 5.3 Noise Cancelling Model 40');
    expect(await g.badge()).toBe('1');
  });
});

describe('the inventory observer', () => {
  it('a table that pages by rewriting its text only is read again', async () => {
    g = await launchGuard({ lang: 'en' });
    await g.serve('https://sellercentral.amazon.co.jp/myinventory/**', 'inventory/ja-classic-first.html');
    const page = await g.open('https://sellercentral.amazon.co.jp/myinventory/inventory?page=1');
    expect(await g.banner(page)).toMatchObject({ kind: 'watching-listings', count: '1' });
    await expect.poll(async () => stateOf(await g!.storage()).sellers[0]?.listingCount).toBe(1);
    // "Page 2": the same elements, only their text nodes rewritten (characterData records, no childList).
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('#myitable')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text;
        if (t.data.includes('BK-0001')) t.data = t.data.replace('BK-0001', 'BK-0002');
      }
    });
    await expect.poll(async () => stateOf(await g!.storage()).sellers[0]?.listingCount, { timeout: 8000 }).toBe(2);
  });

  it('exact paths: a planning table is not read; client-side navigation into /myinventory/ is', async () => {
    g = await launchGuard({ lang: 'en' });
    const planning =
      '<!doctype html><html lang="en"><head><title>Inventory Planning</title></head><body><h1>Inventory planning</h1>' +
      '<table><thead><tr><th>SKU</th><th>Product name</th><th>Price</th></tr></thead><tbody><tr><td>PLAN-1</td><td>Restock me</td><td>$10.00</td></tr></tbody></table></body></html>';
    await g.serve('https://sellercentral.amazon.co.jp/inventoryplanning/**', { html: planning });
    const page = await g.open('https://sellercentral.amazon.co.jp/inventoryplanning/dashboard');
    await g.noBanner(page, 2000);
    expect(stateOf(await g.storage())?.sellers ?? []).toEqual([]);
    // The app navigates without a page load and renders Manage Inventory.
    const inventoryBody = fixture('inventory/ja-classic-first.html').replace(/^[\s\S]*<body[^>]*>/, '').replace(/<\/body>[\s\S]*$/, '');
    await page.evaluate((body) => {
      history.pushState({}, '', '/myinventory/inventory?ref_=xx_invmgr_dnav_xx');
      document.body.innerHTML = body;
    }, inventoryBody);
    expect(await g.banner(page)).toMatchObject({ kind: 'watching-listings', count: '1' });
  });
});
