// Seller Central user permissions (/gp/account-manager/…): the users who can
// act for the seller account. A hijacker adds a user of their own to keep
// access after the owner changes the password.

import type { Observation } from '../../core/types';
import { all, emailsOf, field, first, safely } from './read';

export const SELLER_USERS = {
  page: ['#user-permissions', '[data-testid="user-permissions"]', '#account-manager', 'form[action*="account-manager"]'],
  /** One user row (current users; pending invitations count too). */
  user: ['[data-testid="user-row"]', '.user-row', 'table.users tr', '#current-users tr'],
} as const;

export function readSellerUsers(doc: Document): Observation | null {
  return safely(() => {
    const page = first(doc, SELLER_USERS.page);
    if (!page) return null;
    const rows = all(doc, SELLER_USERS.user);
    const emails = emailsOf(rows.length ? rows : [page]).sort();
    return { page: 'account', kind: 'seller-users', fields: emails.slice(0, 100).flatMap((e) => field('user', e)), orders: [] };
  });
}
