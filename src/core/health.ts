// Watch health, pure: per Amazon page type (readers/page-types) and marketplace,
// when the watch last read a page of it, and how many pages of it were "seen
// but unreadable" (should have yielded an observation and did not) since.
// Also the protection status: which watched marketplaces the extension can
// read (host access), from what the browser's permissions say.

import { MARKETPLACES, marketplaceOrigins, type Marketplace } from './marketplaces';
import type { HealthEntry, Observation, Settings } from './types';

/** A successful read is noted at most this often per page type and marketplace (no write per page view). */
export const READ_NOTE_INTERVAL_MS = 10 * 60_000;
/** Entries kept (page types × marketplaces is far fewer). */
export const MAX_HEALTH_ENTRIES = 400;

/** The page type an observation came from (ids of readers/page-types). */
export function pageTypeOf(obs: Observation): string {
  switch (obs.page) {
    case 'signin-claim':
    case 'signin-otp':
    case 'signin-passkeys':
      return 'signin';
    case 'inventory':
    case 'upload-status':
      return obs.page;
    case 'account':
      return obs.kind;
  }
}

const same = (e: HealthEntry, pageType: string, marketplace: string) => e.pageType === pageType && e.marketplace === marketplace;

function put(health: HealthEntry[], entry: HealthEntry): HealthEntry[] {
  const others = health.filter((e) => !same(e, entry.pageType, entry.marketplace));
  return [...others, entry].slice(-MAX_HEALTH_ENTRIES);
}

/** A page of the type yielded an observation: unreadable pages before it are settled. Same array when nothing is new. */
export function noteRead(health: HealthEntry[], pageType: string, marketplace: string, now: number): HealthEntry[] {
  const entry = health.find((e) => same(e, pageType, marketplace));
  if (entry && entry.unreadableCount === 0 && entry.lastReadAt !== null && now - entry.lastReadAt < READ_NOTE_INTERVAL_MS) return health;
  return put(health, { pageType, marketplace, lastReadAt: now, unreadableCount: 0, unreadableAt: entry?.unreadableAt ?? null });
}

/** A page of the type should have yielded an observation and did not. */
export function noteUnreadable(health: HealthEntry[], pageType: string, marketplace: string, now: number): HealthEntry[] {
  const entry = health.find((e) => same(e, pageType, marketplace));
  return put(health, {
    pageType,
    marketplace,
    lastReadAt: entry?.lastReadAt ?? null,
    unreadableCount: (entry?.unreadableCount ?? 0) + 1,
    unreadableAt: now,
  });
}

/** Page types the watch cannot read at the moment, most recent first. */
export function unreadablePages(health: readonly HealthEntry[]): HealthEntry[] {
  return health.filter((e) => e.unreadableCount > 0).sort((a, b) => (b.unreadableAt ?? 0) - (a.unreadableAt ?? 0));
}

// ------------------------------------------------------------- host access

/** Whether the extension can read one watched marketplace (all of its hosts). */
export interface MarketplaceAccess {
  marketplace: string;
  granted: boolean;
  /** Its host permission patterns (what a request for access asks for). */
  origins: string[];
}

/** The marketplaces the user watches (settings.disabledMarketplaces excluded). */
export function watchedMarketplaces(settings: Pick<Settings, 'disabledMarketplaces'>): Marketplace[] {
  const off = new Set(settings.disabledMarketplaces);
  return MARKETPLACES.filter((m) => !off.has(m.id));
}

/** Watched marketplaces the extension cannot read. */
export function missingAccess(access: readonly MarketplaceAccess[]): MarketplaceAccess[] {
  return access.filter((a) => !a.granted);
}

export { marketplaceOrigins };

/** A write of the state that failed (e.g. storage.local's quota), kept until one succeeds again. */
export interface StorageProblem {
  kind: 'quota' | 'write-failed';
  at: number;
  message: string;
}

/** What the popup's status line shows about the guard itself. */
export interface GuardStatus {
  access: MarketplaceAccess[];
  storage: StorageProblem | null;
}
