// Per-tab sign-in flow memory in storage.session (survives a stopped worker,
// gone when the browser closes): which accounts the user typed on the email
// step, which account the flow is signing in (fingerprint and masked hint, for
// learning it once the sign-in is proven), the alert ids offered to the tab's
// banners (the only ones the tab may act on). Holds fingerprints and masked
// hints only. The rate limit per tab is counted in memory: a tab that floods
// keeps the worker awake, and a worker stopped for being idle has nothing to
// count — storage writes on every report would cost each page load for
// nothing.

import { browser } from '../platform/browser';
import { serialQueue } from '../core/serial';
import { flowKey } from '../core/storage-keys';
import type { Claim } from '../core/judge-signin';

interface Flow {
  typed: { id: string; at: number }[];
  claimedId: string | null;
  /** The account the flow is signing in, as shown on the password step. */
  claimed?: Claim | null;
  /** Alert ids sent to this tab in banners (newest last). */
  offered?: string[];
}

const serial = serialQueue();
const key = flowKey;
/** Observations a tab may report per minute before it is ignored. */
export const MAX_REPORTS_PER_MINUTE = 60;

async function read(tabId: number): Promise<Flow> {
  const got = await browser.storage.session.get(key(tabId));
  const f = got[key(tabId)] as Flow | undefined;
  return f && Array.isArray(f.typed) ? f : { typed: [], claimedId: null };
}

/** Change a tab's flow; an unchanged flow (`fn` returned it as it was) is not written. */
function change(tabId: number, fn: (f: Flow) => Flow): Promise<Flow> {
  return serial(async () => {
    const before = await read(tabId);
    const next = fn(before);
    if (next !== before) await browser.storage.session.set({ [key(tabId)]: next });
    return next;
  });
}

export function rememberTyped(tabId: number, id: string, now: number, windowMinutes: number): Promise<Flow> {
  const since = now - windowMinutes * 60_000;
  return change(tabId, (f) => ({
    ...f,
    typed: [...f.typed.filter((t) => t.at >= since && t.id !== id), { id, at: now }].slice(-10),
  }));
}

export async function typedRecently(tabId: number, now: number, windowMinutes: number): Promise<Set<string>> {
  const since = now - windowMinutes * 60_000;
  const f = await serial(() => read(tabId));
  return new Set(f.typed.filter((t) => t.at >= since).map((t) => t.id));
}

export function rememberClaimed(tabId: number, claim: Claim): Promise<Flow> {
  return change(tabId, (f) => (f.claimedId === claim.id && JSON.stringify(f.claimed) === JSON.stringify(claim) ? f : { ...f, claimedId: claim.id, claimed: claim }));
}

export async function claimedInFlow(tabId: number): Promise<string | null> {
  return (await serial(() => read(tabId))).claimedId;
}

/** The account (fingerprint and hint) the tab's flow is signing in, if the password step showed one. */
export async function claimInFlow(tabId: number): Promise<Claim | null> {
  return (await serial(() => read(tabId))).claimed ?? null;
}

/** Alert ids at most remembered per tab. */
const MAX_OFFERED = 200;

/** These alert ids were sent to this tab in a banner: the tab may act on them. */
export async function rememberOffered(tabId: number, alertIds: readonly string[]): Promise<void> {
  if (alertIds.length === 0) return;
  await change(tabId, (f) => {
    const offered = f.offered ?? [];
    // Offered again, last already: nothing to write.
    if (offered.length >= alertIds.length && alertIds.every((id, i) => offered[offered.length - alertIds.length + i] === id)) return f;
    const kept = offered.filter((id) => !alertIds.includes(id));
    return { ...f, offered: [...kept, ...alertIds].slice(-MAX_OFFERED) };
  });
}

/** Whether every one of these alert ids was offered to this tab. */
export async function wereOffered(tabId: number, alertIds: readonly string[]): Promise<boolean> {
  const offered = new Set((await serial(() => read(tabId))).offered ?? []);
  return alertIds.length > 0 && alertIds.every((id) => offered.has(id));
}

/** Reports per tab in the current minute (memory only, see above). */
const reports = new Map<number, { windowStart: number; count: number }>();

/** Count one report from a tab; false once it has sent too many this minute. */
export async function allowReport(tabId: number, now: number): Promise<boolean> {
  const r = reports.get(tabId);
  const next = r && now - r.windowStart < 60_000 ? { windowStart: r.windowStart, count: r.count + 1 } : { windowStart: now, count: 1 };
  reports.set(tabId, next);
  return next.count <= MAX_REPORTS_PER_MINUTE;
}

export function forgetTab(tabId: number): Promise<void> {
  reports.delete(tabId);
  return serial(() => browser.storage.session.remove(key(tabId)));
}
