// Sign-in proof ("commit only after proof", as Password Alert does): a tab's
// pending sign-in attempt, noted when a password is submitted on an Amazon
// sign-in page, and proven when that tab's next top-level page is an Amazon
// page outside the sign-in flow within PROOF_WINDOW_MS. A password step shown
// again voids the attempt (the password was refused, or the flow restarted).
// Pending attempts live in storage.session (survive a stopped worker, gone
// with the browser), fingerprints and hashes only, never a plain value.

import { browser, type Tabs } from '../platform/browser';
import { isAmazonHost } from '../core/marketplaces';
import { serialQueue } from '../core/serial';

/** A tab's pending sign-in attempt. Fingerprints and hashes only, never a plain value. */
export interface SignInAttempt {
  tabId: number;
  /** Amazon host the password was submitted on, e.g. www.amazon.co.jp */
  host: string;
  /** When the password was submitted (ms). */
  at: number;
  /** Fingerprint of the account signing in, when the page showed it (null if not). */
  accountId: string | null;
  /** Opaque values other watches attach to the attempt (e.g. the phishing guard's password hash). */
  extras: Record<string, string>;
}

/** How long after the password was submitted the next page may still prove it (2SV codes take a while). */
export const PROOF_WINDOW_MS = 10 * 60_000;

const serial = serialQueue();
const key = (tabId: number) => `signin-attempt:${tabId}`;
const listeners: ((attempt: SignInAttempt) => void | Promise<void>)[] = [];

/**
 * Paths of the sign-in flow itself: the sign-in, 2SV, approval and
 * verification (CVF) steps under /ap/, the unified claim step under /ax/,
 * the WAF/captcha challenges. Reaching any of these proves nothing yet.
 */
const SIGNIN_FLOW_PATHS = [/^\/ap\//i, /^\/ax\//i, /^\/aaut\//i, /^\/errors\/validatecaptcha/i, /^\/gp\/sign-in/i];

/** Whether a top-level URL is an Amazon page outside the sign-in flow (what proves an attempt). */
export function leavesSignInFlow(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || !isAmazonHost(u.hostname)) return false;
  return !SIGNIN_FLOW_PATHS.some((p) => p.test(u.pathname));
}

function isAttempt(v: unknown, tabId: number): v is SignInAttempt {
  const a = v as SignInAttempt | undefined;
  return (
    !!a &&
    a.tabId === tabId &&
    typeof a.host === 'string' &&
    typeof a.at === 'number' &&
    (a.accountId === null || typeof a.accountId === 'string') &&
    !!a.extras &&
    typeof a.extras === 'object'
  );
}

async function read(tabId: number): Promise<SignInAttempt | null> {
  const got = await browser.storage.session.get(key(tabId));
  const v = got[key(tabId)];
  return isAttempt(v, tabId) ? v : null;
}

/** A password was submitted on an Amazon sign-in page in this tab: merge into the tab's pending attempt (creating it). */
export function noteSignInAttempt(
  tabId: number,
  host: string,
  patch: { accountId?: string | null; extras?: Record<string, string> },
  now: number = Date.now(),
): Promise<void> {
  return serial(async () => {
    const old = await read(tabId);
    // An attempt from another host or past its window is another sign-in: start afresh.
    const same = old && old.host === host && now - old.at <= PROOF_WINDOW_MS ? old : null;
    const extras: Record<string, string> = { ...(same?.extras ?? {}) };
    for (const [k, v] of Object.entries(patch.extras ?? {})) if (typeof v === 'string') extras[k] = v;
    const next: SignInAttempt = {
      tabId,
      host,
      at: Math.max(now, same?.at ?? 0),
      // A patch that does not say which account keeps what an earlier one said.
      accountId: patch.accountId !== undefined && patch.accountId !== null ? patch.accountId : (same?.accountId ?? null),
      extras,
    };
    await browser.storage.session.set({ [key(tabId)]: next });
  });
}

/** Merge into the tab's pending attempt only if there is one (a late detail must not start a new attempt). */
export function patchSignInAttempt(tabId: number, host: string, patch: { accountId?: string | null; extras?: Record<string, string> }, now: number = Date.now()): Promise<void> {
  return serial(async () => {
    const old = await read(tabId);
    if (!old || old.host !== host || now - old.at > PROOF_WINDOW_MS) return;
    const next: SignInAttempt = {
      ...old,
      accountId: patch.accountId ?? old.accountId,
      extras: { ...old.extras, ...Object.fromEntries(Object.entries(patch.extras ?? {}).filter(([, v]) => typeof v === 'string')) },
    };
    await browser.storage.session.set({ [key(tabId)]: next });
  });
}

/** The tab's password was refused or the flow restarted: its pending attempt proves nothing. */
export function voidSignInAttempt(tabId: number): Promise<void> {
  return serial(() => browser.storage.session.remove(key(tabId)));
}

/** The pending attempt of a tab, if any (for tests and the phishing guard). */
export function pendingSignInAttempt(tabId: number): Promise<SignInAttempt | null> {
  return serial(() => read(tabId));
}

/**
 * The tab's top-level page is now `url`: an Amazon page outside the sign-in
 * flow proves its pending attempt (taken, so each attempt is proven once);
 * an expired attempt is dropped; sign-in steps and other sites keep it.
 * Returns the proven attempt, if any.
 */
export async function noteTopLevelPage(tabId: number, url: string, now: number = Date.now()): Promise<SignInAttempt | null> {
  const proven = await serial(async () => {
    const attempt = await read(tabId);
    if (!attempt) return null;
    if (now - attempt.at > PROOF_WINDOW_MS) {
      await browser.storage.session.remove(key(tabId));
      return null;
    }
    if (!leavesSignInFlow(url)) return null;
    await browser.storage.session.remove(key(tabId));
    return attempt;
  });
  if (proven) {
    for (const listener of listeners) {
      try {
        await listener(proven);
      } catch (e) {
        console.warn('Account Guard: sign-in proof listener failed', e);
      }
    }
  }
  return proven;
}

let watching = false;
function watchTabs(): void {
  if (watching) return;
  watching = true;
  // With host access to Amazon, changeInfo.url is given for Amazon pages without the `tabs` permission.
  browser.tabs.onUpdated.addListener((tabId: number, changeInfo: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab) => {
    const url = changeInfo.url ?? (changeInfo.status === 'complete' ? tab?.url : undefined);
    if (url) void noteTopLevelPage(tabId, url);
  });
  browser.tabs.onRemoved.addListener((tabId: number) => void voidSignInAttempt(tabId));
}

/** Register a listener called once per attempt when it is proven. Register at worker start-up (top level). */
export function onSignInProven(listener: (attempt: SignInAttempt) => void | Promise<void>): void {
  listeners.push(listener);
  watchTabs();
}
