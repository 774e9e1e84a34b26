// @vitest-environment jsdom
// Page knowledge of Seller Central's inventory and upload status pages, pinned
// to the fixtures (ja/en, classic/current UI): what the extractors read, that
// columns are found by their labels (extra columns, reordering, pagination),
// that rows rendered after load are read once they are there, and that odd
// documents give null, never an exception.

import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseContentMessage } from '../../../src/core/messages';
import type { ListingRow, Observation } from '../../../src/core/types';
import { fieldOfLabel, inventoryPageKind, isInventoryLoading, parseStatus, readInventoryPage } from '../../../src/readers/inventory';
import { readUploadStatusPage } from '../../../src/readers/upload-status';
import { parseCurrency, parseDay, parsePrice, parseQuantity } from '../../../src/readers/table-values';

const DIR = fileURLToPath(new NodeURL('../../fixtures/', import.meta.url));
const load = (name: string) => parse(readFileSync(DIR + name, 'utf8'));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

type Inventory = Extract<Observation, { page: 'inventory' }>;
function inventory(name: string): Inventory {
  const obs = readInventoryPage(load(name));
  expect(obs?.page).toBe('inventory');
  return obs as Inventory;
}
const bySku = (obs: Inventory, sku: string) => obs.rows.find((r) => r.sku === sku);

const BOOK_JA: ListingRow = {
  sku: 'BK-0001',
  asin: '4101010013',
  title: 'こころ (新潮文庫)',
  status: 'active',
  price: 1200,
  quantity: 1,
  created: day(2024, 3, 15),
  featured: 1150,
  lowest: 1100,
  category: '本',
  brand: '新潮社',
  currency: 'JPY',
};

describe('classic inventory table (ja)', () => {
  it('first visit: the one old book listing, seller and marketplace from the page', () => {
    const obs = inventory('inventory/ja-classic-first.html');
    expect(obs).toEqual({ page: 'inventory', ui: 'classic', seller: 'A3TESTMERCH01J', marketplaceId: 'A1VC38T7YXB528', rows: [BOOK_JA] });
  });

  it('second visit: the book plus 40 electronics listings at half the featured offer', { timeout: 30_000 }, () => {
    const obs = inventory('inventory/ja-classic-seed.html');
    expect(obs.rows).toHaveLength(41);
    expect(bySku(obs, 'BK-0001')).toEqual(BOOK_JA);
    expect(bySku(obs, 'EL-1120-007')).toEqual({
      sku: 'EL-1120-007',
      asin: 'B0TEST0007',
      title: 'ワイヤレスイヤホン Bluetooth 5.3 ノイズキャンセリング モデル7',
      status: 'active',
      price: 4990,
      quantity: 999,
      created: day(2026, 11, 20),
      featured: 9980,
      lowest: 9800,
      category: '家電＆カメラ',
      brand: 'ソニー(SONY)',
      currency: 'JPY',
    });
  });
});

describe('current inventory UI (kat-table)', () => {
  it('en: SKU and ASIN from the product details cell, prices from kat-input, US dates', () => {
    const first = inventory('inventory/en-current-first.html');
    expect(first).toMatchObject({ ui: 'current', seller: 'A1TESTSELLERUS', marketplaceId: 'ATVPDKIKX0DER' });
    expect(first.rows).toEqual([
      {
        sku: 'BK-0001',
        asin: '0141439513',
        title: 'Pride and Prejudice (Penguin Classics)',
        status: 'active',
        price: 12,
        quantity: 1,
        created: day(2024, 3, 15),
        featured: 11.5,
        lowest: 11,
        category: 'Books',
        brand: 'Penguin Classics',
        currency: null, // "$" alone: the marketplace's dollar
      },
    ]);
    const seed = inventory('inventory/en-current-seed.html');
    expect(seed.rows).toHaveLength(41);
    expect(bySku(seed, 'EL-1120-040')).toMatchObject({ asin: 'B0TEST0040', price: 49.99, featured: 99.99, lowest: 98, created: day(2026, 11, 20), category: 'Electronics' });
  });

  it('ja: rows that render after load are read once they are there', { timeout: 30_000 }, () => {
    const doc = load('inventory/ja-current-after-load.html');
    expect(isInventoryLoading(doc)).toBe(true);
    expect(readInventoryPage(doc)).toBeNull();
    // What the page's own script does: rows arrive, the spinner goes.
    const body = doc.getElementById('rows')!;
    const later = (doc.getElementById('later-rows') as HTMLTemplateElement).content;
    const rows = [...later.querySelectorAll('kat-table-row')];
    for (const r of rows.slice(0, 20)) body.append(r.cloneNode(true));
    expect((readInventoryPage(doc) as Inventory).rows).toHaveLength(20);
    for (const r of rows.slice(20)) body.append(r.cloneNode(true));
    doc.getElementById('loading')!.remove();
    expect(isInventoryLoading(doc)).toBe(false);
    const obs = readInventoryPage(doc) as Inventory;
    // Same seller and marketplace as the classic page, from another signal (the page's config script).
    expect(obs).toMatchObject({ ui: 'current', seller: 'A3TESTMERCH01J', marketplaceId: 'A1VC38T7YXB528' });
    expect(obs.rows).toHaveLength(41);
    expect(bySku(obs, 'BK-0001')).toEqual(BOOK_JA);
  });
});

describe('classic, paginated, extra columns (en)', () => {
  const obs = inventory('inventory/en-classic-paginated.html');
  it('reads the 25 rows of this page, not the FNSKU, inbound, fee, min/max or business columns', () => {
    expect(obs.rows).toHaveLength(25);
    expect(obs.seller).toBe('A1TESTSELLERUS');
    expect(obs.marketplaceId).toBe('ATVPDKIKX0DER');
    expect(bySku(obs, 'USED-0026')).toEqual({
      sku: 'USED-0026',
      asin: 'B0PAGE0026',
      title: 'Vintage Paperback Lot Volume 26',
      status: 'inactive', // "Inactive (Out of Stock)"
      price: 1026.5,
      quantity: 5,
      created: day(2025, 3, 27),
      featured: 1027,
      lowest: 1026,
      category: null,
      brand: null,
      currency: null,
    });
  });
  it('statuses, a missing date, and the inline editor values', () => {
    expect(bySku(obs, 'USED-0027')?.status).toBe('active');
    expect(bySku(obs, 'USED-0029')?.status).toBe('active');
    expect(bySku(obs, 'USED-0028')?.status).toBe('incomplete');
    expect(bySku(obs, 'USED-0031')?.status).toBe('inactive');
    expect(bySku(obs, 'USED-0030')?.created).toBeNull();
    expect(bySku(obs, 'USED-0034')?.quantity).toBe(34 % 7);
  });
});

describe('upload status page', () => {
  it('reads the batches by their Japanese headers', () => {
    expect(readUploadStatusPage(load('inventory/ja-upload-status.html'))).toEqual({
      page: 'upload-status',
      seller: 'A3TESTMERCH01J',
      marketplaceId: 'A1VC38T7YXB528',
      batches: [
        { id: '50123456789', submitted: day(2026, 11, 20), status: '完了', records: 40 },
        { id: '48000000123', submitted: day(2024, 3, 15), status: '完了', records: 1 },
      ],
    });
  });
  it('an inventory page is not an upload status page, and the other way round', () => {
    expect(readUploadStatusPage(load('inventory/ja-classic-seed.html'))).toBeNull();
    expect(readInventoryPage(load('inventory/ja-upload-status.html'))).toBeNull();
  });
});

describe('every observation passes the background shape check', () => {
  it.each([
    'inventory/ja-classic-first.html',
    'inventory/ja-classic-seed.html',
    'inventory/en-current-first.html',
    'inventory/en-current-seed.html',
    'inventory/en-classic-paginated.html',
    'inventory/ja-upload-status.html',
  ])('%s', (name) => {
    const doc = load(name);
    const obs = readInventoryPage(doc) ?? readUploadStatusPage(doc);
    expect(parseContentMessage({ type: 'observe', observation: obs }).ok).toBe(true);
  });
});

describe('the background refuses malformed inventory observations', () => {
  const good = () => structuredClone(inventory('inventory/ja-classic-first.html')) as Inventory;
  const ok = (observation: unknown) => parseContentMessage({ type: 'observe', observation }).ok;
  it.each<[string, (o: Inventory) => unknown]>([
    ['no rows', (o) => ({ ...o, rows: [] })],
    ['2,001 rows', (o) => ({ ...o, rows: Array.from({ length: 2001 }, () => o.rows[0]) })],
    ['a price that is not a finite number', (o) => ({ ...o, rows: [{ ...o.rows[0], price: Number.NaN }] })],
    ['a negative quantity', (o) => ({ ...o, rows: [{ ...o.rows[0], quantity: -1 }] })],
    ['a 101-character SKU', (o) => ({ ...o, rows: [{ ...o.rows[0], sku: 'S'.repeat(101) }] })],
    ['a 301-character title', (o) => ({ ...o, rows: [{ ...o.rows[0], title: 'T'.repeat(301) }] })],
    ['a malformed ASIN', (o) => ({ ...o, rows: [{ ...o.rows[0], asin: 'b0-lower' }] })],
    ['an unknown status', (o) => ({ ...o, rows: [{ ...o.rows[0], status: 'hijacked' }] })],
    ['a date in 1970', (o) => ({ ...o, rows: [{ ...o.rows[0], created: 0 }] })],
    ['an extra field in a row', (o) => ({ ...o, rows: [{ ...o.rows[0], html: '<b>x</b>' }] })],
    ['a malformed marketplace id', (o) => ({ ...o, marketplaceId: 'a1vc38t7yxb528' })],
    ['an unknown layout', (o) => ({ ...o, ui: 'future' })],
  ])('%s', (_name, spoil) => {
    expect(ok(good())).toBe(true);
    expect(ok(spoil(good()))).toBe(false);
  });
});

describe('odd documents', () => {
  it.each([
    ['empty', '<html><body></body></html>'],
    ['a sign-in page', readFileSync(DIR + 'signin/ja-password-email.html', 'utf8')],
    ['a table without inventory headers', '<table><tr><th>Name</th><th>Age</th></tr><tr><td>a</td><td>1</td></tr></table>'],
    ['headers but no rows', '<table><tr><th>SKU</th><th>Price</th></tr></table>'],
    ['rows without a SKU', '<table><tr><th>SKU</th><th>Price</th></tr><tr><td></td><td>¥100</td></tr></table>'],
  ])('%s: null', (_name, html) => {
    expect(readInventoryPage(parse(html))).toBeNull();
    expect(readUploadStatusPage(parse(html))).toBeNull();
  });

  it('a generic table with inventory headers in another order is read by label', () => {
    const obs = readInventoryPage(
      parse('<table><tr><th>Price</th><th>Title</th><th>SKU</th></tr><tr><td>$5.00</td><td>Thing</td><td>X-1</td></tr></table>'),
    ) as Inventory;
    expect(obs.rows).toEqual([
      { sku: 'X-1', asin: null, title: 'Thing', status: null, price: 5, quantity: null, created: null, featured: null, lowest: null, category: null, brand: null, currency: null },
    ]);
  });

  it('page text is capped (a 5,000-character title) and the row cap holds', { timeout: 30_000 }, () => {
    const long = 'T'.repeat(5000);
    const rows = Array.from({ length: 2100 }, (_, i) => `<tr><td>S-${i}</td><td>${i === 0 ? long : 't'}</td></tr>`).join('');
    const obs = readInventoryPage(parse(`<table><tr><th>SKU</th><th>Title</th></tr>${rows}</table>`)) as Inventory;
    expect(obs.rows).toHaveLength(2000);
    expect(obs.rows[0]!.title).toHaveLength(300);
  });
});

describe('header labels', () => {
  it.each([
    ['出品者SKU', 'sku'],
    ['SKU', 'sku'],
    ['Seller SKU', 'sku'],
    ['FNSKU', null],
    ['商品名', 'title'],
    ['Product Name', 'title'],
    ['価格 + 配送料', 'price'],
    ['Your price', 'price'],
    ['最低価格 + 配送料', 'lowest'],
    ['Lowest Price + Shipping', 'lowest'],
    ['Featured Offer', 'featured'],
    ['おすすめ出品', 'featured'],
    ['カートボックス価格', 'featured'],
    ['作成日', 'created'],
    ['Date Created', 'created'],
    ['在庫数', 'quantity'],
    ['Available', 'quantity'],
    ['Inbound', null],
    ['ステータス', 'status'],
    ['Min. Price', null],
    ['Fee Preview', null],
    ['カテゴリー', 'category'],
    ['Brand', 'brand'],
  ])('%s -> %s', (label, field) => {
    expect(fieldOfLabel(label)).toBe(field);
  });
});

describe('values', () => {
  it.each([
    ['￥1,980', 1980],
    ['¥ 12,800 + ¥350', 12800],
    ['$1,299.99', 1299.99],
    ['1.299,99 €', 1299.99],
    ['12,50 €', 12.5],
    ['£7', 7],
    ['--', null],
    ['', null],
  ])('price %s', (raw, want) => {
    expect(parsePrice(raw)).toBe(want);
  });
  it.each([
    ['2026/11/20 03:10:00 JST', false, day(2026, 11, 20)],
    ['2026年11月20日', false, day(2026, 11, 20)],
    ['11/20/2026', false, day(2026, 11, 20)],
    ['20/11/2026', false, day(2026, 11, 20)],
    ['03/04/2026', true, day(2026, 4, 3)],
    ['03/04/2026', false, day(2026, 3, 4)],
    ['20.11.2026', true, day(2026, 11, 20)],
    ['Nov 20, 2026', false, day(2026, 11, 20)],
    ['20 Nov 2026', true, day(2026, 11, 20)],
    ['2026/02/31', false, null],
    ['yesterday', false, null],
  ])('date %s (day first: %s)', (raw, dayFirst, want) => {
    expect(parseDay(raw, dayFirst)).toBe(want);
  });
  it('quantities', () => {
    expect(parseQuantity('1,200')).toBe(1200);
    expect(parseQuantity('在庫なし')).toBeNull();
  });
});

describe('every marketplace UI language (current UI, Katal kat-data-table)', () => {
  // [fixture language, price of row 1, row 2, currency, row 2's created day]
  const CASES: [string, number, number, string | null, number][] = [
    ['de', 49.9, 1234.56, 'EUR', day(2024, 3, 5)],
    ['fr', 49.9, 1234.56, 'EUR', day(2024, 3, 5)],
    ['it', 49.9, 1234.56, 'EUR', day(2024, 3, 5)],
    ['es', 49.9, 1234.56, 'EUR', day(2024, 3, 5)],
    ['nl', 49.9, 1234.56, 'EUR', day(2024, 3, 5)],
    ['pl', 49.9, 1234.56, 'PLN', day(2024, 3, 5)],
    ['sv', 49.9, 1234.56, 'SEK', day(2024, 3, 5)],
    ['tr', 49.9, 1234.56, 'TRY', day(2024, 3, 5)],
    ['pt-BR', 49.9, 1234.56, 'BRL', day(2024, 3, 5)],
    ['es-MX', 49.9, 1234.56, null, day(2024, 3, 5)], // "$": the marketplace's own peso
    ['ar', 49.9, 1234.56, 'AED', day(2024, 3, 5)],
    ['zh', 4990, 1234, 'JPY', day(2024, 3, 5)],
  ];
  it.each(CASES)('%s: headers, statuses, prices with currency, dates', (lang, p1, p2, currency, created2) => {
    const obs = inventory(`inventory/${lang}-katal.html`);
    expect(obs.ui).toBe('current');
    expect(obs.seller).toMatch(/^A9LANGTEST/);
    expect(obs.rows).toHaveLength(2);
    const [a, b] = obs.rows;
    expect(a).toMatchObject({ sku: `${lang.toUpperCase()}-SKU-1`, asin: 'B0LANG0000', title: `${lang} product 1`, status: 'active', price: p1, quantity: 7, created: day(2026, 11, 20), currency });
    expect(b).toMatchObject({ sku: `${lang.toUpperCase()}-SKU-2`, status: 'inactive', price: p2, quantity: 14, created: created2, currency });
    expect(a!.featured).toBeGreaterThan(a!.price!);
    expect(a!.lowest).toBe(a!.featured);
    // What the content script sends passes the background's shape check.
    expect(parseContentMessage({ type: 'observe', observation: obs })).toMatchObject({ ok: true });
  });

  it('page 2 without a created-date column: 25 rows, none dated', () => {
    const obs = inventory('inventory/en-katal-page2-undated.html');
    expect(obs.rows).toHaveLength(25);
    expect(obs.rows.every((r) => r.created === null && r.status === 'active')).toBe(true);
    expect(obs.rows[3]).toMatchObject({ sku: 'OLD-0003', title: 'Older listing 3', asin: 'B0OLD00003', price: 23, featured: 24, quantity: 3 });
  });

  it('rows in an open shadow root of kat-data-table are read; the classic table keeps working', () => {
    const doc = load('inventory/de-katal.html');
    const host = doc.querySelector('kat-data-table')!;
    const table = host.querySelector('table')!;
    const root = host.attachShadow({ mode: 'open' });
    root.append(table); // the table now lives only in the shadow tree
    expect(host.querySelector('table')).toBeNull();
    const obs = readInventoryPage(doc) as Inventory;
    expect(obs.rows.map((r) => r.sku)).toEqual(['DE-SKU-1', 'DE-SKU-2']);
    expect(inventory('inventory/ja-classic-first.html').ui).toBe('classic');
  });

  it.each([
    ['Aktiv', 'active'], ['Inaktiv', 'inactive'], ['Unvollständig', 'incomplete'], ['Nieaktywne', 'inactive'], ['Aktywne', 'active'],
    ['Aktif değil', 'inactive'], ['Aktif', 'active'], ['Inativo', 'inactive'], ['Ativo', 'active'], ['Incomplète', 'incomplete'],
    ['Slut i lager', 'inactive'], ['غير نشط', 'inactive'], ['نشط', 'active'], ['不可售', 'inactive'], ['在售', 'active'], ['Esaurito', 'inactive'],
  ] as const)('status %s -> %s', (word, status) => {
    expect(parseStatus(word)).toBe(status);
  });

  it.each([
    ['1.234,56 €', 1234.56, 'EUR'], ['R$ 1.234,56', 1234.56, 'BRL'], ['￥1,234', 1234, 'JPY'], ['$1,234.56', 1234.56, null],
    ['1 234,56 zł', 1234.56, 'PLN'], ['1\u202f234,56 zł', 1234.56, 'PLN'], ['1 234,56 kr', 1234.56, 'SEK'], ['1.234,56 TL', 1234.56, 'TRY'],
    ['£12.50', 12.5, 'GBP'], ['CA$ 19.99', 19.99, 'CAD'], ['₹ 1,299', 1299, 'INR'], ['AED 99.00', 99, 'AED'], ['1980', 1980, null],
  ] as const)('price %s -> %s %s', (raw, n, cur) => {
    expect(parsePrice(raw)).toBe(n);
    expect(parseCurrency(raw)).toBe(cur);
  });

  it.each([
    ['5. März 2026', day(2026, 3, 5)], ['5 mars 2026', day(2026, 3, 5)], ['5 de marzo de 2026', day(2026, 3, 5)], ['5 juil. 2026', day(2026, 7, 5)],
    ['5 juin 2026', day(2026, 6, 5)], ['12 paź 2026', day(2026, 10, 12)], ['5 Ağustos 2026', day(2026, 8, 5)], ['5 dez. 2026', day(2026, 12, 5)],
    ['2026年3月5日', day(2026, 3, 5)], ['Mar 5, 2026', day(2026, 3, 5)], ['05.03.2026', day(2026, 3, 5)],
  ] as const)('date %s', (raw, ms) => {
    expect(parseDay(raw, true)).toBe(ms);
  });
});

describe('exact inventory paths', () => {
  it.each([
    ['/inventory', 'inventory'], ['/inventory/ref=xx_invmgr_dnav_xx', 'inventory'], ['/inventory?tbla_myitable=x', 'inventory'], ['/hz/inventory', 'inventory'],
    ['/myinventory/inventory', 'inventory'], ['/listing/status', 'uploads'], ['/listing/upload', 'uploads'],
    ['/inventoryplanning/dashboard', null], ['/inventory-ledger', null], ['/hz/inventoryplanning', null], ['/home', null], ['/listing/statusx', null],
  ] as const)('%s -> %s', (path, kind) => {
    expect(inventoryPageKind(path)).toBe(kind);
  });
});
