// Small DOM readers shared by the account page modules: selector lists of
// alternatives, leaf texts, and "the value next to this label" for Amazon's
// label/value rows. Pure; never throw on odd markup.

import type { AccountReading } from '../../core/account-model';
import type { AccountField, AccountFieldName } from '../../core/types';
import { all, first, leafTexts as leafTextsIn, NOT_CONTENT, safely, text } from '../select';
import { stateWord } from './words';

export { all, first, safely, text };

/** Longest page text kept for one value (an address, an item title). */
export const MAX_VALUE = 300;

const SKIP = `${NOT_CONTENT}, select, option, button, input`;

/** Texts of the elements under `scope` that have no element children, in document order; no script or control text. */
export function leafTexts(scope: Element): string[] {
  return leafTextsIn(scope, `${SKIP}, .a-button, .a-button-text`);
}

/** The label part of a row: "Email:", "Eメール：", "Name" — matched whole, colon optional. */
export function isLabel(t: string, labels: RegExp): boolean {
  const bare = t.replace(/[:：]\s*$/, '').trim();
  return labels.test(bare) && bare.length <= 60;
}

/**
 * The value shown beside a label: the leaf texts that follow the first leaf
 * matching `labels`, inside the nearest ancestor (up to `depth` levels) that
 * holds more than the label. Null when no such label is on the page.
 */
export function valueAfterLabel(root: ParentNode, labels: RegExp, depth = 4): string | null {
  const scope = root instanceof Document ? root.body : (root as Element);
  if (!scope) return null;
  for (const leaf of scope.querySelectorAll('*')) {
    if (leaf.childElementCount !== 0 || leaf.matches(SKIP) || !isLabel(text(leaf), labels)) continue;
    let row: Element | null = leaf.parentElement;
    for (let i = 0; row && i < depth; i++, row = row.parentElement) {
      const texts = leafTexts(row);
      const at = texts.findIndex((t) => isLabel(t, labels));
      const rest = texts.slice(at + 1);
      if (rest.length > 0) return rest.join(' ').slice(0, MAX_VALUE);
    }
  }
  return null;
}

export function field(name: AccountFieldName, value: string | null | undefined): AccountField[] {
  const v = (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE);
  return v ? [{ name, value: v }] : [];
}

/** Emails written in a piece of text (Seller Central lists them as plain text). */
export function emailsIn(t: string): string[] {
  return [...new Set((t.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? []).map((e) => e.toLowerCase()))];
}

/** On or off as a page writes it, in any marketplace's language (see words.ts). */
export function onOff(t: string | null): 'on' | 'off' | null {
  return stateWord(t);
}

/** Elements in document order (matches of several selectors come grouped by selector). */
export function inDocumentOrder(els: Element[]): Element[] {
  const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without needing the DOM's globals
  return els.slice().sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
}

/** The outermost of nested matches (a card matched by two alternatives is one card). */
export function outermost(els: Element[]): Element[] {
  return els.filter((e) => !els.some((o) => o !== e && o.contains(e)));
}

/** Every email written in some page regions, lower-cased, once each. */
export function emailsOf(els: Element[]): string[] {
  // Leaf by leaf: textContent would glue adjacent table cells into one "word".
  return [...new Set(els.flatMap((el) => leafTexts(el).flatMap(emailsIn)))];
}

/**
 * A Seller Central page that lists email addresses (notification recipients,
 * users): the addresses in its item elements (or anywhere on the page when
 * none match), sorted, at most `max`, each as one `name` field; null when it lists none.
 */
export function readEmailListPage(
  doc: Document,
  selectors: { page: readonly string[]; items: readonly string[] },
  name: AccountFieldName,
  max: number,
): AccountReading | null {
  return safely(() => {
    const page = first(doc, selectors.page);
    if (!page) return null;
    const items = all(doc, selectors.items);
    const emails = emailsOf(items.length ? items : [page]).sort();
    // These lists always hold at least the owner's address: none means not rendered yet, and an
    // empty snapshot would make every address on the next read look "added".
    if (emails.length === 0) return null;
    return { fields: emails.slice(0, max).flatMap((e) => field(name, e)), orders: [] };
  });
}
