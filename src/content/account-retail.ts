// Content script for the retail account pages (Login & Security at /ap/cnep
// and /ax/account/manage, addresses, 2SV, orders: readers/account/retail-pages.ts),
// injected on retail hosts only: the account-change watch (account.ts) with
// the retail page types' readers and no Seller Central one. Built as one
// self-contained script.

import { RETAIL_ACCOUNT_PAGES } from '../readers/account/retail-pages';
import { watchAccountPages } from './account';

watchAccountPages(RETAIL_ACCOUNT_PAGES, false);
