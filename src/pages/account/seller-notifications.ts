// Seller Central notification preferences (/notifications/preferences): the
// email addresses each kind of notice goes to. A hijacker adds their own
// address here, or replaces the owner's, so Amazon's warnings go elsewhere.

import type { Observation } from '../../core/types';
import { all, emailsOf, field, first, safely } from './read';

export const SELLER_NOTIFICATIONS = {
  page: ['#notification-preferences', '[data-testid="notification-preferences"]', '.notification-preferences'],
  /** Where the addresses are listed (one per notification category). */
  recipients: ['[data-testid="notification-emails"]', '.notification-emails', '.notification-category'],
} as const;

export function readSellerNotifications(doc: Document): Observation | null {
  return safely(() => {
    const page = first(doc, SELLER_NOTIFICATIONS.page);
    if (!page) return null;
    const lists = all(doc, SELLER_NOTIFICATIONS.recipients);
    const emails = emailsOf(lists.length ? lists : [page]).sort();
    return { page: 'account', kind: 'seller-notifications', fields: emails.slice(0, 50).flatMap((e) => field('notification-email', e)), orders: [] };
  });
}
