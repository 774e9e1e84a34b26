// UI requests: handlers for what the popup, options and first-run pages ask to change:
// accounts (confirm, remove, rename, add by typing), notices, settings, the
// checklist's progress, export, import and reset. Every state change goes through updateState().

import { browser } from '../platform/browser';
import { setChecklistStep } from '../core/checklist';
import { readExport, writeExport } from '../core/export';
import { legacyPairs, newSalt } from '../core/fingerprint';
import { accountClaim, applyAccountAction, ownAccount } from '../core/judge-signin';
import { expireLegacy, upgradeLegacyIds } from '../core/legacy-ids';
import { marketplaceById } from '../core/marketplaces';
import { normaliseAccount } from '../core/normalise';
import { applySettingsPatch } from '../core/settings';
import { emptyState, publicState } from '../core/state';
import type { UiMessage, RawAccount, Reply, StoredState } from '../core/types';
import { withListings } from './listings-store';
import { updateState } from './store';

export const WELCOME_PATH = 'src/welcome/index.html';

export type UiRequest = Extract<
  UiMessage,
  { type: 'account-action' | 'dismiss-notice' | 'update-settings' | 'add-account' | 'rename-account' | 'checklist-step' | 'export-state' | 'import-state' | 'reset-state' }
>;

/** Apply a pure change and answer with the page's view of the new state. */
async function change(fn: (s: StoredState) => StoredState | Promise<StoredState>): Promise<Reply> {
  const next = await updateState(async (s) => {
    // Legacy fingerprints unseen for too long are erased on any change the owner makes here too (core/legacy-ids).
    const state = expireLegacy(await fn(s), Date.now());
    return { state, result: state };
  });
  return { ok: true, state: publicState(next) };
}

/** The user's own account, typed on the options or first-run page: kept as fingerprint + hint only. */
async function addAccount(raw: RawAccount, marketplaceId: string): Promise<Reply> {
  const market = marketplaceById(marketplaceId);
  if (!market || !normaliseAccount(raw, market)) return { ok: false, error: 'optionsAddInvalid' };
  return change(async (s) => {
    const now = Date.now();
    const claim = (await accountClaim(raw, market, s.salt, market.id))!;
    const { id } = claim;
    // A legacy entry of this account takes its stretched id first, so the account is not stored twice.
    s = upgradeLegacyIds(s, await legacyPairs(), now);
    const accounts = ownAccount(s.accounts, claim, now);
    // A warning about this account is settled: the user says it is theirs.
    const alerts = s.alerts.map((a) =>
      a.kind === 'unfamiliar-account' && a.subjectId === id && a.status === 'open' ? { ...a, status: 'trusted' as const } : a,
    );
    return { ...s, accounts, alerts };
  });
}

/**
 * Replace the state and the listing records with a validated export; a bad
 * file, or a wrong passphrase, changes nothing. A file without the salt
 * replaces the settings and checklist only (core/export readExport). A file
 * with listing records is written with the state in one atomic set(); the
 * records it does not hold are removed after.
 */
async function importState(text: string, passphrase: string | null): Promise<Reply> {
  /** Set for a file without the salt (core/export readExport), even when empty. */
  let readd: string[] | undefined;
  // Same lock order as the listing watch (listing records, then state), so neither waits on the other forever.
  try {
    const next = await withListings(() =>
      updateState(async (current) => {
        // Read inside the queue: a saltless file is merged into the state as it is now.
        const parsed = await readExport(text, passphrase, current);
        if (!parsed.ok) throw new ImportRefused(parsed.error);
        if (!parsed.listings) {
          readd = parsed.readd;
          return { state: parsed.state, result: parsed.state };
        }
        return { state: parsed.state, result: parsed.state, alsoWrite: parsed.listings, replaceListings: Object.keys(parsed.listings) };
      }),
    );
    const reply: Reply = { ok: true, state: publicState(next) };
    return readd ? { ...reply, readd } : reply;
  } catch (e) {
    if (e instanceof ImportRefused) return { ok: false, error: e.message };
    throw e;
  }
}

/** A file refused inside the state's queue: nothing was written. */
class ImportRefused extends Error {}

async function resetState(): Promise<Reply> {
  // A new salt: every listing record (made with the old one) is swept after the one write of the fresh state.
  const next = await withListings(() => updateState(() => {
    const state = emptyState(newSalt());
    return { state, result: state, replaceListings: [] };
  }));
  return { ok: true, state: publicState(next) };
}

export async function handleUiRequest(msg: UiRequest): Promise<Reply> {
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
      const text = await updateState(async (s) => ({
        state: s,
        result: await writeExport(s, await browser.storage.local.get(null), Date.now(), msg.passphrase || null),
      }));
      return { ok: true, exportText: text };
    }
    case 'import-state':
      return importState(msg.text, msg.passphrase || null);
    case 'reset-state':
      return resetState();
  }
}

/** Legacy fingerprints unseen for too long erased now, not only when a page or the owner acts (core/legacy-ids). */
function expireLegacyNow(): Promise<void> {
  return updateState((s) => ({ state: expireLegacy(s, Date.now()), result: undefined }));
}

/**
 * First install: open the welcome page (not on updates or browser starts).
 * Each update and browser start also erases legacy fingerprints past their
 * time, so a browser that never visits Amazon again does not keep them.
 */
export function listenForInstall(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
    else void expireLegacyNow();
  });
  browser.runtime.onStartup.addListener(() => void expireLegacyNow());
}
