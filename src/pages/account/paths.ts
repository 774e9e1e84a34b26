// Where each account page lives, on retail and on Seller Central hosts. The
// content script's match patterns (vite.config.ts) and the page-kind test
// (index.ts) are both built from this one table.

import type { AccountPageKind } from '../../core/types';

/** Paths per page type (the content script's match patterns are built from these). */
export const ACCOUNT_PATHS: Record<AccountPageKind, { retail: string[]; seller: string[] }> = {
  'login-security': { retail: ['/ap/cnep*'], seller: ['/ap/cnep*'] },
  addresses: { retail: ['/a/addresses*'], seller: [] },
  'two-step': { retail: ['/a/settings/approval*'], seller: ['/a/settings/approval*'] },
  orders: { retail: ['/gp/css/order-history*', '/your-orders/orders*', '/gp/your-account/order-history*'], seller: [] },
  'seller-account-info': { retail: [], seller: ['/sw/AccountInfo/SellerProfile*'] },
  'seller-deposit': { retail: [], seller: ['/sw/AccountInfo/DepositMethodView*'] },
  'seller-notifications': { retail: [], seller: ['/notifications/preferences*'] },
  'seller-users': { retail: [], seller: ['/gp/account-manager/*'] },
};

/** Every path pattern of the account pages, for matchPatterns(). */
export function accountPathPatterns(on: 'retail' | 'seller'): string[] {
  return [...new Set(Object.values(ACCOUNT_PATHS).flatMap((p) => p[on]))];
}
