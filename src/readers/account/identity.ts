// Which Amazon account a page belongs to, from what Amazon puts in every
// signed-in page, so account pages are compared only with earlier pages of the
// same account (two accounts used in one browser must not look like one
// account changing). Several signals, strongest first, because no single one
// is on every layout:
// - the customer id: the navigation's keyboard-shortcut menu carries it
//   (`nav#shortcut-menu[data-raw-id]`, and a hashed form in data-hashed-id;
//   seen on the current retail pages, e.g. alexdlaird/amazon-orders'
//   de/orders/order-history-2026-0.html), other widgets in data-customer-id
//   or a customerId input, inline configuration as customerId: "A…";
// - on Seller Central, the merchant id (readers/seller-identity.ts, shared
//   with the listing watch);
// - the navigation greeting ("Hello, Taro", "こんにちは, 太郎"): a first name
//   only, so it never identifies an account on its own; it only tells two
//   accounts apart when nothing stronger does.
// Values leave the page only to the background, which keeps salted hashes.

import type { AccountIdentity } from '../../core/types';
import { readSellerIdentity } from '../seller-identity';
import { all, first, text } from './read';

export const ACCOUNT_IDENTITY = {
  customerAttr: ['#shortcut-menu[data-raw-id]', '#shortcut-menu[data-hashed-id]', '[data-customer-id]', '[data-customerid]'],
  customerInput: ['input[name="customerId"]', 'input#customerId', 'meta[name="customerId"]'],
  greeting: ['#nav-link-accountList-nav-line-1', '#nav-greeting-name'],
} as const;

/** Obfuscated customer ids: "A" + 9-20 upper-case letters/digits; the hashed form is longer and may hold dots. */
const CUSTOMER_ID = /^[A-Za-z0-9._-]{8,80}$/;
/** Greetings in the marketplaces' languages, and the signed-out prompts that name nobody. */
const GREETING = /^(?:hello|hi|hallo|bonjour|ciao|hola|olá|witaj|hej|merhaba|مرحبا|こんにちは)[,،]?\s*/iu;
const SIGNED_OUT = /sign in|ログイン|anmelden|identifiez|accedi|identifícate|inloggen|zaloguj|logga in|giriş|faça login|تسجيل/iu;

function customerId(doc: Document): string | null {
  for (const el of all(doc, ACCOUNT_IDENTITY.customerAttr)) {
    for (const name of ['data-raw-id', 'data-hashed-id', 'data-customer-id', 'data-customerid']) {
      const v = el.getAttribute(name)?.trim();
      if (v && CUSTOMER_ID.test(v)) return v;
    }
  }
  const input = first(doc, ACCOUNT_IDENTITY.customerInput);
  const v = (input?.getAttribute('value') ?? input?.getAttribute('content') ?? '').trim();
  if (v && CUSTOMER_ID.test(v)) return v;
  // Inline configuration; only the first 200 kB of script text are read.
  let budget = 200_000;
  for (const s of doc.querySelectorAll('script:not([src])')) {
    const src = (s.textContent ?? '').slice(0, budget);
    budget -= src.length;
    const m = src.match(/["']?(?:customerId|customerID|obfuscatedCustomerId)["']?\s*[:=]\s*["'](A[A-Z0-9]{9,20})["']/);
    if (m) return m[1]!;
    if (budget <= 0) break;
  }
  return null;
}

function greetingName(doc: Document): string | null {
  const t = text(first(doc, ACCOUNT_IDENTITY.greeting));
  if (!t || SIGNED_OUT.test(t)) return null;
  const name = t.replace(GREETING, '').replace(/(?:さん|様)$/u, '').trim();
  return name && name.length <= 60 ? name : null;
}

/** The account signals a page carries, strongest first; an empty list when it names no account. */
export function readAccountIdentity(doc: Document, seller: boolean): AccountIdentity[] {
  try {
    const out: AccountIdentity[] = [];
    const customer = customerId(doc);
    if (customer) out.push({ source: 'customer', value: customer });
    if (seller) {
      const s = readSellerIdentity(doc).seller;
      // A merchant id is an id; a store name (the fallback) is only a name.
      if (s) out.push({ source: /^[A-Z0-9]{8,20}$/.test(s) ? 'merchant' : 'name', value: s });
    }
    const name = greetingName(doc);
    if (name) out.push({ source: 'name', value: name });
    return out.slice(0, 4);
  } catch {
    return [];
  }
}
