// The account pages' path patterns per surface, from the declarations listed
// in retail-pages.ts and seller-pages.ts: each account content script's match
// patterns (vite.config.ts) are built from the same list whose readers it
// carries, so a script is injected exactly where it can read.

import type { AccountPageDecl } from '../../core/account-model';
import { RETAIL_ACCOUNT_PAGES } from './retail-pages';
import { SELLER_ACCOUNT_PAGES } from './seller-pages';

/** A surface's account page types: retail hosts or Seller Central hosts. */
export function accountPagesOn(on: 'retail' | 'seller'): readonly AccountPageDecl[] {
  return on === 'retail' ? RETAIL_ACCOUNT_PAGES : SELLER_ACCOUNT_PAGES;
}

/** Every path pattern of a surface's account pages, for matchPatterns(). */
export function accountPathPatterns(on: 'retail' | 'seller'): string[] {
  return [...new Set(accountPagesOn(on).flatMap((p) => p.paths[on]))];
}
