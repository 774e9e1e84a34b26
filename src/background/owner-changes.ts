// Per-tab memory of the owner's own changes: which settings the owner
// submitted through Amazon's change forms in a tab, so the changed page that
// follows is accepted as known-good instead of raising an alarm. Kept in
// storage.session (survives a stopped worker, gone when the browser closes),
// like the sign-in flow memory; holds page kinds, setting names and times only.

import { browser } from '../platform/browser';
import { serialQueue } from '../core/serial';
import { ownerChangesKey } from '../core/storage-keys';
import { notePasswordChanged, resolveAccountId } from '../core/judge-account';
import type { AccountPageKind, OwnerChangeField } from '../core/types';
import { claimedInFlow } from './flows';
import { updateState } from './store';

/** How long a submitted change form makes the changed setting known-good (verification steps take a while). */
export const OWNER_CHANGE_MINUTES = 30;

interface OwnerChange {
  page: AccountPageKind;
  field: OwnerChangeField;
  at: number;
}

const serial = serialQueue();
const key = ownerChangesKey;

async function read(tabId: number): Promise<OwnerChange[]> {
  const got = await browser.storage.session.get(key(tabId));
  const list = got[key(tabId)];
  return Array.isArray(list) ? (list as OwnerChange[]) : [];
}

export function rememberOwnerChange(tabId: number, page: AccountPageKind, field: OwnerChangeField, now: number): Promise<void> {
  return serial(async () => {
    const since = now - OWNER_CHANGE_MINUTES * 60_000;
    const kept = (await read(tabId)).filter((c) => c.at >= since && !(c.field === field && c.page === page));
    await browser.storage.session.set({ [key(tabId)]: [...kept, { page, field, at: now }].slice(-20) });
  });
}

/** The settings the owner changed in this tab within the last OWNER_CHANGE_MINUTES. */
export async function ownerChangesIn(tabId: number, now: number): Promise<Set<OwnerChangeField>> {
  const since = now - OWNER_CHANGE_MINUTES * 60_000;
  const list = await serial(() => read(tabId));
  return new Set(list.filter((c) => c.at >= since && c.at <= now + 60_000).map((c) => c.field));
}

export function forgetOwnerChanges(tabId: number): Promise<void> {
  return serial(() => browser.storage.session.remove(key(tabId)));
}

/**
 * The owner submitted a change form: remember it for this tab, and when it
 * was the password, stamp the date on the account (the hygiene view's
 * password age).
 */
export async function handleOwnerChange(tabId: number, page: AccountPageKind, field: OwnerChangeField): Promise<void> {
  const now = Date.now();
  await rememberOwnerChange(tabId, page, field, now);
  if (field !== 'password') return;
  const claimed = await claimedInFlow(tabId);
  await updateState((s) => {
    // The Login & Security page last read on any host names the account, when no sign-in was seen in this tab.
    const shown = s.snapshots.filter((p) => p.page === 'login-security').sort((a, b) => b.lastSeenAt - a.lastSeenAt)[0]?.accountId ?? null;
    return { state: notePasswordChanged(s, resolveAccountId(s, claimed, shown), now), result: null };
  });
}
