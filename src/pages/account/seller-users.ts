// Seller Central user permissions (/gp/account-manager/…): the users who can
// act for the seller account. A hijacker adds a user of their own to keep
// access after the owner changes the password.

import type { Observation } from '../../core/types';
import { readEmailListPage } from './read';

export const SELLER_USERS = {
  page: ['#user-permissions', '[data-testid="user-permissions"]', '#account-manager', 'form[action*="account-manager"]'],
  /** One user row (current users; pending invitations count too). */
  user: ['[data-testid="user-row"]', '.user-row', 'table.users tr', '#current-users tr'],
} as const;

export function readSellerUsers(doc: Document): Observation | null {
  return readEmailListPage(doc, { page: SELLER_USERS.page, items: SELLER_USERS.user }, 'seller-users', 'user', 100);
}
