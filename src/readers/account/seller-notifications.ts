// Seller Central notification preferences (/notifications/preferences): the
// email addresses each kind of notice goes to. A hijacker adds their own
// address here, or replaces the owner's, so Amazon's warnings go elsewhere.

import { defineAccountPage } from '../../core/account-model';
import { readEmailListPage } from './read';

export const SELLER_NOTIFICATIONS = {
  page: ['#notification-preferences', '[data-testid="notification-preferences"]', '.notification-preferences'],
  /** Where the addresses are listed (one per notification category). */
  recipients: ['[data-testid="notification-emails"]', '.notification-emails', '.notification-category'],
} as const;

export function readSellerNotifications(doc: Document) {
  return readEmailListPage(doc, { page: SELLER_NOTIFICATIONS.page, items: SELLER_NOTIFICATIONS.recipients }, 'notification-email', 50);
}

export const sellerNotificationsPage = defineAccountPage({
  kind: 'seller-notifications',
  paths: { retail: [], seller: ['/notifications/preferences*'] },
  review: '/notifications/preferences',
  label: 'accountPageSellerNotifications',
  fields: {
    'notification-email': { mask: 'email', repeated: true, added: { severity: 'danger', reason: 'accountNotificationEmailAdded' } },
  },
  ownerForms: { whole: 'notification-email' },
  read: readSellerNotifications,
});
