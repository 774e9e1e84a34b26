// Sets the toolbar badge from the state, and keeps it in step with every
// write of the stored state — through the store or not (an import, a test
// seeding storage, another extension context).

import { browser } from '../platform/browser';
import { ADD_ACCOUNT_BADGE, badgeFor } from '../core/badge';
import { isValidState } from '../core/state';
import type { StoredState } from '../core/types';
import { STATE_KEY } from './store';

export async function showBadge(state: Pick<StoredState, 'alerts'> & { accounts?: readonly unknown[] }): Promise<void> {
  const { text, colour } = badgeFor(state);
  await browser.action.setBadgeBackgroundColor({ color: colour });
  await browser.action.setBadgeText({ text });
  // The tooltip says what the "+" asks for.
  await browser.action.setTitle({ title: browser.i18n.getMessage(text === ADD_ACCOUNT_BADGE ? 'badgeAddAccountTitle' : 'extActionTitle') });
}

export function followStoredState(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(STATE_KEY in changes)) return;
    const next = changes[STATE_KEY]?.newValue;
    // An unreadable state is repaired (and then written) by the store on its next read.
    if (isValidState(next)) void showBadge(next);
  });
}
