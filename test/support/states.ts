// Stored states for tests: builders for accounts, alerts and states, and every situation the popup must show.
import { emptyState } from '../../src/core/state';
import type { Alert, KnownAccount, StoredState } from '../../src/core/types';

export const SALT = '0123456789abcdef0123456789abcdef';
export const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
export const DAY = 86_400_000;

export function account(over: Partial<KnownAccount> = {}): KnownAccount {
  return {
    id: 'acc111111111',
    kind: 'email',
    hint: 'ta***@g***.com',
    marketplace: 'amazon.co.jp',
    origin: 'user',
    confirmed: true,
    firstSeenAt: NOW - 30 * DAY,
    lastSeenAt: NOW - DAY,
    twoStepSeenAt: null,
    label: null,
    roles: ['buyer'],
    twoStep: null,
    twoStepCheckedAt: null,
    passwordChangedAt: null,
    ...over,
  };
}

export function alert(over: Partial<Alert> = {}): Alert {
  return {
    id: 'alert-1',
    kind: 'unfamiliar-account',
    severity: 'warning',
    status: 'open',
    createdAt: NOW - 2 * 3600_000,
    lastSeenAt: NOW - 3600_000,
    seenCount: 1,
    marketplace: 'amazon.co.jp',
    subjectId: 'bad222222222',
    hint: 'xx***@e***.com',
    reasons: [{ key: 'alertUnfamiliarAccount', subs: ['amazon.co.jp', 'xx***@e***.com'] }],
    accountKind: 'email',
    source: 'password-step',
    ...over,
  };
}

export function state(over: Partial<StoredState> = {}): StoredState {
  return { ...emptyState(SALT), ...over };
}

export const EMPTY = state();
export const LEARNED = state({ accounts: [account({ origin: 'auto', confirmed: false })] });
export const WARNING = state({ accounts: [account()], alerts: [alert()] });
/** A danger alert from the listing watch, with rows of page text and a review path. */
export const DANGER = state({
  accounts: [account({ roles: ['buyer', 'seller'] })],
  alerts: [
    alert(),
    alert({
      id: 'alert-2',
      kind: 'new-listings',
      severity: 'danger',
      lastSeenAt: NOW - 60_000,
      subjectId: 'sel333333333',
      hint: 'A1***',
      reasons: [{ key: 'popupMoreRows', subs: ['3'] }],
      rows: [
        { cells: ['<img src=x onerror=alert(1)>', '¥1,000'], url: 'https://www.amazon.co.jp/dp/B000000001' },
        { cells: ['Camera', '¥2,000'], url: 'javascript:alert(1)' },
      ],
      columns: ['settingsListingBulkCount', 'settingsListingMedianPercent'],
      reviewUrl: '/inventory',
    }),
  ],
});
