// Every storage key the extension uses, in one place: the stored state's
// per-concern keys, the listing records, the unreadable states set aside, the
// legacy single-key state, and the session keys. Browser-free (the store, the
// export and the tests all read these names).

/** The state's top-level concerns, each persisted under its own `state.<concern>` key. */
export const STATE_CONCERNS = ['accounts', 'alerts', 'settings', 'notices', 'sellers', 'snapshots', 'checklist', 'health', 'passkeys'] as const;
export type StateConcern = (typeof STATE_CONCERNS)[number];

/** Schema version, salt and the id of the write that made them: written with every update. */
export const STATE_META_KEY = 'state.meta';
export const concernKey = (c: StateConcern): `state.${StateConcern}` => `state.${c}`;
/** Every key of the stored state (meta first). */
export const STATE_KEYS: readonly string[] = [STATE_META_KEY, ...STATE_CONCERNS.map(concernKey)];

/** Schema 1 and 2 kept the whole state under this one key; read once to migrate, then removed. */
export const LEGACY_STATE_KEY = 'state';

/** An unreadable state set aside for inspection: `state.corrupt.<ms>`; only the newest is kept. */
export const CORRUPT_PREFIX = 'state.corrupt.';
export const corruptKey = (at: number) => `${CORRUPT_PREFIX}${at}`;

/** The listing watch's records, one key per seller watch: `listings:<sellerWatchId>`. */
export const LISTINGS_PREFIX = 'listings:';
export const listingsKey = (watchId: string) => `${LISTINGS_PREFIX}${watchId}`;

/** True when a storage.onChanged batch touches the stored state (any of its keys, or the legacy one). */
export function touchesState(changedKeys: Iterable<string>): boolean {
  for (const k of changedKeys) if (k === LEGACY_STATE_KEY || STATE_KEYS.includes(k)) return true;
  return false;
}

// storage.session (cleared when the browser closes).
/** Per-tab sign-in flow memory (background/flows): `flow:<tabId>`. */
export const flowKey = (tabId: number) => `flow:${tabId}`;
/** Per-tab memory of the owner's own changes (background/owner-changes): `owner:<tabId>`. */
export const ownerChangesKey = (tabId: number) => `owner:${tabId}`;
/** Which watched marketplaces the extension can read, as last checked. */
export const SESSION_ACCESS_KEY = 'status.access';
/** The last failed write of the state (quota), until a write succeeds again. */
export const SESSION_STORAGE_PROBLEM_KEY = 'status.storage';
