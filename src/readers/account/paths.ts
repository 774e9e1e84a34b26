// The account pages' path patterns, from the declarations in table.ts: the
// content script's match patterns (vite.config.ts) are built from these.

import { ACCOUNT_PAGES } from './table';

/** Every path pattern of the account pages, for matchPatterns(). */
export function accountPathPatterns(on: 'retail' | 'seller'): string[] {
  return [...new Set(ACCOUNT_PAGES.flatMap((p) => p.paths[on]))];
}
