// Host access, per watched marketplace: whether the extension may read its
// retail and Seller Central hosts (permissions.contains on the manifest's
// host patterns). Checked when the worker starts, whenever access is granted
// or withdrawn (permissions.onAdded / onRemoved: Chrome's site-access menu,
// Firefox's add-on permissions), and when the popup asks. Without access no
// content script runs there, so this is what "protected" means.

import { browser } from '../platform/browser';
import { marketplaceOrigins, missingAccess, watchedMarketplaces, type MarketplaceAccess } from '../core/health';
import type { Settings } from '../core/types';

type Listener = (access: MarketplaceAccess[]) => void;
const listeners = new Set<Listener>();
let latest: MarketplaceAccess[] | null = null;

export function onAccessChange(fn: Listener): void {
  listeners.add(fn);
}

/** The access last checked (null before the first check). */
export function knownAccess(): MarketplaceAccess[] | null {
  return latest;
}

async function contains(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false; // a pattern the browser does not know: treat as not readable rather than fine
  }
}

/** Check every watched marketplace now; listeners hear the result. */
export async function checkAccess(settings: Pick<Settings, 'disabledMarketplaces'>): Promise<MarketplaceAccess[]> {
  const access = await Promise.all(
    watchedMarketplaces(settings).map(async (m) => {
      const origins = marketplaceOrigins(m);
      return { marketplace: m.id, origins, granted: await contains(origins) };
    }),
  );
  latest = access;
  for (const fn of listeners) fn(access);
  return access;
}

/** Some watched marketplace cannot be read (false before the first check). */
export function accessMissing(): boolean {
  return latest !== null && missingAccess(latest).length > 0;
}

/** Re-check whenever the browser grants or withdraws a permission. */
export function listenForAccessChanges(settings: () => Promise<Pick<Settings, 'disabledMarketplaces'>>): void {
  const recheck = () => void settings().then(checkAccess, (e: unknown) => console.warn('Account Guard: access check failed', e));
  browser.permissions.onAdded.addListener(recheck);
  browser.permissions.onRemoved.addListener(recheck);
}
