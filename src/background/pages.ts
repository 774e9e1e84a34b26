// Handlers for what the popup, options and first-run pages ask to change:
// accounts (confirm, remove, rename, add by typing), notices, settings, the
// checklist's progress, export, import and reset. Every state change goes through updateState().

import { browser } from '../platform/browser';
import { setChecklistStep } from '../core/checklist';
import { buildExport, parseExport } from '../core/export';
import { fingerprint, maskAccount, newSalt } from '../core/fingerprint';
import { applyAccountAction, ownAccount } from '../core/judge-signin';
import { marketplaceById } from '../core/marketplaces';
import { normaliseAccount } from '../core/normalise';
import { applySettingsPatch } from '../core/settings';
import { emptyState, publicState } from '../core/state';
import type { PageMessage, RawAccount, Reply, StoredState } from '../core/types';
import { withListings } from './listings-store';
import { updateState } from './store';

export const WELCOME_PATH = 'src/welcome/index.html';

export type PagesMessage = Extract<
  PageMessage,
  { type: 'account-action' | 'dismiss-notice' | 'update-settings' | 'add-account' | 'rename-account' | 'checklist-step' | 'export-state' | 'import-state' | 'reset-state' }
>;

/** Apply a pure change and answer with the page's view of the new state. */
async function change(fn: (s: StoredState) => StoredState | Promise<StoredState>): Promise<Reply> {
  const next = await updateState(async (s) => {
    const state = await fn(s);
    return { state, result: state };
  });
  return { ok: true, state: publicState(next) };
}

/** The user's own account, typed on the options or first-run page: kept as fingerprint + hint only. */
async function addAccount(raw: RawAccount, marketplaceId: string): Promise<Reply> {
  const market = marketplaceById(marketplaceId);
  const normal = normaliseAccount(raw, market);
  if (!market || !normal) return { ok: false, error: 'optionsAddInvalid' };
  return change(async (s) => {
    const now = Date.now();
    const id = await fingerprint(normal, s.salt);
    const accounts = ownAccount(s.accounts, { id, kind: normal.kind, hint: maskAccount(normal, market.callingCode), marketplace: market.id }, now);
    // A warning about this account is settled: the user says it is theirs.
    const alerts = s.alerts.map((a) =>
      a.kind === 'unfamiliar-account' && a.subjectId === id && a.status === 'open' ? { ...a, status: 'trusted' as const } : a,
    );
    return { ...s, accounts, alerts };
  });
}

/** Replace the state and the listing records with a validated export; a bad file changes nothing. */
async function importState(text: string): Promise<Reply> {
  const parsed = parseExport(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  // Same lock order as the listing watch (listing records, then state), so neither waits on the other forever.
  // One atomic write of the state and the file's listing records; the records it does not hold are swept after.
  const next = await withListings(() =>
    updateState(() => ({ state: parsed.state, result: parsed.state, alsoWrite: parsed.listings, replaceListings: Object.keys(parsed.listings) })),
  );
  return { ok: true, state: publicState(next) };
}

async function resetState(): Promise<Reply> {
  // A new salt: every listing record (made with the old one) is swept after the one write of the fresh state.
  const next = await withListings(() => updateState(() => {
    const state = emptyState(newSalt());
    return { state, result: state, replaceListings: [] };
  }));
  return { ok: true, state: publicState(next) };
}

export async function handlePagesMessage(msg: PagesMessage): Promise<Reply> {
  switch (msg.type) {
    case 'account-action':
      return change((s) => applyAccountAction(s, msg.accountId, msg.action));
    case 'dismiss-notice':
      return change((s) => ({ ...s, notices: s.notices.filter((n) => n.id !== msg.noticeId) }));
    case 'update-settings':
      return change((s) => ({ ...s, settings: applySettingsPatch(s.settings, msg.patch) }));
    case 'add-account':
      return addAccount(msg.account, msg.marketplace);
    case 'rename-account': {
      const label = msg.label?.trim() || null;
      return change((s) => ({ ...s, accounts: s.accounts.map((a) => (a.id === msg.accountId ? { ...a, label } : a)) }));
    }
    case 'checklist-step':
      return change((s) => ({ ...s, checklist: setChecklistStep(s.checklist, msg.step, msg.done, Date.now()) }));
    case 'export-state': {
      // Read inside the queue so the file is one consistent moment.
      const text = await updateState(async (s) => {
        const file = buildExport(s, await browser.storage.local.get(null), Date.now());
        return { state: s, result: JSON.stringify(file, null, 2) };
      });
      return { ok: true, exportText: text };
    }
    case 'import-state':
      return importState(msg.text);
    case 'reset-state':
      return resetState();
  }
}

/** First install: open the welcome page (not on updates or browser starts). */
export function listenForInstall(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  });
}
