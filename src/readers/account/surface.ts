// The account pages of one surface as its content script sees them: which of
// its page types a URL is, a page's reading (the declaration's reader plus the
// account the page belongs to), and which setting a change form submitted on
// it changes (the owner's own change, not an alarm). Takes the declarations
// rather than the whole table (table.ts), so the retail script carries no
// Seller Central reader and the other way round; index.ts is the same over
// every page type.

import type { AccountPageDecl } from '../../core/account-model';
import type { AccountPageKind, Observation, OwnerChangeField } from '../../core/types';
import { pathTest } from '../path-test';
import { readAccountIdentity } from './identity';

export type AccountPage = AccountPageDecl<AccountPageKind>;

/** The page type among `pages` of a URL on a retail or Seller Central host, or null. */
export function accountPageAt(pages: readonly AccountPage[], url: string, seller: boolean): AccountPage | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const where = u.pathname + u.search;
  return pages.find((p) => (seller ? p.paths.seller : p.paths.retail).some((pattern) => pathTest(pattern).test(where))) ?? null;
}

/** Read an account page of a known type: its values and the account it belongs to; null when it does not (yet) show them. */
export function readPageOf(page: AccountPage, doc: Document, seller: boolean): Observation | null {
  const reading = page.read(doc);
  if (!reading) return null;
  return { page: 'account', kind: page.kind, fields: reading.fields, orders: reading.orders, identity: readAccountIdentity(doc, seller) };
}

/** The setting a form submitted on a page of this type changes, or null for other forms (search, filters). */
export function changeFormOf(page: AccountPage, form: Element): OwnerChangeField | null {
  try {
    // Settings change through POST forms; GET forms are searches and filters.
    if ((form.getAttribute('method') ?? 'get').toLowerCase() !== 'post') return null;
    const forms = page.ownerForms;
    if (!forms) return null;
    if (forms.whole) return forms.whole;
    if (forms.form) {
      const { field, selector, action } = forms.form;
      if (form.querySelector(selector) || action.test(form.getAttribute('action') ?? '')) return field;
    }
    for (const { field, selector } of forms.inputs ?? []) if (form.querySelector(selector)) return field;
    return null;
  } catch {
    return null;
  }
}
