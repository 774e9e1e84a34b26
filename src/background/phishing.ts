// The phishing guard in the background: on exactly while the extension holds
// the optional all-sites permission (the guard's content script registered
// then, unregistered when it goes); judges what the guard's content script
// reports (look-alike pages, the Amazon password typed elsewhere, a one-time
// code after it), raises the `phishing` alert and replaces the tab with the
// warning page; keeps password hashes committed on a proven Amazon sign-in.
// Typed text stays in memory here, bounded, and is never stored.

import guardScript from '../content/phishing-guard.ts?iife';
import { browser, type Runtime } from '../platform/browser';
import { getDomain } from 'tldts';
import { amazonExcludePatterns, realmForHost } from '../core/amazon-domains';
import { raiseAlert, type AlertDraft } from '../core/alerts';
import { marketplaceById } from '../core/marketplaces';
import { newSalt } from '../core/fingerprint';
import { hostSignals } from '../core/phishing/host';
import {
  classifyPhishingSender,
  httpUrl,
  parsePhishingMessage,
  type Decision,
  type PhishingMessage,
  type WarningKind,
} from '../core/phishing/messages';
import {
  decodePending,
  encodePending,
  endsWithCode,
  findReuse,
  keepable,
  keepPassword,
  OTP_WINDOW_MS,
  passwordHash,
  typeInto,
  type KeptPassword,
  type TypedBuffer,
} from '../core/phishing/password';
import { scoreLookalike, type LookalikeReason } from '../core/phishing/score';
import { warningUrl } from '../core/phishing/warning';
import { serialQueue } from '../core/serial';
import type { Reply, Severity } from '../core/types';
import { noteSignInAttempt, onSignInProven, type SignInAttempt } from './signin-proof';
import { updateState } from './store';

export const GUARD_SCRIPT_ID = 'account-guard-phishing';
export const ALL_SITES = { origins: ['<all_urls>'] };
/** storage.local: the salt, the kept password hashes, the sites the user always allows. */
export const GUARD_KEY = 'phishingGuard';
/** storage.session: per tab, the sites allowed once and the latest reused-password match. */
const SESSION_KEY = 'phishingSession';
const EXTRA_KEY = 'phishingPassword';
const MAX_ALLOWED = 500;

interface GuardStore {
  salt: string;
  passwords: KeptPassword[];
  /** Registrable domains the user chose "Always allow this site" for. */
  allowed: string[];
}
interface GuardSession {
  once: { tabId: number; domain: string; kind: WarningKind }[];
  reuse: { tabId: number; domain: string; realm: string; at: number; otp: boolean }[];
}

const serial = serialQueue();
const keys = serialQueue();

function isStore(v: unknown): v is GuardStore {
  const s = v as GuardStore | undefined;
  return !!s && typeof s.salt === 'string' && s.salt.length >= 16 && Array.isArray(s.passwords) && Array.isArray(s.allowed);
}

async function readStore(): Promise<GuardStore> {
  const got = (await browser.storage.local.get(GUARD_KEY))[GUARD_KEY];
  if (isStore(got)) return got;
  const fresh: GuardStore = { salt: newSalt(), passwords: [], allowed: [] };
  await browser.storage.local.set({ [GUARD_KEY]: fresh });
  return fresh;
}

function changeStore(fn: (s: GuardStore) => GuardStore): Promise<GuardStore> {
  return serial(async () => {
    const next = fn(await readStore());
    await browser.storage.local.set({ [GUARD_KEY]: next });
    return next;
  });
}

async function readSession(): Promise<GuardSession> {
  const got = (await browser.storage.session.get(SESSION_KEY))[SESSION_KEY] as GuardSession | undefined;
  return got && Array.isArray(got.once) && Array.isArray(got.reuse) ? got : { once: [], reuse: [] };
}

function changeSession(fn: (s: GuardSession) => GuardSession): Promise<GuardSession> {
  return serial(async () => {
    const next = fn(await readSession());
    await browser.storage.session.set({ [SESSION_KEY]: next });
    return next;
  });
}

const siteOf = (host: string) => getDomain(host) ?? host;

// ------------------------------------------------------------ on and off

/** The guard is on exactly while the all-sites permission is held. */
export async function guardOn(): Promise<boolean> {
  try {
    return await browser.permissions.contains(ALL_SITES);
  } catch {
    return false;
  }
}

/** Register the guard's content script when the permission is held, unregister it when not. */
export function syncGuard(): Promise<boolean> {
  return serial(async () => {
    const on = await guardOn();
    const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [GUARD_SCRIPT_ID] })).length > 0;
    if (on && !registered) {
      await browser.scripting.registerContentScripts([
        {
          id: GUARD_SCRIPT_ID,
          js: [guardScript],
          matches: ['http://*/*', 'https://*/*'],
          excludeMatches: amazonExcludePatterns(),
          runAt: 'document_start',
          allFrames: false,
          persistAcrossSessions: true,
        },
      ]);
    } else if (!on && registered) {
      await browser.scripting.unregisterContentScripts({ ids: [GUARD_SCRIPT_ID] });
    }
    if (!on) buffers.clear();
    return on;
  });
}

// ------------------------------------------------------------- warnings

async function raise(kind: WarningKind, host: string, realm: string | null, severity: Severity, why: LookalikeReason[], otp: boolean): Promise<void> {
  const reasons = [
    { key: kind === 'lookalike-page' ? 'alertPhishingLookalike' : 'alertPhishingReuse', subs: [host, realm ?? ''] },
    ...(otp ? [{ key: 'alertPhishingOtp', subs: [] }] : []),
    ...why.map((key) => ({ key, subs: [] })),
  ];
  const draft: AlertDraft = { kind: 'phishing', severity, marketplace: realm ?? host, subjectId: `${kind}:${siteOf(host)}`, hint: host, reasons };
  await updateState((s) => {
    const { alerts } = raiseAlert(s.alerts, draft, Date.now(), () => crypto.randomUUID());
    return { state: { ...s, alerts }, result: null };
  });
}

async function showWarning(tabId: number, kind: WarningKind, url: string, why: LookalikeReason[], realm: string | null, otp: boolean): Promise<void> {
  await browser.tabs.update(tabId, { url: warningUrl(browser.runtime.getURL(''), { kind, url, why, realm, otp }) });
}

async function allowed(tabId: number, host: string, kind: WarningKind): Promise<boolean> {
  const domain = siteOf(host);
  const [store, session] = await Promise.all([readStore(), readSession()]);
  return store.allowed.includes(domain) || session.once.some((o) => o.tabId === tabId && o.domain === domain && o.kind === kind);
}

async function judgePage(tabId: number, url: string, host: string, msg: Extract<PhishingMessage, { type: 'phish-page' }>): Promise<void> {
  const verdict = scoreLookalike(msg.evidence, hostSignals(host));
  if (!verdict.lookalike || (await allowed(tabId, host, 'lookalike-page'))) return;
  await raise('lookalike-page', host, null, 'warning', verdict.reasons, false);
  await showWarning(tabId, 'lookalike-page', url, verdict.reasons, null, false);
}

// ------------------------------------------------------------ keystrokes

/** Per tab: what was typed into the current field. Memory only, bounded, dropped when idle. */
const buffers = new Map<number, TypedBuffer>();
const MAX_TABS = 50;
const IDLE_MS = 5 * 60_000;
/** Per tab: message times in the last second, to bound what a page can make the background hash. */
const rate = new Map<number, number[]>();
const MAX_PER_SECOND = 30;

function allowKeys(tabId: number, now: number): boolean {
  const recent = (rate.get(tabId) ?? []).filter((t) => now - t < 1000);
  if (recent.length >= MAX_PER_SECOND) return false;
  recent.push(now);
  rate.set(tabId, recent);
  return true;
}

function remember(tabId: number, buf: TypedBuffer, now: number): void {
  for (const [id, b] of buffers) if (now - b.at > IDLE_MS) buffers.delete(id);
  buffers.delete(tabId);
  buffers.set(tabId, buf);
  while (buffers.size > MAX_TABS) buffers.delete(buffers.keys().next().value!);
}

/** Returns whether the page should keep sending (false: no password kept, or the site is always allowed). */
async function judgeKeys(tabId: number, url: string, host: string, field: number, chars: string): Promise<boolean> {
  const now = Date.now();
  const store = await readStore();
  const domain = siteOf(host);
  if (store.passwords.length === 0 || store.allowed.includes(domain)) return false;
  if (!allowKeys(tabId, now)) return true;
  const buf = typeInto(buffers.get(tabId), field, chars, now);
  remember(tabId, buf, now);

  // A code typed soon after a reused password: relayed to the attacker to pass two-step verification.
  const session = await readSession();
  const recent = session.reuse.find((r) => r.tabId === tabId && now - r.at <= OTP_WINDOW_MS && !r.otp);
  if (recent && endsWithCode(buf)) {
    buffers.delete(tabId);
    await changeSession((s) => ({ ...s, reuse: s.reuse.map((r) => (r === recent || (r.tabId === tabId && r.at === recent.at) ? { ...r, otp: true } : r)) }));
    await raise('password-reuse', host, recent.realm, 'danger', [], true);
    await showWarning(tabId, 'password-reuse', url, [], recent.realm, true);
    return true;
  }

  const hit = await findReuse(buf, store.passwords, store.salt);
  if (!hit) return true;
  buffers.delete(tabId); // the password itself is not kept a moment longer
  if (session.once.some((o) => o.tabId === tabId && o.domain === domain && o.kind === 'password-reuse')) return true;
  await changeSession((s) => ({ ...s, reuse: [...s.reuse.filter((r) => r.tabId !== tabId), { tabId, domain, realm: hit.realm, at: now, otp: false }].slice(-50) }));
  await raise('password-reuse', host, hit.realm, 'danger', [], false);
  await showWarning(tabId, 'password-reuse', url, [], hit.realm, false);
  return true;
}

// --------------------------------------------------- Amazon sign-in capture

async function notePassword(tabId: number, host: string, password: string): Promise<void> {
  const realm = realmForHost(host);
  if (!realm || !keepable(password) || !(await guardOn())) return;
  const { salt } = await readStore();
  const hash = await passwordHash(password, salt);
  await noteSignInAttempt(tabId, host, { extras: { [EXTRA_KEY]: encodePending({ realm, length: [...password].length, hash }) } });
}

/** A sign-in was proven: its password hash (if the guard attached one) is kept. */
export async function commitProvenPassword(attempt: SignInAttempt): Promise<void> {
  const pending = decodePending(attempt.extras[EXTRA_KEY]);
  if (!pending) return;
  await changeStore((s) => ({ ...s, passwords: keepPassword(s.passwords, { ...pending, at: Date.now() }) }));
}

// ------------------------------------------------------------- decisions

async function decide(tabId: number, decision: Decision, kind: WarningKind, url: string, realm: string | null): Promise<void> {
  const u = httpUrl(url)!;
  const domain = siteOf(u.hostname);
  if (decision === 'back') {
    // Safety is the real Amazon (what the look-alike pretended to be), never the page warned about.
    await browser.tabs.update(tabId, { url: `https://${marketplaceById(realm ?? 'amazon.co.jp')?.retailHost ?? 'www.amazon.co.jp'}/` });
    return;
  }
  if (decision === 'always-allow') {
    await changeStore((s) => ({ ...s, allowed: [...new Set([domain, ...s.allowed])].slice(0, MAX_ALLOWED) }));
    await updateState((s) => ({
      state: { ...s, alerts: s.alerts.map((a) => (a.kind === 'phishing' && a.subjectId.endsWith(`:${domain}`) && a.status === 'open' ? { ...a, status: 'trusted' as const } : a)) },
      result: null,
    }));
  } else {
    await changeSession((s) => ({ ...s, once: [...s.once.filter((o) => !(o.tabId === tabId && o.domain === domain && o.kind === kind)), { tabId, domain, kind }].slice(-100) }));
  }
  await browser.tabs.update(tabId, { url: u.href });
}

// --------------------------------------------------------------- routing

function refuse(reason: string): Reply {
  console.warn(`Account Guard: phishing guard message refused: ${reason}`);
  return { ok: false, error: reason };
}

export { isPhishingMessage } from '../core/phishing/messages';

export async function handlePhishingMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply> {
  const msg = parsePhishingMessage(message);
  if (!msg) return refuse('malformed');
  const from = classifyPhishingSender(msg.type, sender, browser.runtime.id, browser.runtime.getURL(''));
  if (from.kind === 'rejected') return refuse(from.reason);
  switch (msg.type) {
    case 'phish-page':
      if (from.kind === 'guard' && (await guardOn())) await judgePage(from.tabId, from.url, from.host, msg);
      return { ok: true };
    case 'phish-keys': {
      if (from.kind !== 'guard') return { ok: true, listen: false };
      const { tabId, url, host } = from;
      // One at a time, in the order typed (the buffer is read-modify-write).
      const listen = await keys(async () => (await guardOn()) && (await judgeKeys(tabId, url, host, msg.field, msg.chars)));
      return { ok: true, listen };
    }
    case 'phish-signin-password':
      if (from.kind === 'signin') await notePassword(from.tabId, from.host, msg.password);
      return { ok: true };
    case 'phish-decision':
      if (from.kind === 'warning-page') await decide(from.tabId, msg.decision, msg.kind, msg.url, msg.realm);
      return { ok: true };
  }
}

/** Worker start-up: follow the permission, commit proven passwords, forget closed tabs. */
export function startPhishingGuard(): void {
  browser.permissions.onAdded.addListener(() => void syncGuard());
  browser.permissions.onRemoved.addListener(() => void syncGuard());
  // Browser start: re-check, for browsers that do not keep registered scripts across sessions.
  browser.runtime.onStartup.addListener(() => void syncGuard());
  onSignInProven(commitProvenPassword);
  browser.tabs.onRemoved.addListener((tabId) => {
    buffers.delete(tabId);
    rate.delete(tabId);
    void changeSession((s) => ({ once: s.once.filter((o) => o.tabId !== tabId), reuse: s.reuse.filter((r) => r.tabId !== tabId) }));
  });
  void syncGuard().catch((e: unknown) => console.warn('Account Guard: phishing guard registration failed', e));
}
