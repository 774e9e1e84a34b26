// The account page types of a retail host (www.amazon.*): the retail account
// content script carries these readers and no Seller Central one. Each page
// type is declared once, in its own file; a page type with retail paths is
// listed here (table.ts builds the full table from this list and
// seller-pages.ts; a unit test checks the lists against the paths).

import { addressesPage } from './addresses';
import { loginSecurityPage } from './login-security';
import { ordersPage } from './orders';
import { twoStepPage } from './two-step';

export const RETAIL_ACCOUNT_PAGES = [loginSecurityPage, addressesPage, twoStepPage, ordersPage] as const;
