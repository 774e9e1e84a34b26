// Content script for the Seller Central account pages (Login & Security, 2SV,
// seller profile, deposit method, notification recipients, users:
// readers/account/seller-pages.ts), injected on Seller Central hosts only: the
// account-change watch (account.ts) with those page types' readers and no
// retail-only one. Built as one self-contained script.

import { SELLER_ACCOUNT_PAGES } from '../readers/account/seller-pages';
import { watchAccountPages } from './account';

watchAccountPages(SELLER_ACCOUNT_PAGES, true);
