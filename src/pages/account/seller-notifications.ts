// Seller Central notification preferences (/notifications/preferences): the
// email addresses each kind of notice goes to. A hijacker adds their own
// address here, or replaces the owner's, so Amazon's warnings go elsewhere.

import type { Observation } from '../../core/types';
import { readEmailListPage } from './read';

export const SELLER_NOTIFICATIONS = {
  page: ['#notification-preferences', '[data-testid="notification-preferences"]', '.notification-preferences'],
  /** Where the addresses are listed (one per notification category). */
  recipients: ['[data-testid="notification-emails"]', '.notification-emails', '.notification-category'],
} as const;

export function readSellerNotifications(doc: Document): Observation | null {
  return readEmailListPage(doc, { page: SELLER_NOTIFICATIONS.page, items: SELLER_NOTIFICATIONS.recipients }, 'seller-notifications', 'notification-email', 50);
}
