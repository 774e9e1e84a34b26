// Seller Central user permissions (/gp/account-manager/…): the users who can
// act for the seller account. A hijacker adds a user of their own to keep
// access after the owner changes the password.

import { defineAccountPage } from '../../core/account-model';
import { readEmailListPage } from './read';

export const SELLER_USERS = {
  page: ['#user-permissions', '[data-testid="user-permissions"]', '#account-manager', 'form[action*="account-manager"]'],
  /** One user row (current users; pending invitations count too). */
  user: ['[data-testid="user-row"]', '.user-row', 'table.users tr', '#current-users tr'],
} as const;

export function readSellerUsers(doc: Document) {
  return readEmailListPage(doc, { page: SELLER_USERS.page, items: SELLER_USERS.user }, 'user', 100);
}

export const sellerUsersPage = defineAccountPage({
  kind: 'seller-users',
  paths: { retail: [], seller: ['/gp/account-manager/*'] },
  review: '/gp/account-manager/home.html',
  label: 'accountPageSellerUsers',
  fields: {
    user: { mask: 'email-or-name', repeated: true, added: { severity: 'warning', reason: 'accountUserAdded' } },
  },
  ownerForms: { whole: 'user' },
  read: readSellerUsers,
});
