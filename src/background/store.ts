// The stored state in storage.local under one key: loaded (migrated, or set
// aside with a notice when unreadable), changed only through serialised
// updates, each written in one atomic set() so a worker stopped mid-way leaves
// either the old or the new state, never half of one.

import { browser } from '../platform/browser';
import { newSalt } from '../core/fingerprint';
import { emptyState, loadState } from '../core/state';
import { serialQueue } from '../core/serial';
import type { StoredState } from '../core/types';

export const STATE_KEY = 'state';
/** Alerts kept in the log; the oldest settled ones go first. */
const MAX_ALERTS = 500;

const serial = serialQueue();
type Listener = (next: StoredState, before: StoredState) => void;
const listeners = new Set<Listener>();

/** Called after each write with the new and the previous state. */
export function onStateChange(fn: Listener): void {
  listeners.add(fn);
}

function noticeId(): string {
  return crypto.randomUUID();
}

async function loadOrRepair(): Promise<StoredState> {
  const stored = await browser.storage.local.get(STATE_KEY);
  const raw = stored[STATE_KEY];
  const result = loadState(raw);
  const now = Date.now();
  switch (result.kind) {
    case 'ok':
      return result.state;
    case 'fresh': {
      const state = emptyState(newSalt());
      await browser.storage.local.set({ [STATE_KEY]: state });
      return state;
    }
    case 'migrated': {
      const state: StoredState = {
        ...result.state,
        notices: [...result.state.notices, { id: noticeId(), kind: 'state-migrated', at: now, setAsideKey: null }],
      };
      await browser.storage.local.set({ [STATE_KEY]: state });
      return state;
    }
    case 'corrupt': {
      // Keep the unreadable state for inspection or export, start anew, and say so.
      const setAsideKey = `${STATE_KEY}.corrupt.${now}`;
      console.warn(`Account Guard: stored state unreadable (${result.reason}); set aside as ${setAsideKey}`);
      const state: StoredState = {
        ...emptyState(newSalt()),
        notices: [{ id: noticeId(), kind: 'state-reset', at: now, setAsideKey }],
      };
      await browser.storage.local.set({ [setAsideKey]: raw, [STATE_KEY]: state });
      return state;
    }
  }
}

function trimAlerts(state: StoredState): StoredState {
  if (state.alerts.length <= MAX_ALERTS) return state;
  const open = state.alerts.filter((a) => a.status === 'open');
  const settled = state.alerts
    .filter((a) => a.status !== 'open')
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
    .slice(0, Math.max(0, MAX_ALERTS - open.length));
  return { ...state, alerts: [...open, ...settled] };
}

/** The current state (waits for any update under way). */
export function readState(): Promise<StoredState> {
  return serial(loadOrRepair);
}

/**
 * Change the state: `change` gets the freshly read state and returns the next
 * one plus a result. Updates run one at a time, in the order they were asked.
 */
export function updateState<T>(change: (s: StoredState) => Promise<{ state: StoredState; result: T }> | { state: StoredState; result: T }): Promise<T> {
  return serial(async () => {
    const before = await loadOrRepair();
    const { state, result } = await change(before);
    if (state !== before) {
      const next = trimAlerts(state);
      await browser.storage.local.set({ [STATE_KEY]: next });
      for (const fn of listeners) fn(next, before);
    }
    return result;
  });
}
