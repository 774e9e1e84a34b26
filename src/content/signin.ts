// Content script for the sign-in flow: reads the page with the pure extractor,
// reports to the background, shows the banner it is told to show, and notes
// the account the user types on the email step (so it is not mistaken for a
// stranger's on the next step). Built as one self-contained script.

import { browser } from '../platform/browser';
import { findAccountInput, readSignInPage, readTypedAccount } from '../pages/signin';
import type { ContentMessage, Reply } from '../core/types';
import { showBanner, type Translate } from './banner';

const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;

async function send(message: ContentMessage): Promise<Reply | null> {
  try {
    return (await browser.runtime.sendMessage(message)) as Reply;
  } catch {
    return null; // extension reloaded or worker unavailable: stay silent on the page
  }
}

let lastReported = '';

async function observe(): Promise<void> {
  const observation = readSignInPage(document);
  if (!observation) return;
  const signature = JSON.stringify(observation);
  if (signature === lastReported) return;
  lastReported = signature;
  const reply = await send({ type: 'observe', observation });
  if (!reply || !reply.ok || !reply.banner) return;
  const { alertIds } = reply.banner;
  showBanner(document, reply.banner, t, {
    trust: alertIds.length ? () => void send({ type: 'alert-action', alertIds, action: 'trust' }) : undefined,
    checklist: () => void send({ type: 'open-checklist' }),
    dismiss: alertIds.length ? () => void send({ type: 'alert-action', alertIds, action: 'dismiss' }) : undefined,
  });
}

let lastTyped = '';
function noteTyped(input: HTMLInputElement | null): void {
  if (!input) return;
  const account = readTypedAccount(input);
  if (!account || account.value === lastTyped) return;
  lastTyped = account.value;
  void send({ type: 'typed-account', account });
}

// `change` fires when the field is left (before the form is sent); `submit`
// covers pressing Enter. Both are caught at the document, so fields rendered
// later are covered too.
document.addEventListener(
  'change',
  (e) => {
    const input = findAccountInput(document);
    if (input && e.target === input) noteTyped(input);
  },
  true,
);
document.addEventListener('submit', () => noteTyped(findAccountInput(document)), true);

void observe();

// Some steps render parts after load (the account switcher, the unified
// claim step): look again when the page changes, for a short while, at most
// every 250 ms.
let pending = false;
const watcher = new MutationObserver(() => {
  if (pending) return;
  pending = true;
  setTimeout(() => {
    pending = false;
    void observe();
  }, 250);
});
watcher.observe(document.documentElement, { childList: true, subtree: true });
setTimeout(() => watcher.disconnect(), 10_000);
