// The account pages over every page type (the table in table.ts), for the
// background, the popup and the tests: which page type a URL is, its reading,
// and which setting a change form submitted on it changes. The content
// scripts use surface.ts over their own surface's page types instead.

import type { AccountPageKind, Observation, OwnerChangeField } from '../../core/types';
import { accountPageAt, changeFormOf, readPageOf } from './surface';
import { ACCOUNT_PAGES, accountPage } from './table';

export { ACCOUNT_PAGES, ACCOUNT_PAGE_KINDS, accountPage } from './table';

/** The account page kind of a URL on a retail or Seller Central host, or null. */
export function accountPageKind(url: string, seller: boolean): AccountPageKind | null {
  return accountPageAt(ACCOUNT_PAGES, url, seller)?.kind ?? null;
}

/** Read an account page of a known kind: its values and the account it belongs to; null when it does not (yet) show them. */
export function readAccountPage(kind: AccountPageKind, doc: Document, seller = false): Observation | null {
  return readPageOf(accountPage(kind), doc, seller);
}

/** Inputs that say which setting a Login & Security edit form changes (kept for callers of the old name). */
export const CHANGE_INPUTS = accountPage('login-security').ownerForms?.inputs ?? [];

/** The setting a submitted form changes, or null for other forms (search, filters). */
export function changeFormField(kind: AccountPageKind, form: Element): OwnerChangeField | null {
  return changeFormOf(accountPage(kind), form);
}
