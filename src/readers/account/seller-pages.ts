// The account page types of a Seller Central host: the Seller Central account
// content script carries these readers and no retail-only one (Login &
// Security and 2SV are on both surfaces). Each page type is declared once, in
// its own file; a page type with Seller Central paths is listed here
// (table.ts builds the full table from this list and retail-pages.ts; a unit
// test checks the lists against the paths).

import { loginSecurityPage } from './login-security';
import { sellerAccountInfoPage } from './seller-account-info';
import { sellerDepositPage } from './seller-deposit';
import { sellerNotificationsPage } from './seller-notifications';
import { sellerUsersPage } from './seller-users';
import { twoStepPage } from './two-step';

export const SELLER_ACCOUNT_PAGES = [
  loginSecurityPage,
  twoStepPage,
  sellerAccountInfoPage,
  sellerDepositPage,
  sellerNotificationsPage,
  sellerUsersPage,
] as const;
