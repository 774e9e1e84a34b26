// Browser notifications for danger alerts: raised once when an alert becomes
// an open danger alert, if the user allows them in the settings.

import { browser } from '../platform/browser';
import type { Alert, StoredState } from '../core/types';
import { translate } from './translate';

const OPTIONS_PATH = 'src/options/index.html#alerts';

/** Only findings seen just now are announced (not, say, old alerts in an imported file). */
const FRESH_MS = 60_000;

/** Alerts that are open dangers now, seen just now, and were not open dangers before this change. */
export function newDangers(next: StoredState, before: StoredState | null, now = Date.now()): Alert[] {
  const was = new Map((before?.alerts ?? []).map((a) => [a.id, a]));
  return next.alerts.filter((a) => {
    if (a.status !== 'open' || a.severity !== 'danger' || now - a.lastSeenAt > FRESH_MS) return false;
    const old = was.get(a.id);
    return !old || old.status !== 'open' || old.severity !== 'danger';
  });
}

export async function notifyDangers(next: StoredState, before: StoredState | null): Promise<void> {
  if (!next.settings.notifications || !browser.notifications) return;
  for (const alert of newDangers(next, before)) {
    await browser.notifications.create(`alert:${alert.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: translate('notificationTitle'),
      message: alert.reasons.map((r) => translate(r.key, r.subs)).join(' ').slice(0, 500),
    });
  }
}

export function listenForNotificationClicks(): void {
  browser.notifications?.onClicked.addListener((id) => {
    if (!id.startsWith('alert:')) return;
    void browser.tabs.create({ url: browser.runtime.getURL(OPTIONS_PATH) });
    void browser.notifications.clear(id);
  });
}
