// The user's answer to alerts, from a banner or the popup: the log is updated
// and, for "this was me", each watch learns what the owner vouched for (a new
// email becomes known, accepted listings stop being pending).

import { acceptAccountChanges } from '../core/judge-account';
import { applyAlertAction } from '../core/judge-signin';
import { acceptTrustedPasskeys } from '../core/judge-passkeys';
import type { AlertAction, StoredState } from '../core/types';
import { acceptTrustedListings } from './listings';
import { updateState } from './store';

export async function settleAlerts(alertIds: readonly string[], action: AlertAction): Promise<StoredState> {
  const now = Date.now();
  const next = await updateState((s) => {
    let changed = applyAlertAction(s, alertIds, action, now);
    if (action === 'trust') changed = acceptAccountChanges(changed, alertIds, now);
    if (action === 'trust') changed = acceptTrustedPasskeys(changed, alertIds);
    return { state: changed, result: changed };
  });
  // Listing records live apart from the state, in their own serialised store.
  if (action === 'trust') await acceptTrustedListings(alertIds);
  return next;
}
