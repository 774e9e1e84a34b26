// Watch health in the background: notes each successful read of a page type
// (at most every few minutes per page type and marketplace) and each page a
// content script reports as unreadable — after checking that the reporting
// tab's URL is a page of that type. Pure rules in core/health.

import { noteRead, noteUnreadable, pageTypeOf } from '../core/health';
import { isSellerHost, marketplaceForHost } from '../core/marketplaces';
import type { Observation, PageTypeId } from '../core/types';
import { isPageOfType, PAGE_TYPES } from '../readers/page-types';
import { updateState } from './store';

const marketplaceOf = (host: string) => marketplaceForHost(host)?.id ?? host;

/** An observation from `host` was handled: its page type can be read there. */
export async function noteObservationRead(host: string, obs: Observation, now = Date.now()): Promise<void> {
  await updateState((s) => ({ state: { ...s, health: noteRead(s.health, pageTypeOf(obs), marketplaceOf(host), now) }, result: null }));
}

/** A content script says its page should have yielded something; false when its URL is no page of that type. */
export async function handleUnreadable(url: string, pageType: PageTypeId, now = Date.now()): Promise<boolean> {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return false;
  }
  if (!isPageOfType(PAGE_TYPES[pageType], url, isSellerHost(host))) return false;
  await updateState((s) => ({ state: { ...s, health: noteUnreadable(s.health, pageType, marketplaceOf(host), now) }, result: null }));
  return true;
}
