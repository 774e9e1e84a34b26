// Which seller account and marketplace a Seller Central page belongs to, read
// from several signals because no single one is on every layout: merchant id
// attributes/inputs, the page's inline configuration, and the account
// switcher's store name; the marketplace from ue_mid or data attributes.

import { text } from './select';

export const SELLER_IDENTITY = {
  merchantAttr: ['[data-merchant-id]', '[data-merchantid]'],
  merchantInput: ['input#merchantId', 'input[name=merchantId]', 'input[name=merchant_id]', 'meta[name=merchantId]'],
  /** Store name in the account/marketplace switcher (classic and current navigation). */
  storeName: ['.sc-mkt-picker-switcher-txt', '#partner-switcher [data-partner-name]', '.partner-dropdown-button', '[data-test-id=partner-name]'],
  marketplaceAttr: ['[data-marketplace-id]', '[data-marketplaceid]', 'input[name=marketplaceId]', 'meta[name=marketplaceId]'],
} as const;

const MERCHANT_ID = /^[A-Z0-9]{8,20}$/;
const MARKETPLACE_ID = /^[A-Z0-9]{5,20}$/;

/** Subtrees never searched for the identity: the (possibly 100,000-element) tables themselves. */
const TABLES = /^(TABLE|KAT-TABLE|KAT-DATA-TABLE)$/i;

/** The page's elements outside its tables, in document order: the navigation, headers and scripts. */
function outsideTables(doc: Document): Element[] {
  const out: Element[] = [];
  const stack: Element[] = doc.documentElement ? [doc.documentElement] : [];
  while (stack.length) {
    const el = stack.pop()!;
    if (TABLES.test(el.tagName) || el.getAttribute('role') === 'grid' || el.getAttribute('role') === 'table') continue;
    out.push(el);
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return out;
}

function attrOf(els: readonly Element[], selectors: readonly string[], names: string[]): string | null {
  const selector = selectors.join(',');
  for (const el of els) {
    if (!el.matches(selector)) continue;
    for (const n of names) {
      const v = el.getAttribute(n)?.trim();
      if (v) return v;
    }
  }
  return null;
}

/** Inline scripts' configuration: merchantId: "A…", ue_mid = 'A1VC38T7YXB528'. Only the first 200 kB are read. */
function fromScripts(els: readonly Element[], re: RegExp): string | null {
  let budget = 200_000;
  for (const s of els) {
    if (s.tagName.toUpperCase() !== 'SCRIPT' || s.hasAttribute('src')) continue;
    const src = (s.textContent ?? '').slice(0, budget);
    budget -= src.length;
    const m = src.match(re);
    if (m) return m[1]!;
    if (budget <= 0) break;
  }
  return null;
}

export interface SellerIdentity {
  seller: string | null;
  marketplaceId: string | null;
}

export function readSellerIdentity(doc: Document): SellerIdentity {
  const els = outsideTables(doc);
  let seller =
    attrOf(els, SELLER_IDENTITY.merchantAttr, ['data-merchant-id', 'data-merchantid']) ??
    attrOf(els, SELLER_IDENTITY.merchantInput, ['value', 'content']) ??
    fromScripts(els, /["']?merchant_?[Ii]d["']?\s*[:=]\s*["']([A-Z0-9]{8,20})["']/);
  if (seller && !MERCHANT_ID.test(seller)) seller = null;
  if (!seller) {
    // The store name ("Bookstore Taro | Japan"): good enough to tell a person's seller accounts apart.
    for (const s of SELLER_IDENTITY.storeName) {
      const el = els.find((e) => e.matches(s));
      const name = (el?.getAttribute('data-partner-name') ?? text(el)).split('|')[0]!.trim();
      if (name) {
        seller = name.slice(0, 100);
        break;
      }
    }
  }
  let marketplaceId =
    attrOf(els, SELLER_IDENTITY.marketplaceAttr, ['data-marketplace-id', 'data-marketplaceid', 'value', 'content']) ??
    fromScripts(els, /ue_mid\s*=\s*["']([A-Z0-9]{5,20})["']/) ??
    fromScripts(els, /["']?marketplace_?[Ii]d["']?\s*[:=]\s*["']([A-Z0-9]{5,20})["']/);
  if (marketplaceId && !MARKETPLACE_ID.test(marketplaceId)) marketplaceId = null;
  return { seller: seller || null, marketplaceId };
}
