// Sets the toolbar badge from the state.

import { browser } from '../platform/browser';
import { badgeFor } from '../core/badge';
import type { StoredState } from '../core/types';

export async function showBadge(state: StoredState): Promise<void> {
  const { text, colour } = badgeFor(state);
  await browser.action.setBadgeBackgroundColor({ color: colour });
  await browser.action.setBadgeText({ text });
}
