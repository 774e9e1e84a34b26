// Sets the toolbar badge from the state, and keeps it in step with every
// write of the stored state — through the store or not (an import, a test
// seeding storage, another extension context).

import { browser } from '../platform/browser';
import { badgeFor } from '../core/badge';
import { isValidState } from '../core/state';
import type { StoredState } from '../core/types';
import { STATE_KEY } from './store';

export async function showBadge(state: Pick<StoredState, 'alerts'>): Promise<void> {
  const { text, colour } = badgeFor(state);
  await browser.action.setBadgeBackgroundColor({ color: colour });
  await browser.action.setBadgeText({ text });
}

export function followStoredState(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(STATE_KEY in changes)) return;
    const next = changes[STATE_KEY]?.newValue;
    // An unreadable state is repaired (and then written) by the store on its next read.
    if (isValidState(next)) void showBadge(next);
  });
}
