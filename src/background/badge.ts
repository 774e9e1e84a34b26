// Sets the toolbar badge from the state and what is wrong with the guard
// itself (host access missing, a page type it cannot read, a failed write),
// and keeps it in step: after each write of the store, and on every change of
// the stored state made elsewhere (an import, a test seeding storage).

import { browser } from '../platform/browser';
import { ADD_ACCOUNT_BADGE, badgeFor } from '../core/badge';
import { unreadablePages } from '../core/health';
import { touchesState } from '../core/storage-keys';
import type { StoredState } from '../core/types';
import { accessMissing } from './permissions';
import { readState, storageProblem } from './store';
import { translate } from './translate';

/** What this worker last set (memory only: a restarted worker sets it afresh), so an unchanged badge costs no calls. */
let shown = '';

export async function showBadge(state: Pick<StoredState, 'alerts' | 'health'> & { accounts?: readonly unknown[] }): Promise<void> {
  const problem = await storageProblem();
  const { text, colour } = badgeFor(state, {
    accessMissing: accessMissing(),
    unreadable: unreadablePages(state.health).length > 0,
    storageProblem: problem !== null,
  });
  // The tooltip says what the "+" asks for.
  const title = translate(text === ADD_ACCOUNT_BADGE ? 'badgeAddAccountTitle' : 'extActionTitle');
  const badge = JSON.stringify([text, colour, title]);
  if (badge === shown) return;
  shown = badge;
  try {
    await browser.action.setBadgeBackgroundColor({ color: colour });
    await browser.action.setBadgeText({ text });
    await browser.action.setTitle({ title });
  } catch (e) {
    shown = ''; // not shown: the next call tries again
    throw e;
  }
}

/** Read the current state (repairing it if need be) and show it. */
export async function refreshBadge(): Promise<void> {
  await showBadge(await readState());
}

export function followStoredState(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !touchesState(Object.keys(changes))) return;
    // The store drops its copy on a write from elsewhere; an unreadable state is repaired on this read.
    void refreshBadge().catch(() => undefined);
  });
}
