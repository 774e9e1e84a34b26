// Hostile input for the fuzz tests: a seedable PRNG, page-derived strings an
// attacker could plant (markup in emails and titles, script terminators, odd
// encodings), random documents built from the fixtures' own vocabulary, and
// DOM mutations of real fixture pages. Every case is derived from (seed, case
// number) alone, so one failing case can be replayed by itself.

/** mulberry32: small, fast, good enough for test-case generation. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof prng>;

/** A per-case seed from the run's seed and the case number. */
export function caseSeed(seed: number, n: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ n, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Strings that must only ever be shown as text. Each contains markup a renderer could be fooled by. */
export const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '<b id=pwned>bold</b>',
  '<a href="javascript:alert(1)">x</a>',
  '<!--',
  ']]><![CDATA[',
  '<style>*{display:none}</style>',
  '{{constructor.constructor("alert(1)")()}}',
] as const;

const EMAILS = [
  'owner.taro@example.com',
  'h1jack3r@mail-box.example.net',
  'taro.yamada@example.co.jp',
  'ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＣＯＭ',
  '\u200btaro@example.com\u200e',
  'ta***@g***.com',
  'a@b',
  '@@@',
  'x'.repeat(400) + '@example.com',
];
const PHONES = ['+81 90-1234-5678', '090-1234-5678', '+1 206-555-0143', '０９０ー１２３４ー５６７８', '12345678901234567890', '+', '000'];
const NUMBERS = ['￥1,980', '$12.34', '1.234,56 €', '-5', '1e308', 'NaN', 'Infinity', '0x10', '９９９', '12,34,56', '3,000円', '—', '--', '1/2/3', '2024/13/45', '2025-02-30', '31.12.1969', '令和7年11月25日'];
const WORDS = ['SKU', 'ASIN', '出品者SKU', '価格', '在庫', 'ステータス', 'Active', '出品中', 'Email', 'Eメール', 'Phone', '携帯電話番号', 'Address', '住所', 'Two-Step Verification', '2段階認証', 'Edit', '変更', 'On', 'Off', '有効', '無効', 'Merchant Token', 'ending in 43', '末尾が43', '口座番号', 'IBAN DE89 3704 0044 0532 0130 00', 'Order #', '注文番号'];
const WEIRD = ['', ' ', '\u0000', '\ud800', '\uffff', '\u202e', 'ä'.normalize('NFD'), 'Ã£Â\u0081Â\u0093', '�', '🧨'.repeat(30), '\t\n\r', 'null', 'undefined', '[object Object]', 'true', '{}', '[]'];

/** One page-derived value, often hostile. */
export function hostileValue(r: Rng, vocabText: readonly string[] = []): string {
  switch (r.int(9)) {
    case 0:
      return r.pick(MARKUP);
    case 1: {
      // Markup smuggled into an address or a title.
      const e = r.pick(EMAILS);
      return r.chance(0.5) ? e.replace('@', `${r.pick(MARKUP)}@`) : `${e} ${r.pick(MARKUP)}`;
    }
    case 2:
      return r.pick(EMAILS);
    case 3:
      return r.pick(PHONES);
    case 4:
      return r.pick(NUMBERS);
    case 5:
      return r.pick(WORDS);
    case 6:
      return r.pick(WEIRD);
    case 7:
      return vocabText.length ? r.pick(vocabText) : r.pick(WORDS);
    default:
      return `${r.pick(WORDS)} ${r.pick([...EMAILS, ...PHONES, ...NUMBERS])} ${r.chance(0.3) ? r.pick(MARKUP) : ''}`;
  }
}

/** Tags, ids, classes, attribute names/values and short texts found in the fixtures: random pages speak their language. */
export interface Vocabulary {
  tags: string[];
  ids: string[];
  classes: string[];
  attrs: [string, string][];
  texts: string[];
}

export function vocabularyOf(pages: readonly string[]): Vocabulary {
  const tags = new Set(['div', 'span', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'input', 'form', 'a', 'p', 'ul', 'li', 'label', 'h1', 'h2', 'select', 'option', 'button', 'script', 'style', 'template', 'noscript', 'textarea', 'svg', 'iframe', 'dl', 'dt', 'dd']);
  const ids = new Set<string>();
  const classes = new Set<string>();
  const attrs = new Map<string, [string, string]>();
  const texts = new Set<string>();
  for (const html of pages) {
    for (const m of html.matchAll(/<([a-z][a-z0-9-]*)/gi)) tags.add(m[1]!.toLowerCase());
    for (const m of html.matchAll(/\sid="([^"]{1,80})"/g)) ids.add(m[1]!);
    for (const m of html.matchAll(/\sclass="([^"]{1,200})"/g)) for (const c of m[1]!.split(/\s+/)) if (c) classes.add(c);
    for (const m of html.matchAll(/\s([a-z][a-z0-9:_-]*)="([^"]{0,120})"/gi)) {
      const name = m[1]!.toLowerCase();
      if (name !== 'id' && name !== 'class') attrs.set(`${name}=${m[2]}`, [name, m[2]!]);
    }
    for (const m of html.matchAll(/>([^<>]{1,60})</g)) {
      const t = m[1]!.trim();
      if (t && !/[{};]/.test(t)) texts.add(t);
    }
  }
  return { tags: [...tags], ids: [...ids], classes: [...classes], attrs: [...attrs.values()], texts: [...texts] };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** A random page (HTML text) of up to `budget` elements, built from the vocabulary. */
export function randomPage(r: Rng, v: Vocabulary, budget = 60): string {
  let left = budget;
  const node = (depth: number): string => {
    left -= 1;
    if (left <= 0 || depth > 12 || r.chance(0.25)) return r.chance(0.3) ? esc(hostileValue(r, v.texts)).replace(/</g, '&lt;') : r.chance(0.3) ? hostileValue(r, v.texts) : '';
    const tag = r.pick(v.tags);
    const attrs: string[] = [];
    if (r.chance(0.5) && v.ids.length) attrs.push(`id="${esc(r.pick(v.ids))}"`);
    if (r.chance(0.5) && v.classes.length) attrs.push(`class="${esc(Array.from({ length: 1 + r.int(3) }, () => r.pick(v.classes)).join(' '))}"`);
    for (let i = r.int(3); i > 0 && v.attrs.length; i--) {
      const [name, value] = r.pick(v.attrs);
      attrs.push(`${name}="${esc(r.chance(0.3) ? hostileValue(r, v.texts) : value)}"`);
    }
    const kids = Array.from({ length: r.int(5) }, () => node(depth + 1)).join('');
    return `<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>${kids}${r.chance(0.9) ? `</${tag}>` : ''}`;
  };
  const body = Array.from({ length: 1 + r.int(6) }, () => node(0)).join('');
  const title = r.chance(0.5) ? `<title>${hostileValue(r, v.texts)}</title>` : '';
  return r.chance(0.8) ? `<!DOCTYPE html><html lang="${r.pick(['ja', 'en', '', 'x'])}"><head>${title}</head><body>${body}</body></html>` : body;
}

/** Text-level damage before parsing: cut off, unbalanced markup, stripped end tags. */
export function damageText(r: Rng, html: string): string {
  switch (r.int(5)) {
    case 0:
      return html.slice(0, r.int(html.length + 1));
    case 1: {
      const at = r.int(html.length + 1);
      return html.slice(0, at) + r.pick(['<table><td>', '<!--', '<script>', '"', "'", '<select>', '<textarea>', '</body></html><body>', '<frameset>', '<math><mi>', '<svg><foreignObject>']) + html.slice(at);
    }
    case 2:
      return html.replace(/<\/[a-z0-9-]+>/gi, () => (r.chance(0.5) ? '' : '</x>'));
    case 3:
      // Mojibake: the page's UTF-8 read as Latin-1.
      return Buffer.from(html, 'utf8').toString('latin1');
    default:
      return html.replace(/>([^<]{1,80})</g, (m, t: string) => (r.chance(0.2) ? `>${t}${r.pick(MARKUP)}<` : m));
  }
}

/** Empty and degenerate documents, as text and parse type. */
export const DEGENERATE: [string, DOMParserSupportedType][] = [
  ['', 'text/html'],
  [' ', 'text/html'],
  ['<!DOCTYPE html>', 'text/html'],
  ['<html></html>', 'text/html'],
  ['<frameset><frame></frameset>', 'text/html'],
  ['@@@@ <<<< >>>>', 'text/html'],
  ['<root><input id="ap_email" type="hidden" value="a@b.co"/></root>', 'application/xml'],
  ['<not xml', 'application/xml'],
  ['<svg xmlns="http://www.w3.org/2000/svg"><text>owner.taro@example.com</text></svg>', 'image/svg+xml'],
  ['<html xmlns="http://www.w3.org/1999/xhtml"><body><span id="auth-email-claim">a@b.co</span></body></html>', 'application/xhtml+xml'],
];

function elements(doc: Document): Element[] {
  return [...doc.querySelectorAll('*')];
}

/** One DOM mutation of a parsed page, in place. Returns its name for the failure report. */
export function mutate(r: Rng, doc: Document, v: Vocabulary): string {
  const els = elements(doc);
  const el = els.length ? r.pick(els) : null;
  const kind = r.int(14);
  try {
    switch (kind) {
      case 0:
        el?.remove();
        return 'remove';
      case 1:
        el?.after(el.cloneNode(true));
        return 'duplicate';
      case 2: {
        const to = els.length ? r.pick(els) : null;
        if (el && to && !el.contains(to)) to.append(el);
        return 'move';
      }
      case 3: {
        const [name, value] = v.attrs.length ? r.pick(v.attrs) : ['data-x', 'y'];
        el?.setAttribute(r.chance(0.7) ? name : r.pick(['value', 'data-claim', 'id', 'class', 'type', 'name', 'href', 'dir', 'hidden', 'aria-label']), r.chance(0.6) ? hostileValue(r, v.texts) : value);
        return 'attribute';
      }
      case 4:
        // A huge attribute (100 KB): rare, it is slow to build.
        if (r.chance(0.1)) el?.setAttribute(r.pick(['value', 'data-claim', 'title', 'class', 'data-x']), r.pick(['a', '@', '9', '<']).repeat(100_000));
        else el?.setAttribute('title', hostileValue(r, v.texts));
        return 'huge attribute';
      case 5: {
        // Script-like text injected where emails and titles are.
        const withText = els.filter((e) => e.childElementCount === 0 && /@|title|name|sku/i.test(`${e.textContent ?? ''} ${e.className}`));
        const target = withText.length ? r.pick(withText) : el;
        if (target) target.textContent = `${target.textContent ?? ''}${r.pick(MARKUP)}`;
        if (r.chance(0.5)) doc.title = `${doc.title}${r.pick(MARKUP)}`;
        return 'script-like text';
      }
      case 6: {
        // Deep nesting around an element (the chain is built detached: far cheaper than wrapping in place).
        if (!el || !el.parentNode) return 'deep (skipped)';
        const outer = doc.createElement('div');
        let inner: Element = outer;
        for (let i = 0, n = 50 + r.int(250); i < n; i++) inner = inner.appendChild(doc.createElement(r.pick(['div', 'span', 'td', 'li'])));
        el.replaceWith(outer);
        inner.append(el);
        return 'deep nesting';
      }
      case 7: {
        if (!el || el === doc.documentElement) return 'retag (skipped)';
        const n = doc.createElement(r.pick(v.tags));
        for (const a of el.attributes) n.setAttribute(a.name, a.value);
        n.append(...el.childNodes);
        el.replaceWith(n);
        return 'retag';
      }
      case 8: {
        const inputs = [...doc.querySelectorAll('input, select, textarea')];
        const input = inputs.length ? r.pick(inputs) : el;
        input?.setAttribute(r.pick(['value', 'type', 'name']), r.pick(['[object Object]', '', 'number', 'hidden', 'password', 'checkbox', '1e999', hostileValue(r, v.texts)]));
        return 'wrong input type';
      }
      case 9: {
        // Cut the page off after an element.
        if (!el) return 'truncate (skipped)';
        const all = elements(doc);
        for (const later of all.slice(all.indexOf(el) + 1)) if (!later.contains(el)) later.remove();
        return 'truncate';
      }
      case 10: {
        const which = r.int(4);
        if (which === 0) doc.body?.remove();
        else if (which === 1 && doc.documentElement) doc.documentElement.innerHTML = '';
        else if (which === 2) doc.documentElement?.remove();
        else if (doc.body) doc.body.textContent = '';
        return 'empty';
      }
      case 11: {
        // Text in another normalisation or encoding.
        const walker = doc.createTreeWalker(doc, 4 /* NodeFilter.SHOW_TEXT */);
        const f = r.pick([
          (s: string) => s.normalize('NFKD'),
          (s: string) => Buffer.from(s, 'utf8').toString('latin1'),
          (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
          (s: string) => s.split('').reverse().join(''),
          (s: string) => s.toUpperCase(),
        ]);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) if (r.chance(0.5)) t.nodeValue = f(t.nodeValue ?? '');
        return 'encoding';
      }
      case 12: {
        // Nodes the page would not normally have here: comments, shadow roots, templates.
        if (!el) return 'odd nodes (skipped)';
        el.append(doc.createComment(hostileValue(r, v.texts)));
        if (r.chance(0.5)) {
          try {
            el.attachShadow({ mode: 'open' }).innerHTML = `<span id="auth-email-claim">${hostileValue(r, v.texts)}</span>`;
          } catch {
            /* not every element can host a shadow root */
          }
        }
        const tpl = doc.createElement('template');
        tpl.innerHTML = `<input id="ap_email" type="hidden" value="${esc(hostileValue(r, v.texts))}">`;
        el.append(tpl);
        return 'odd nodes';
      }
      default: {
        // Copy ids between elements: duplicated ids, ids on the wrong tags.
        const other = els.length ? r.pick(els) : null;
        if (el && other) el.id = other.id || (v.ids.length ? r.pick(v.ids) : 'x');
        return 'duplicate id';
      }
    }
  } catch (e) {
    // A mutation the DOM refuses (hierarchy errors) is not a finding; the extractor still runs.
    return `mutation ${kind} refused: ${(e as Error).name}`;
  }
}
