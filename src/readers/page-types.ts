// The registry of Amazon page types the watches read: per type its id, its
// label, where it lives (path patterns on retail and Seller Central hosts,
// taken from the tables the content scripts' match patterns are built from:
// the account pages' own declarations, the sign-in paths, the inventory paths)
// and when a page of it MUST yield an observation — so a page that should
// have shown something and yielded nothing (Amazon changed its markup) is
// reported as unreadable instead of staying silent. The model and the
// non-account types: page-type.ts.

import type { AccountPageKind, PageTypeId } from '../core/types';
import { ACCOUNT_PAGES, accountPage } from './account/table';
import { CHANGE_INPUTS } from './account/index';
import { INVENTORY_PAGE } from './inventory';
import { PASSWORD, UPLOAD_STATUS_PAGE, type PageType, type YieldRule } from './page-type';
import { SIGNIN_PAGE } from './signin';

export * from './page-type';

const ACCOUNT_RULES: Record<AccountPageKind, YieldRule | null> = {
  // The overview always shows the email or mobile number; its edit forms (appAction=EDIT_…) show inputs instead.
  'login-security': { absent: [...PASSWORD, ...CHANGE_INPUTS.map((c) => c.selector)] },
  addresses: null,
  'two-step': { absent: PASSWORD },
  orders: null,
  'seller-account-info': null,
  'seller-deposit': null,
  // These lists always hold at least the owner's own address.
  'seller-notifications': { absent: PASSWORD },
  'seller-users': { absent: PASSWORD },
};

/**
 * One account page type, built from its declaration alone: the account
 * content script takes this rather than PAGE_TYPES, so it does not carry the
 * sign-in and inventory selectors.
 */
export function accountPageType(kind: AccountPageKind): PageType {
  const page = accountPage(kind);
  return { id: kind, labelKey: page.label, paths: page.paths, mustYield: ACCOUNT_RULES[kind] };
}

export const PAGE_TYPES: Record<PageTypeId, PageType> = {
  signin: SIGNIN_PAGE,
  inventory: INVENTORY_PAGE,
  'upload-status': UPLOAD_STATUS_PAGE,
  // The account pages: paths and label from their declarations (readers/account/table.ts).
  ...(Object.fromEntries(ACCOUNT_PAGES.map((page) => [page.kind, accountPageType(page.kind)])) as Record<AccountPageKind, PageType>),
};

export const PAGE_TYPE_IDS = Object.keys(PAGE_TYPES) as PageTypeId[];

export function isPageTypeId(v: unknown): v is PageTypeId {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(PAGE_TYPES, v);
}

