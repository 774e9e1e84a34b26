// Reading values out of Seller Central table cells: text (Katal components'
// label attributes included), prices and their currency in every
// marketplace's notation, quantities and dates (Y/M/D, D/M/Y, M/D/Y,
// 2026年3月5日, "Mar 5, 2026", "5. März 2026", "5 de marzo de 2026", …).
// Pure helpers for the inventory and upload status extractors.

import { text } from './select';

/** NFKC (full-width digits, ￥), skipped for printable ASCII: most cells, and normalising is not free. */
const nfkc = (t: string) => (/^[\x20-\x7e]*$/.test(t) ? t : t.normalize('NFKC'));

/** A header label as the label tables match it: NFKC, lower case, whitespace collapsed. */
export function normalLabel(label: string): string {
  return label.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Day-first dates (31/12/2026) everywhere but in US English, Japanese and Chinese pages. */
export function dayFirst(doc: Document): boolean {
  const lang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  return !(lang === '' || lang === 'en' || lang === 'en-us' || lang.startsWith('ja') || lang.startsWith('zh'));
}

/**
 * A cell's value: an input's value (editable price/quantity cells), the
 * original value of the classic table's inline editor
 * (data-myitable-inline-changed='{"original":"1,980"}'), or its text.
 * `inline` false: the caller knows no element of the table carries that
 * attribute (one query per table instead of a look at every element).
 */
export function cellText(cell: Element, inline = true): string {
  if (!cell.firstElementChild) return text(cell);
  // One walk over the cell's elements (a few per cell): cheaper than selector queries.
  let saved: string | null = null;
  let katLabel: string | null = null;
  for (let el: Element | null = cell.firstElementChild; el; el = nextElement(el, cell)) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'INPUT') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      const value = el.getAttribute('value') ?? (el as HTMLInputElement).value;
      if (type !== 'hidden' && type !== 'checkbox' && value) return value.trim();
    } else if (tag === 'KAT-INPUT') {
      const value = el.getAttribute('value');
      if (value) return value.trim();
    }
    if (inline && saved === null) saved = el.getAttribute('data-myitable-inline-changed');
    // Katal components (kat-badge, kat-link, kat-label…) may render their text from a label attribute.
    if (katLabel === null && tag.startsWith('KAT-')) katLabel = el.getAttribute('label') ?? el.getAttribute('value');
  }
  if (saved) {
    try {
      const original = (JSON.parse(saved) as { original?: unknown }).original;
      if (typeof original === 'string' || typeof original === 'number') return String(original).trim();
    } catch {
      // not JSON: fall back to the text
    }
  }
  return text(cell) || (katLabel ?? '').replace(/\s+/g, ' ').trim();
}

/** The element after `el` under `root`, in document order (a walk without a stack). */
export function nextElement(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) if (e.nextElementSibling) return e.nextElementSibling;
  return null;
}

/** Currency marks as Seller Central prints them, most specific first; "$" alone is the marketplace's own dollar. */
const CURRENCY_MARKS: readonly [RegExp, string][] = [
  [/R\$/, 'BRL'],
  [/MX\$|Mex\$/i, 'MXN'],
  [/CA\$|C\$/, 'CAD'],
  [/AU?\$/, 'AUD'],
  [/S\$/, 'SGD'],
  [/US\$/, 'USD'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/[¥￥]|円/, 'JPY'],
  [/zł/i, 'PLN'],
  [/₺|\bTL\b/, 'TRY'],
  [/₹|\bRs/, 'INR'],
  [/د\.إ/, 'AED'],
  [/ر\.س/, 'SAR'],
  [/ج\.م/, 'EGP'],
  [/\bkr\b/i, 'SEK'],
  [/\b(JPY|USD|CAD|MXN|BRL|GBP|EUR|SEK|PLN|TRY|AED|SAR|EGP|INR|SGD|AUD|ZAR)\b/, ''],
];

/** The ISO 4217 currency a price cell names ("1.234,56 €" -> "EUR"), or null ("$" alone, or none). */
export function parseCurrency(raw: string): string | null {
  // Digits, separators, "+" and a bare "$" name no currency (most cells of a dollar marketplace).
  if (!raw || /^[\d.,\s$+]*$/.test(raw)) return null;
  for (const [re, code] of CURRENCY_MARKS) {
    const m = raw.match(re);
    if (m) return code || m[1]!;
  }
  return null;
}

/**
 * A price the general path below reads as its digits without their grouping
 * commas: "4990" (an input's value), "$1,234.56 + $0.00", "￥9,800 + ￥0".
 * Printable ASCII and currency marks NFKC leaves non-digits only; nothing
 * that joins the number once spaces go (a digit, separator or apostrophe
 * next); no leading "0," (a decimal comma). Anything else goes the general way.
 */
const PLAIN_PRICE = /^[\x20-\x2f\x3a-\x7e¥￥€£円]*?([1-9]\d{0,2}(?:,\d{3})+|\d+)(\.\d{1,2})?(?! *[\d.,'])[\x20-\x7e¥￥€£円]*$/;

/** "¥1,980", "$1,299.99", "1.299,99 €", "€ 12,50", "--" -> number or null. */
export function parsePrice(raw: string): number | null {
  const plain = PLAIN_PRICE.exec(raw);
  if (plain) {
    const n = Number.parseFloat(plain[1]!.replace(/,/g, '') + (plain[2] ?? ''));
    return n <= 1e9 ? n : null;
  }
  return parseGeneralPrice(raw);
}

/** parsePrice for any notation (exported for the test that pins the fast path to it). */
export function parseGeneralPrice(raw: string): number | null {
  const t = nfkc(raw).replace(/\s/g, '');
  const m = t.match(/\d[\d.,']*/);
  if (!m) return null;
  let s = m[0].replace(/'/g, '').replace(/[.,]$/, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // The later separator is the decimal one.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // "12,50" is a decimal comma; "1,980" and "1,234,567" group thousands.
    s = /,\d{3}$/.test(s) && !/^0,/.test(s) ? s.replace(/,/g, '') : s.replace(/,(?=\d{3}\b)/g, '').replace(',', '.');
  } else if (lastDot >= 0 && /^\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, ''); // "1.299" in de/fr/it: thousands
  }
  const n = Number.parseFloat(s);
  return Number.isFinite(n) && n >= 0 && n <= 1e9 ? n : null;
}

export function parseQuantity(raw: string): number | null {
  if (/^\d{1,9}$/.test(raw)) return Number.parseInt(raw, 10);
  const m = nfkc(raw).replace(/[,.'\s](?=\d{3}\b)/g, '').match(/\d+/);
  if (!m) return null;
  const n = Number.parseInt(m[0], 10);
  return Number.isFinite(n) && n <= 1e9 ? n : null;
}

/**
 * Month names by their first three or four letters (lower case), in the
 * languages of the marketplace table: en de fr it es nl pl sv tr pt. Four
 * letters where three are ambiguous (French juin / juillet).
 */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12, // de
  janv: 1, févr: 2, fév: 2, avr: 4, juin: 6, juil: 7, aoû: 8, déc: 12, // fr
  gen: 1, mag: 5, giu: 6, lug: 7, ago: 8, set: 9, ott: 10, dic: 12, // it (ago, set, dic also es/pt)
  ene: 1, abr: 4, // es
  maa: 3, mei: 5, // nl
  sty: 1, lut: 2, kwi: 4, maj: 5, cze: 6, lip: 7, sie: 8, wrz: 9, paź: 10, lis: 11, gru: 12, // pl (maj also sv)
  oca: 1, şub: 2, nis: 4, haz: 6, tem: 7, ağu: 8, eyl: 9, eki: 10, kas: 11, ara: 12, // tr
  fev: 2, out: 10, // pt
};

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTHS[w.slice(0, 4)] ?? MONTHS[w.slice(0, 3)];
}

function utcDay(y: number, m: number, d: number): number | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1995 || y > 2100) return null;
  const ms = Date.UTC(y, m - 1, d);
  return new Date(ms).getUTCDate() === d ? ms : null;
}

/**
 * A date cell -> UTC midnight (ms) of that day. `dayFirst` decides
 * 03/04/2026 (3 April vs March 4) when neither part is above 12.
 */
export function parseDay(raw: string, dayFirst: boolean): number | null {
  const t = nfkc(raw).trim();
  if (!t) return null;
  let m = t.match(/(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})/);
  if (m) return utcDay(+m[1]!, +m[2]!, +m[3]!);
  m = t.match(/(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})/);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const dmy = a > 12 ? true : b > 12 ? false : dayFirst;
    return dmy ? utcDay(+m[3]!, b, a) : utcDay(+m[3]!, a, b);
  }
  m = t.match(/(\p{L}{3,})\.?\s+(\d{1,2}),?\s+(\d{4})/u);
  if (m && monthOf(m[1]!)) return utcDay(+m[3]!, monthOf(m[1]!)!, +m[2]!);
  m = t.match(/(\d{1,2})\.?\s+(?:de\s+)?(\p{L}{3,})\.?,?\s+(?:de\s+)?(\d{4})/u);
  if (m && monthOf(m[2]!)) return utcDay(+m[3]!, monthOf(m[2]!)!, +m[1]!);
  return null;
}
