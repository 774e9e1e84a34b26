// Background service worker: the message router. Every message is classified
// by sender and shape-checked before a handler sees it; all state changes go
// through the serialised store.

import { browser, type Runtime } from '../platform/browser';
import { classifySender, parseContentMessage, parseUiMessage } from '../core/messages';
import { publicState } from '../core/state';
import type { Reply } from '../core/types';
import { followStoredState, refreshBadge, showBadge } from './badge';
import { handleUnreadable, noteObservationRead } from './health';
import { checkAccess, listenForAccessChanges, onAccessChange } from './permissions';
import { allowReport, forgetTab, rememberOffered, wereOffered } from './flows';
import { handleObservation } from './observations';
import { translate } from './translate';
import { bannerWording } from '../core/banner-wording';
import { handlePasswordStepShown, handleSignInProven, handleSignInSubmit, handleTyped } from './signin';
import { onSignInProven } from './signin-proof';
import { forgetOwnerChanges, handleOwnerChange } from './owner-changes';
import { notePasskeySetup } from './passkeys';
import { settleAlerts } from './alert-actions';
import { listenForNotificationClicks, notifyDangers } from './notify';
import { handleUiRequest, listenForInstall } from './ui-requests';
import { marketplaceForHost } from '../core/marketplaces';
import { onStateChange, onStorageProblem, readState, storageProblem } from './store';
import { handlePhishingMessage, isPhishingMessage, startPhishingGuard } from './phishing';

const CHECKLIST_PATH = 'src/options/index.html#checklist';

function refuse(reason: string): Reply {
  console.warn(`Account Guard: message refused: ${reason}`);
  return { ok: false, error: reason };
}

function hostOf(sender: Runtime.MessageSender): string {
  try {
    return new URL((sender as { origin?: string }).origin ?? sender.url ?? '').host;
  } catch {
    return '';
  }
}

/** The user switched this marketplace off in the options. */
async function isDisabled(host: string): Promise<boolean> {
  const id = marketplaceForHost(host)?.id;
  return id !== undefined && (await readState()).settings.disabledMarketplaces.includes(id);
}

async function openChecklist(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(CHECKLIST_PATH) });
}

export async function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply> {
  if (isPhishingMessage(message)) return handlePhishingMessage(message, sender); // own senders and shapes (issue 10)
  const from = classifySender(sender, browser.runtime.id, browser.runtime.getURL(''));
  if (from.kind === 'rejected') return refuse(from.reason);

  if (from.kind === 'content') {
    const parsed = parseContentMessage(message);
    if (!parsed.ok) return refuse(parsed.reason);
    const msg = parsed.message;
    const now = Date.now();
    switch (msg.type) {
      case 'observe': {
        const [allowed, disabled] = await Promise.all([allowReport(from.tabId, now), isDisabled(hostOf(sender))]);
        if (!allowed) return refuse('too many reports from this tab');
        if (disabled) return { ok: true, banner: null };
        const banner = await handleObservation(from.tabId, hostOf(sender), msg.observation);
        // The tab may later act on these alerts, and only on these (alert-action below).
        if (banner) await rememberOffered(from.tabId, banner.alertIds);
        await noteObservationRead(hostOf(sender), msg.observation);
        // Its words go with it: the page then draws it without an i18n call of its own.
        return { ok: true, banner: banner && { ...banner, wording: bannerWording(banner, translate) } };
      }
      case 'page-unreadable': {
        const [allowed, disabled] = await Promise.all([allowReport(from.tabId, now), isDisabled(hostOf(sender))]);
        if (!allowed) return refuse('too many reports from this tab');
        if (disabled) return { ok: true };
        // The URL only narrows: a report for a page type the tab is not on is refused.
        return (await handleUnreadable(sender.url ?? '', msg.pageType)) ? { ok: true } : refuse('not a page of that type');
      }
      case 'typed-account':
        await handleTyped(from.tabId, hostOf(sender), msg.account);
        return { ok: true };
      case 'alert-action':
        // A page may only answer the alerts its own banner showed; the popup and options act on any.
        if (!(await wereOffered(from.tabId, msg.alertIds))) return refuse('alert not offered to this tab');
        await settleAlerts(msg.alertIds, msg.action);
        return { ok: true };
      case 'signin-submit':
        if (!(await allowReport(from.tabId, now))) return refuse('too many reports from this tab');
        await handleSignInSubmit(from.tabId, hostOf(sender), msg.account);
        return { ok: true };
      case 'password-step-shown':
        await handlePasswordStepShown(from.tabId);
        return { ok: true };
      case 'wake':
        return { ok: true };
      case 'open-checklist':
        await openChecklist();
        return { ok: true };
      case 'owner-change':
        if (!(await allowReport(from.tabId, now))) return refuse('too many reports from this tab');
        await handleOwnerChange(from.tabId, msg.page, msg.field);
        if (msg.field === 'passkeys') await notePasskeySetup(from.tabId);
        return { ok: true };
    }
  }

  const parsed = parseUiMessage(message);
  if (!parsed.ok) return refuse(parsed.reason);
  const msg = parsed.message;
  switch (msg.type) {
    case 'get-state':
      return { ok: true, state: publicState(await readState()) };
    case 'get-status': {
      // Asked when the popup opens: check access afresh, not only from the last event.
      const access = await checkAccess((await readState()).settings);
      return { ok: true, status: { access, storage: await storageProblem() } };
    }
    case 'alert-action':
      return { ok: true, state: publicState(await settleAlerts(msg.alertIds, msg.action)) };
    case 'account-action':
    case 'dismiss-notice':
    case 'update-settings':
    case 'add-account':
    case 'rename-account':
    case 'checklist-step':
    case 'export-state':
    case 'import-state':
    case 'reset-state':
      return handleUiRequest(msg);
  }
}

// One listener per context. sendResponse + `return true` works the same in
// every browser, with or without the polyfill.
browser.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender, sendResponse: (r: Reply) => void) => {
  handleMessage(message, sender).then(sendResponse, (e: unknown) => sendResponse(refuse(`handler failed: ${String(e)}`)));
  return true;
}) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetOwnerChanges(tabId);
});

followStoredState();
onStateChange((next) => void showBadge(next).catch(() => undefined));
onStorageProblem(() => void refreshBadge().catch(() => undefined));
onAccessChange(() => void refreshBadge().catch(() => undefined));
listenForAccessChanges(async () => (await readState()).settings);
onStateChange((next, before) => {
  // The watched marketplaces changed: what "protected" covers changed too.
  if (next.settings.disabledMarketplaces !== before.settings.disabledMarketplaces) void checkAccess(next.settings);
  void notifyDangers(next, before).catch((e: unknown) => console.warn('Account Guard: notification failed', e));
});
listenForNotificationClicks();
listenForInstall();
// Top level, so a worker woken by the tab's navigation sees it (trust rules: learn from a proven sign-in).
onSignInProven(handleSignInProven);
startPhishingGuard();

// Every time the worker starts (install, browser start, or woken after being
// stopped): load (migrating or repairing) the state and restore the badge.
// Host access is checked on each start too (an update may have added hosts
// the browser did not grant).
void readState().then(async (state) => {
  await checkAccess(state.settings);
  await showBadge(state);
});
