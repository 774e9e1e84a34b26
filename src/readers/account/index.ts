// The account pages as the content script sees them: which page type a URL
// is, its reading (the declaration's reader plus the account the page belongs
// to), and which setting a change form submitted on it changes (the owner's
// own change, not an alarm). All of it driven by the declarations in table.ts.

import type { AccountPageKind, Observation, OwnerChangeField } from '../../core/types';
import { pathTest } from '../path-test';
import { readAccountIdentity } from './identity';
import { ACCOUNT_PAGES, accountPage } from './table';

export { ACCOUNT_PAGES, ACCOUNT_PAGE_KINDS, accountPage } from './table';


/** The account page kind of a URL on a retail or Seller Central host, or null. */
export function accountPageKind(url: string, seller: boolean): AccountPageKind | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const where = u.pathname + u.search;
  return ACCOUNT_PAGES.find((p) => (seller ? p.paths.seller : p.paths.retail).some((pattern) => pathTest(pattern).test(where)))?.kind ?? null;
}

/** Read an account page of a known kind: its values and the account it belongs to; null when it does not (yet) show them. */
export function readAccountPage(kind: AccountPageKind, doc: Document, seller = false): Observation | null {
  const reading = accountPage(kind).read(doc);
  if (!reading) return null;
  return { page: 'account', kind, fields: reading.fields, orders: reading.orders, identity: readAccountIdentity(doc, seller) };
}

/** Inputs that say which setting a Login & Security edit form changes (kept for callers of the old name). */
export const CHANGE_INPUTS = accountPage('login-security').ownerForms?.inputs ?? [];

/** The setting a submitted form changes, or null for other forms (search, filters). */
export function changeFormField(kind: AccountPageKind, form: Element): OwnerChangeField | null {
  try {
    // Settings change through POST forms; GET forms are searches and filters.
    if ((form.getAttribute('method') ?? 'get').toLowerCase() !== 'post') return null;
    const forms = accountPage(kind).ownerForms;
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
