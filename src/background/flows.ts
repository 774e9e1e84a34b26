// Per-tab sign-in flow memory in storage.session (survives a stopped worker,
// gone when the browser closes): which accounts the user typed on the email
// step, which account the flow is signing in (fingerprint and masked hint, for
// learning it once the sign-in is proven), the alert ids offered to the tab's
// banners (the only ones the tab may act on), and a rate limit per tab.
// Holds fingerprints and masked hints only.

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
  windowStart: number;
  count: number;
}

const serial = serialQueue();
const key = flowKey;
/** Observations a tab may report per minute before it is ignored. */
export const MAX_REPORTS_PER_MINUTE = 60;

async function read(tabId: number): Promise<Flow> {
  const got = await browser.storage.session.get(key(tabId));
  const f = got[key(tabId)] as Flow | undefined;
  return f && Array.isArray(f.typed) ? f : { typed: [], claimedId: null, windowStart: 0, count: 0 };
}

function change(tabId: number, fn: (f: Flow) => Flow): Promise<Flow> {
  return serial(async () => {
    const next = fn(await read(tabId));
    await browser.storage.session.set({ [key(tabId)]: next });
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
  return change(tabId, (f) => ({ ...f, claimedId: claim.id, claimed: claim }));
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
    const kept = (f.offered ?? []).filter((id) => !alertIds.includes(id));
    return { ...f, offered: [...kept, ...alertIds].slice(-MAX_OFFERED) };
  });
}

/** Whether every one of these alert ids was offered to this tab. */
export async function wereOffered(tabId: number, alertIds: readonly string[]): Promise<boolean> {
  const offered = new Set((await serial(() => read(tabId))).offered ?? []);
  return alertIds.length > 0 && alertIds.every((id) => offered.has(id));
}

/** Count one report from a tab; false once it has sent too many this minute. */
export async function allowReport(tabId: number, now: number): Promise<boolean> {
  const f = await change(tabId, (f) =>
    now - f.windowStart >= 60_000 ? { ...f, windowStart: now, count: 1 } : { ...f, count: f.count + 1 },
  );
  return f.count <= MAX_REPORTS_PER_MINUTE;
}

export function forgetTab(tabId: number): Promise<void> {
  return serial(() => browser.storage.session.remove(key(tabId)));
}
