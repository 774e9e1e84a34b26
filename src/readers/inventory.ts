// Page knowledge for Seller Central's inventory table (Manage All Inventory):
// which paths are inventory pages, the classic table (#myitable, tr.mt-row,
// td[data-column]) and the current UI (Katal's kat-data-table holding a real
// table, in light DOM or an open shadow root; kat-table / ARIA grid / Janus
// rows). Columns are found by their header labels in the UI languages of
// every marketplace (ja en de fr it es nl pl sv tr pt ar zh), never by
// position, so extra columns, images and reordering do not matter. Pure:
// Document in, Observation (or null) out. What each selector serves is
// recorded in test/fixtures/README.md.

import { MAX_LISTING_ROWS } from '../core/listings';
import type { ListingRow, ListingStatus, Observation } from '../core/types';
import { INVENTORY_PATHS as INVENTORY_PATH_PATTERNS, type PageType } from './page-type';
import { all, first, safely, text } from './select';
import { readSellerIdentity, type SellerIdentity } from './seller-identity';
import { cellText, dayFirst, nextElement, normalLabel, parseCurrency, parseDay, parsePrice, parseQuantity } from './table-values';

/** Which Seller Central page a path is: Manage Inventory, the upload status page, or neither. */
export type InventoryPageKind = 'inventory' | 'uploads' | null;

/**
 * Exact inventory paths: /inventory and /hz/inventory (classic, with /ref=…
 * or a query), /myinventory/… (current). Never /inventoryplanning/… or
 * /inventory-ledger: other tables with SKU columns.
 */
export const INVENTORY_PATHS = /^\/(?:hz\/)?inventory(?:[/?;#]|$)|^\/myinventory(?:[/?#]|$)/;
export const UPLOAD_PATHS = /^\/listing\/(?:status|upload)(?:[/?;#]|$)/;

export function inventoryPageKind(pathname: string): InventoryPageKind {
  if (INVENTORY_PATHS.test(pathname)) return 'inventory';
  if (UPLOAD_PATHS.test(pathname)) return 'uploads';
  return null;
}

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
  ['featured', /featured offer|buy ?box|おすすめ出品|カートボックス|empfohlenes angebot|einkaufswagen|offre (en vedette|mise en avant|recommandée)|offerta in evidenza|oferta destacada|aanbevolen aanbieding|polecana oferta|utvalt erbjudande|öne çıkan teklif|oferta em destaque|العرض المميز|特色商品|购买按钮/],
  ['lowest', /lowest price|最低価格|niedrigster preis|prix le plus bas|prezzo più basso|precio más bajo|laagste prijs|najniższa cena|lägsta pris|en düşük fiyat|(menor|mais baixo) preço|preço mais baixo|أقل سعر|最低价/],
  ['created', /created|作成日|出品日|登録日|erstell|date de création|créé|data di creazione|creat[oa]|fecha de creación|cread[oa]|aanmaakdatum|aangemaakt|data utworzenia|utworzon|skapa(d|t)|oluşturul|data de criação|criad[oa]|تاريخ الإنشاء|创建/],
  ['asin', /^asin|asin\/isbn/],
  ['sku', /^seller[ -]?sku$|^msku$|出品者sku|^sku\b|^(verkäufer|händler)[ -]?sku$|^sku (du vendeur|del vendedor|do vendedor|venditore|sprzedawcy)$|^(säljar|satıcı)[ -]?sku$/],
  ['title', /product name|^title$|^product$|product details|商品名|商品の詳細|^商品$|produktname|produktdetails|^produkt$|^titel$|nom du produit|^titre$|^produit$|nome (del )?prodotto|^titolo$|^prodotto$|nombre del producto|^título$|^producto$|productnaam|nazwa produktu|^tytuł$|produktnamn|ürün adı|^başlık$|^ürün$|nome do produto|^produto$|اسم المنتج|^标题$/],
  ['status', /status|ステータス|出品状況|statut|^stato|estado|durum|الحالة|状态/],
  ['quantity', /^available|quantity|^qty|^inventory$|在庫数|数量|販売可能|verfügbar|^menge|^disponible|quantité|disponibil|^cantidad|beschikbaar|^aantal|dostępn|^ilość|tillgänglig|^antal|^mevcut|miktar|disponível|quantidade|الكمية|متوفر|可售/],
  ['price', /price|価格|preis|prix|prezzo|precio|prijs|^cena|pris|fiyat|preço|سعر|价格/],
  ['category', /category|product type|カテゴリ|商品タイプ|kategori|produkttyp|catégorie|type de produit|categori|tipo di prodotto|tipo de pro|producttype|typ produktu|ürün türü|الفئة|分类|类别|商品类型/],
  ['brand', /brand|ブランド|^marke$|^marque$|^marca$|^merk$|^marka$|märke|العلامة التجارية|品牌/],
];

/** Header labels that look like a field but are not it (minimum/maximum prices, fees, inbound and reserved stock, business prices). */
const NOT_A_FIELD =
  /fnsku|inbound|reserved|unfulfillable|入荷|予約|\bfees?\b|fee preview|手数料|\bmin(imum)?\b|\bmax(imum)?\b|最小|最大|business|法人|ポイント|points|mindest|höchst|maximal|mínim|máxim|minim[oa]|massim[oa]|gebührenvorschau|aperçu des frais|vista previa de tarifa|anteprima (delle )?commissioni|voorbeeld van( de)? kosten|podgląd opłat|förhandsgranskning|ücret önizleme|prévia de tarifa|reserviert|réservé|riservat|reservad|gereserveerd|zarezerwowan|reserverad|rezerve|eingehend|en transit|in entrata|entrante|inkomend|przychodz|inkommande|gelen|entrada|geschäft|entreprise|aziend|empresa|zakelijk|firm|företag|kurumsal/;

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
  /** Current UI: Katal's kat-data-table (a real table inside, light DOM or open shadow root), kat-table, ARIA grids, Janus div tables. */
  currentTables: ['kat-data-table', 'kat-table', '[role=grid]', '[role=table]', '[class*="JanusTable-module__table"]'],
  /** Katal hosts whose open shadow roots may hold the rows. */
  shadowHosts: ['kat-data-table', 'kat-table', '[data-testid*="inventory" i]'],
  /** Any other table with inventory headers (layouts not seen yet). */
  anyTable: ['table'],
  /** The table is still loading: read again when it settles. */
  loading: ['.mt-loading-overlay:not([style*="none"])', 'kat-spinner:not([hidden])', '[class*="loading-overlay"]:not([style*="none"])'],
} as const;

export interface Grid {
  headers: Element[];
  rows: Element[][];
  /** The element holding every row (one query there answers for all cells). */
  root?: Element;
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

/** An HTML table: header cells (the first row holding a th) and body rows of td. One pass, no per-cell closures: it runs for every cell. */
export function htmlGrid(table: Element): Grid {
  let headers: Element[] | null = null;
  const rows: Element[][] = [];
  for (const tr of tableRows(table)) {
    const cells: Element[] = [];
    let th = false;
    let td = false;
    for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.tagName.toUpperCase();
      if (tag === 'TD') td = true;
      else if (tag === 'TH') th = true;
      else continue;
      cells.push(c);
    }
    if (th && !headers) headers = cells;
    else if (td) rows.push(cells);
  }
  return { headers: headers ?? [], rows, root: table };
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
    root,
  };
}

/** Column index -> field, from the header labels (data-column attributes as a fallback). */
function columnFields(headers: Element[]): (Field | null)[] {
  const taken = new Set<Field>();
  return headers.map((h) => {
    const inner = h.querySelector('.mt-header-cell, .a-text-bold, kat-label');
    // Katal's kat-label may carry its text in an attribute only.
    const label = text(inner) || inner?.getAttribute('text') || inner?.getAttribute('label') || text(h) || h.getAttribute('aria-label') || '';
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
  for (let el: Element | null = scope.firstElementChild; el; el = nextElement(el, scope)) {
    if (el.firstElementChild || /^(SCRIPT|STYLE|IMG|TEMPLATE)$/i.test(el.tagName)) continue;
    const found = fn(el);
    if (found !== null) return found;
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

const asinIn = (t: string | null | undefined): string | null => (t ? (t.toUpperCase().match(ASIN)?.[1] ?? null) : null);

/** The ASIN of a product link (/dp/…) in `cells`. */
function linkedAsin(cells: Element[]): string | null {
  for (const c of cells) {
    for (const tag of ['a', 'kat-link']) {
      const links = c.getElementsByTagName(tag);
      for (let i = 0; i < links.length; i++) {
        const href = links[i]!.getAttribute('href') ?? '';
        const dp = href.includes('/dp/') ? href.toUpperCase().match(ASIN) : null;
        if (dp) return dp[1]!;
      }
    }
  }
  return null;
}

/** Status words in every marketplace's UI language; "inactive" before "active" (inaktiv, nieaktywne, aktif değil contain it). */
const STATUS_WORDS: [ListingStatus, RegExp][] = [
  ['incomplete', /incompl[eè]t|不備|不完全|unvollständig|onvolledig|niekompletn|ofullständig|eksik|غير مكتمل|不完整/i],
  [
    'inactive',
    /inactiv|out of stock|suppressed|closed|停止|在庫切れ|inaktiv|ausverkauft|nicht verfügbar|unterdrückt|geschlossen|en rupture|supprimé|inattiv|esaurit|soppress|agotad|sin existencias|suprimid|inactief|niet op voorraad|onderdrukt|nieaktywn|brak w magazynie|wyczerpan|slut i lager|pasif|aktif değil|stokta yok|inativ|fora de estoque|esgotad|غير نشط|نفد|不可售|缺货|停售/i,
  ],
  ['active', /activ|出品中|販売中|aktiv|attiv|actief|aktywn|aktif|ativ|نشط|在售|可售/i],
];

/** Memo of status words: a page repeats a handful of them in every row. */
const statusCache = new Map<string, ListingStatus>();

export function parseStatus(t: string): ListingStatus | null {
  if (!t) return null;
  let status = statusCache.get(t);
  if (status) return status;
  status = 'other';
  for (const [s, re] of STATUS_WORDS) {
    if (re.test(t)) {
      status = s;
      break;
    }
  }
  if (statusCache.size > 500) statusCache.clear();
  statusCache.set(t, status);
  return status;
}

/** Memo of date cells, one per day-order: a page repeats a few hundred dates at most. */
const dayCaches = [new Map<string, number | null>(), new Map<string, number | null>()];
function dayOfCell(t: string, dmy: boolean): number | null {
  const cache = dayCaches[dmy ? 1 : 0]!;
  let v = cache.get(t);
  if (v === undefined) {
    v = parseDay(t, dmy);
    if (cache.size > 5000) cache.clear();
    cache.set(t, v);
  }
  return v;
}

/** The first non-empty text of a cell (an input's value, or its first leaf element's text). */
function firstText(cell: Element, inline: boolean): string {
  return (
    findLeaf(cell, (el) => {
      if (/^(KAT-)?INPUT$/i.test(el.tagName) || (inline && el.hasAttribute('data-myitable-inline-changed'))) return cellText(cell, inline);
      return text(el) || null;
    }) ?? cellText(cell, inline)
  );
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

function readRow(cells: Element[], fields: (Field | null)[], dmy: boolean, inline: boolean): ListingRow | null {
  // The first cell of each field (a plain object per row: cheaper than a Map).
  const by: Partial<Record<Field, Element>> = {};
  for (let i = 0; i < cells.length; i++) {
    const f = fields[i] ?? fieldOfLabel(cells[i]!.getAttribute('data-column') ?? '');
    if (f && !by[f]) by[f] = cells[i];
  }
  const get = (f: Field) => {
    const el = by[f];
    return el ? cellText(el, inline) : '';
  };
  const rowScope = cells[0]?.parentElement ?? null;
  // The SKU cell also shows the condition: the SKU is its first piece of text.
  const skuCell = by.sku;
  let sku = skuCell ? firstText(skuCell, inline) : '';
  if (!sku && rowScope) sku = labelledValue(rowScope, LABELLED.sku) ?? '';
  sku = clip(sku.replace(/^(?:seller sku|sku|出品者sku)\s*[:：]\s*/i, ''), 100);
  if (!sku) return null;
  const titleEl = by.title;
  // ASIN: its column, the product link (/dp/…), an "ASIN: …" label, or the title cell's text; cheapest first.
  let asin = asinIn(get('asin'));
  if (!asin && titleEl) asin = linkedAsin([titleEl]);
  if (!asin) asin = asinIn(labelledValue(titleEl ?? rowScope ?? cells[0]!, LABELLED.asin));
  if (!asin) asin = titleEl ? asinIn(text(titleEl)) : linkedAsin(cells);
  const link = titleEl?.getElementsByTagName('a')[0] ?? titleEl?.getElementsByTagName('kat-link')[0];
  const title = clip(text(link ?? titleEl) || link?.getAttribute('label') || (titleEl ? cellText(titleEl, inline) : ''), 300);
  const priceText = get('price');
  const featuredText = get('featured');
  const lowestText = get('lowest');
  return {
    sku,
    asin,
    title,
    status: by.status ? parseStatus(get('status')) : null,
    price: parsePrice(priceText),
    quantity: parseQuantity(get('quantity')),
    created: dayOfCell(get('created'), dmy),
    featured: parsePrice(featuredText),
    lowest: parsePrice(lowestText),
    category: clip(get('category'), 100) || null,
    brand: clip(get('brand'), 100) || null,
    currency: parseCurrency(priceText) ?? parseCurrency(featuredText) ?? parseCurrency(lowestText),
  };
}

function readGrid(grid: Grid, dmy: boolean, limit: number): ListingRow[] {
  const fields = columnFields(grid.headers);
  const hasSku = fields.includes('sku') || grid.rows.some((r) => r.some((c) => fieldOfLabel(c.getAttribute('data-column') ?? '') === 'sku'));
  const hasTitle = fields.includes('title');
  if (!hasSku && !hasTitle) return [];
  // One query for the whole table: most have no inline-edited cell, and then no element needs a look for one.
  const inline = grid.root?.querySelector('[data-myitable-inline-changed]') !== null;
  const out: ListingRow[] = [];
  for (const cells of grid.rows) {
    const row = readRow(cells, fields, dmy, inline);
    if (row) out.push(row);
    if (out.length >= limit) break;
  }
  return out;
}

/** True while the page says the table is still loading. */
export function isInventoryLoading(doc: Document): boolean {
  return first(doc, INVENTORY.loading) !== null;
}

/** The table a Katal kat-data-table renders: a real table in its light DOM or its open shadow root. */
function katTable(root: Element): Element | null {
  if (root.tagName.toUpperCase() !== 'KAT-DATA-TABLE') return null;
  return root.querySelector('table') ?? root.shadowRoot?.querySelector('table') ?? null;
}

/** Where tables may be: the document, and the open shadow roots of Katal hosts (one level of nesting more). */
function scopes(doc: Document): ParentNode[] {
  const out: ParentNode[] = [doc];
  for (let i = 0; i < out.length && i < 20; i++) {
    for (const host of all(out[i]!, INVENTORY.shadowHosts)) if (host.shadowRoot) out.push(host.shadowRoot);
  }
  return out;
}

function readCurrent(scope: ParentNode, dmy: boolean, limit: number): ListingRow[] {
  for (const root of all(scope, INVENTORY.currentTables)) {
    const table = katTable(root);
    const rows = readGrid(table ? htmlGrid(table) : componentGrid(root), dmy, limit);
    if (rows.length) return rows;
  }
  return [];
}

/**
 * Read the inventory table. Unknown or broken markup gives null, never an
 * exception. `limit` caps the rows (a message carries at most
 * MAX_LISTING_ROWS; the benchmark lifts it to time 10,000-row tables).
 * `identity`: where the seller identity comes from when there are rows (the
 * content script reads it once per page, not on every change of the table).
 */
export function readInventoryPage(doc: Document, limit = MAX_LISTING_ROWS, identity?: () => SellerIdentity): Observation | null {
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
      for (const scope of scopes(doc)) {
        rows = readCurrent(scope, dmy, limit);
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
    const { seller, marketplaceId } = identity ? identity() : readSellerIdentity(doc);
    return { page: 'inventory', ui, seller, marketplaceId, rows };
  });
}

/** Manage Inventory's page type (readers/page-types registry; watch health). */
export const INVENTORY_PAGE: PageType = {
  id: 'inventory',
  labelKey: 'pageTypeInventory',
  paths: { retail: [], seller: INVENTORY_PATH_PATTERNS },
  // A table with listing rows on it (an empty inventory shows none).
  mustYield: { present: [...INVENTORY.classicRow, '[role=grid] [role=row] [role=gridcell]', 'kat-table-body kat-table-row'] },
};
