// The registry of Amazon page types the watches read: per type its id, its
// label, where it lives (path patterns on retail and Seller Central hosts,
// taken from the tables the content scripts' match patterns are built from:
// the account pages' own declarations, the sign-in paths, the inventory paths)
// and when a page of it MUST yield an observation — so a page that should
// have shown something and yielded nothing (Amazon changed its markup) is
// reported as unreadable instead of staying silent. The model and the
// non-account types: page-type.ts; the account types: account/page-type.ts.

import type { AccountPageKind, PageTypeId } from '../core/types';
import { accountPageType } from './account/page-type';
import { ACCOUNT_PAGES } from './account/table';
import { INVENTORY_PAGE } from './inventory';
import { UPLOAD_STATUS_PAGE, type PageType } from './page-type';
import { SIGNIN_PAGE } from './signin';

export * from './page-type';

export const PAGE_TYPES: Record<PageTypeId, PageType> = {
  signin: SIGNIN_PAGE,
  inventory: INVENTORY_PAGE,
  'upload-status': UPLOAD_STATUS_PAGE,
  // The account pages: paths and label from their declarations (readers/account/table.ts).
  ...(Object.fromEntries(ACCOUNT_PAGES.map((page) => [page.kind, accountPageType(page)])) as Record<AccountPageKind, PageType>),
};

export const PAGE_TYPE_IDS = Object.keys(PAGE_TYPES) as PageTypeId[];

export function isPageTypeId(v: unknown): v is PageTypeId {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(PAGE_TYPES, v);
}

