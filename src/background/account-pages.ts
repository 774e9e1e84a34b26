// Handles what the account-change watch's content script reports: the page's
// clear values and the signals of whose account it is become salted hashes and
// masked hints (core/account-fingerprint), the tab's memory of the owner's own
// changes and of its sign-in is consulted, and the core judges the difference
// from the same account's last visit.

import { fingerprintPage, type AccountObservation } from '../core/account-fingerprint';
import { legacyPairs } from '../core/fingerprint';
import { upgradeLegacyIds } from '../core/legacy-ids';
import { judgeAccountPage } from '../core/judge-account';
import type { BannerSpec } from '../core/types';
import { claimedInFlow } from './flows';
import { ownerChangesIn } from './owner-changes';
import { updateState } from './store';

export async function handleAccountObservation(tabId: number, host: string, obs: AccountObservation): Promise<BannerSpec | null> {
  const now = Date.now();
  const ownerChanged = await ownerChangesIn(tabId, now);
  const claimedAccountId = await claimedInFlow(tabId);
  return updateState(async (stored) => {
    // Stored legacy (fast) hashes of the values this page shows take their stretched ids before judging (core/legacy-ids).
    await fingerprintPage(stored, host, obs, claimedAccountId);
    const state = upgradeLegacyIds(stored, await legacyPairs(), now);
    const read = await fingerprintPage(state, host, obs, claimedAccountId);
    const { state: next, banner } = judgeAccountPage(state, read, { now, newId: () => crypto.randomUUID(), ownerChanged, claimedAccountId });
    return { state: next, result: banner };
  });
}
