// Page knowledge for Seller Central's inventory table (Manage All Inventory):
// the classic table (#myitable, tr.mt-row, td[data-column]) and the current
// UI (kat-table / ARIA grid / Janus rows). Columns are found by their header
// labels in English and Japanese, never by position, so extra columns, images
// and reordering do not matter. Pure: Document in, Observation (or null) out.
// What each selector serves is recorded in test/fixtures/README.md.

import { MAX_LISTING_ROWS } from '../core/listings';
import type { ListingRow, ListingStatus, Observation } from '../core/types';
import { all, first, safely, text } from './select';
import { readSellerIdentity } from './seller-identity';
import { cellText, dayFirst, normalLabel, parseDay, parsePrice, parseQuantity } from './table-values';

export type Field =
  | 'sku'
  | 'asin'
  | 'title'
  | 'status'
  | 'price'
  | 'quantity'
  | 'created'
  | 'featured'
  | 'lowest'
  | 'category'
  | 'brand';

/**
 * Header label -> field, tried in order on the NFKC, lower-cased label (the
 * specific ones first: "Lowest price" is not "Price", "FNSKU" is not "SKU").
 */
export const HEADER_LABELS: readonly [Field, RegExp][] = [
  ['featured', /featured offer|buy ?box|おすすめ出品|カートボックス/],
  ['lowest', /lowest price|最低価格/],
  ['created', /date created|created|作成日|出品日|登録日/],
  ['asin', /^asin|asin\/isbn/],
  ['sku', /^(seller[ -]?)?sku$|^msku$|出品者sku|^sku\b/],
  ['title', /product name|^title$|^product$|product details|商品名|商品の詳細|^商品$/],
  ['status', /status|ステータス|出品状況/],
  ['quantity', /^available|quantity|^qty|^inventory$|在庫数|数量|販売可能/],
  ['price', /price|価格/],
  ['category', /category|product type|カテゴリ|商品タイプ/],
  ['brand', /brand|ブランド/],
];

/** Header labels that look like a field but are not it. */
const NOT_A_FIELD = /fnsku|inbound|reserved|unfulfillable|入荷|予約|\bfees?\b|fee preview|手数料|\bmin(imum)?\b|\bmax(imum)?\b|最小|最大|business|法人|ポイント|points/;

const labelCache = new Map<string, Field | null>();

export function fieldOfLabel(label: string): Field | null {
  const cached = labelCache.get(label);
  if (cached !== undefined) return cached;
  const field = classifyLabel(label);
  if (labelCache.size < 1000) labelCache.set(label, field);
  return field;
}

function classifyLabel(label: string): Field | null {
  const l = normalLabel(label);
  if (!l || NOT_A_FIELD.test(l)) return null;
  for (const [field, re] of HEADER_LABELS) if (re.test(l)) return field;
  return null;
}

/** Where the table may be, per layout. */
export const INVENTORY = {
  /** Classic Manage Inventory: div#myitable holding table.mt-table, rows tr.mt-row. */
  classicRoot: ['#myitable', '.mt-table-container', 'table.mt-table'],
  classicRow: ['tr.mt-row'],
  /** Current UI: Katal web components, ARIA grids, Janus div tables. */
  currentTables: ['kat-table', '[role=grid]', '[role=table]', '[class*="JanusTable-module__table"]'],
  /** Any other table with inventory headers (layouts not seen yet). */
  anyTable: ['table'],
  /** The table is still loading: read again when it settles. */
  loading: ['.mt-loading-overlay:not([style*="none"])', 'kat-spinner:not([hidden])', '[class*="loading-overlay"]:not([style*="none"])'],
} as const;

export interface Grid {
  headers: Element[];
  rows: Element[][];
}

/** Element children, walked by sibling pointers (cheap in every DOM, unlike live collections in jsdom). */
function kids(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}

/** The table's own rows (directly or in thead/tbody/tfoot), not a nested table's. */
function tableRows(table: Element): Element[] {
  const out: Element[] = [];
  for (const c of kids(table)) {
    const tag = c.tagName.toUpperCase();
    if (tag === 'TR') out.push(c);
    else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') for (const tr of kids(c)) if (tr.tagName.toUpperCase() === 'TR') out.push(tr);
  }
  return out;
}

/** An HTML table: header cells (the first row holding a th) and body rows of td. */
export function htmlGrid(table: Element): Grid {
  const cellsOf = (tr: Element) => kids(tr).filter((c) => /^T[DH]$/i.test(c.tagName));
  const trs = tableRows(table).map((tr) => ({ cells: cellsOf(tr) }));
  const head = trs.find((r) => r.cells.some((c) => c.tagName.toUpperCase() === 'TH')) ?? null;
  return {
    headers: head ? head.cells : [],
    rows: trs.filter((r) => r !== head && r.cells.some((c) => c.tagName.toUpperCase() === 'TD')).map((r) => r.cells),
  };
}

/** kat-table / ARIA grid / Janus: rows are role=row or kat-table-row, cells their cell children. */
export function componentGrid(root: Element): Grid {
  const CELL = 'kat-table-cell, [role=cell], [role=gridcell], [role=columnheader], [class*="tableCell"], [class*="headerCell"]';
  const rows = [...root.querySelectorAll('kat-table-row, [role=row], [class*="tableContentRow"], [class*="tableHeaderRow"]')].map((row) => {
    const cells = kids(row).filter((c) => c.matches(CELL));
    const head =
      row.parentElement?.tagName.toLowerCase() === 'kat-table-head' ||
      cells.some((c) => c.getAttribute('role') === 'columnheader') ||
      /tableHeaderRow/.test(row.getAttribute('class') ?? '');
    return { cells, head };
  });
  const head = rows.find((r) => r.head);
  return {
    headers: head ? head.cells : [],
    rows: rows.filter((r) => !r.head && r.cells.length > 0).map((r) => r.cells),
  };
}

/** Column index -> field, from the header labels (data-column attributes as a fallback). */
function columnFields(headers: Element[]): (Field | null)[] {
  const taken = new Set<Field>();
  return headers.map((h) => {
    const label = text(h.querySelector('.mt-header-cell, .a-text-bold, kat-label') ?? h) || h.getAttribute('aria-label') || '';
    let field = fieldOfLabel(label);
    if (!field) field = fieldOfLabel(h.getAttribute('data-column') ?? '');
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/**
 * The first result of `fn` over the elements without element children under
 * `scope` (document order, scripts and images skipped). A plain loop, not a
 * generator: this runs for every row.
 */
function findLeaf<T>(scope: Element, fn: (leaf: Element) => T | null): T | null {
  const stack: Element[] = [scope];
  while (stack.length) {
    const el = stack.pop()!;
    if (!el.firstElementChild) {
      if (el !== scope && !/^(SCRIPT|STYLE|IMG|TEMPLATE)$/i.test(el.tagName)) {
        const found = fn(el);
        if (found !== null) return found;
      }
      continue;
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return null;
}

/** "SKU" / "ASIN" labels: the label alone (its value in the next sibling), or "label: value" in one element. */
const LABELLED = {
  sku: { alone: /^(?:seller sku|sku|出品者sku)$/i, inline: /^(?:seller sku|sku|出品者sku)\s*[:：]\s*(\S.*)$/i },
  asin: { alone: /^(?:asin|asin\/isbn)$/i, inline: /^(?:asin|asin\/isbn)\s*[:：]\s*(\S.*)$/i },
};

function labelledValue(scope: Element, labels: { alone: RegExp; inline: RegExp }): string | null {
  return findLeaf(scope, (el) => {
    const t = text(el);
    if (labels.alone.test(t) && el.nextElementSibling) {
      const v = text(el.nextElementSibling);
      if (v) return v;
    }
    const m = t.match(labels.inline);
    return m ? m[1]!.trim() : null;
  });
}

const ASIN = /\b(B0[A-Z0-9]{8}|\d{9}[\dX])\b/;

function readAsin(cells: Element[], field: string | null): string | null {
  const m = field?.toUpperCase().match(ASIN);
  if (m) return m[1]!;
  for (const c of cells) {
    for (const a of c.getElementsByTagName('a')) {
      const href = a.getAttribute('href') ?? '';
      const dp = href.includes('/dp/') ? href.toUpperCase().match(ASIN) : null;
      if (dp) return dp[1]!;
    }
  }
  return null;
}

const STATUS_WORDS: [ListingStatus, RegExp][] = [
  ['incomplete', /incomplete|不備|不完全/i],
  ['inactive', /inactive|out of stock|suppressed|closed|停止|在庫切れ|出品停止/i],
  ['active', /active|出品中|販売中/i],
];

export function parseStatus(t: string): ListingStatus | null {
  if (!t) return null;
  for (const [status, re] of STATUS_WORDS) if (re.test(t)) return status;
  return 'other';
}

/** The first non-empty text of a cell (an input's value, or its first leaf element's text). */
function firstText(cell: Element): string {
  if (!cell.firstElementChild) return text(cell);
  return (
    findLeaf(cell, (el) => {
      if (/^(KAT-)?INPUT$/i.test(el.tagName) || el.hasAttribute('data-myitable-inline-changed')) return cellText(cell);
      return text(el) || null;
    }) ?? cellText(cell)
  );
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

function readRow(cells: Element[], fields: (Field | null)[], dmy: boolean): ListingRow | null {
  const byField = new Map<Field, Element>();
  cells.forEach((cell, i) => {
    const f = fields[i] ?? fieldOfLabel(cell.getAttribute('data-column') ?? '');
    if (f && !byField.has(f)) byField.set(f, cell);
  });
  const get = (f: Field) => {
    const el = byField.get(f);
    return el ? cellText(el) : '';
  };
  const rowScope = cells[0]?.parentElement ?? null;
  // The SKU cell also shows the condition: the SKU is its first piece of text.
  const skuCell = byField.get('sku');
  let sku = skuCell ? firstText(skuCell) : '';
  if (!sku && rowScope) sku = labelledValue(rowScope, LABELLED.sku) ?? '';
  sku = clip(sku.replace(/^(?:seller sku|sku|出品者sku)\s*[:：]\s*/i, ''), 100);
  if (!sku) return null;
  const asinText = get('asin') || labelledValue(byField.get('title') ?? rowScope ?? cells[0]!, LABELLED.asin) || '';
  const titleEl = byField.get('title');
  const title = clip(text(titleEl?.getElementsByTagName('a')[0] ?? titleEl) || '', 300);
  return {
    sku,
    asin: readAsin(titleEl ? [titleEl] : cells, asinText || (titleEl ? text(titleEl) : null)),
    title,
    status: byField.has('status') ? parseStatus(get('status')) : null,
    price: parsePrice(get('price')),
    quantity: parseQuantity(get('quantity')),
    created: parseDay(get('created'), dmy),
    featured: parsePrice(get('featured')),
    lowest: parsePrice(get('lowest')),
    category: clip(get('category'), 100) || null,
    brand: clip(get('brand'), 100) || null,
  };
}

function readGrid(grid: Grid, dmy: boolean, limit: number): ListingRow[] {
  const fields = columnFields(grid.headers);
  const hasSku = fields.includes('sku') || grid.rows.some((r) => r.some((c) => fieldOfLabel(c.getAttribute('data-column') ?? '') === 'sku'));
  const hasTitle = fields.includes('title');
  if (!hasSku && !hasTitle) return [];
  const out: ListingRow[] = [];
  for (const cells of grid.rows) {
    const row = readRow(cells, fields, dmy);
    if (row) out.push(row);
    if (out.length >= limit) break;
  }
  return out;
}

/** True while the page says the table is still loading. */
export function isInventoryLoading(doc: Document): boolean {
  return first(doc, INVENTORY.loading) !== null;
}

/**
 * Read the inventory table. Unknown or broken markup gives null, never an
 * exception. `limit` caps the rows (a message carries at most
 * MAX_LISTING_ROWS; the benchmark lifts it to time 10,000-row tables).
 */
export function readInventoryPage(doc: Document, limit = MAX_LISTING_ROWS): Observation | null {
  return safely(() => {
    const dmy = dayFirst(doc);
    let rows: ListingRow[] = [];
    let ui: 'classic' | 'current' = 'classic';
    const classic = first(doc, INVENTORY.classicRoot);
    if (classic) {
      const table = classic.matches('table') ? classic : classic.querySelector('table');
      if (table) rows = readGrid(htmlGrid(table), dmy, limit);
    }
    if (rows.length === 0) {
      for (const root of all(doc, INVENTORY.currentTables)) {
        rows = readGrid(componentGrid(root), dmy, limit);
        if (rows.length) {
          ui = 'current';
          break;
        }
      }
    }
    if (rows.length === 0) {
      for (const table of all(doc, INVENTORY.anyTable)) {
        rows = readGrid(htmlGrid(table), dmy, limit);
        if (rows.length) {
          ui = first(doc, INVENTORY.classicRow) ? 'classic' : 'current';
          break;
        }
      }
    }
    if (rows.length === 0) return null;
    const { seller, marketplaceId } = readSellerIdentity(doc);
    return { page: 'inventory', ui, seller, marketplaceId, rows };
  });
}
