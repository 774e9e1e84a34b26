// The phishing guard's content script, registered (scripting API) on http(s)
// pages outside Amazon's own hosts only while the user has switched the
// guard on. Tiny and passive: reads look-alike evidence when the page has
// credential fields or Amazon's sign-in markup (again when scripts inject the
// body), and forwards trusted keystrokes and pastes to the background, which
// holds the password hashes and does every comparison. Nothing is kept here.

import { readLookalikeEvidence } from '../readers/lookalike';
import { contentApi } from '../platform/content-api';

function send(message: unknown): Promise<{ ok?: boolean; listen?: boolean } | null> {
  try {
    return contentApi.runtime.sendMessage(message).then(
      (r) => r as { ok?: boolean; listen?: boolean },
      () => null,
    );
  } catch {
    return Promise.resolve(null); // extension reloaded: stay silent
  }
}

// ------------------------------------------------------------ look-alike pages

const WORTH_READING = 'input[type=password],input[type=email],input[autocomplete=username],#ap_email,#ap_email_login,#signInSubmit,form[name=signIn],.a-icon-logo,.nav-logo-sprites';
const MAX_REPORTS = 20;
const WATCH_MS = 60_000;
let lastEvidence = '';
let reports = 0;

function check(): void {
  if (reports >= MAX_REPORTS || !document.querySelector(WORTH_READING)) return;
  const evidence = readLookalikeEvidence(document);
  if (!evidence) return;
  const signature = JSON.stringify(evidence);
  if (signature === lastEvidence) return;
  lastEvidence = signature;
  reports += 1;
  void send({ type: 'phish-page', evidence });
}

function watch(): void {
  check();
  // Kits inject their body by script: look again after DOM changes, batched, for a minute.
  let timer = 0;
  const observer = new MutationObserver(() => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = 0;
      check();
    }, 300) as unknown as number;
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WATCH_MS);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
else watch();

// ------------------------------------------------------------------ keystrokes

let listening = true;
let field = 0;
let current: EventTarget | null = null;

function editable(t: EventTarget | undefined): t is HTMLElement {
  return t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.isContentEditable);
}

function forward(e: Event, chars: string): void {
  if (!listening || !e.isTrusted || !chars) return;
  const target = e.composedPath()[0];
  if (!editable(target)) return;
  if (target !== current) {
    current = target;
    field += 1;
  }
  void send({ type: 'phish-keys', field, chars }).then((r) => {
    // No Amazon password is kept (or the guard is off): nothing to compare, stop sending.
    if (r && r.listen === false) listening = false;
  });
}

document.addEventListener(
  'keydown',
  (e) => {
    if (e.ctrlKey || e.metaKey || e.isComposing) return;
    forward(e, e.key === 'Backspace' ? '\b' : [...e.key].length === 1 ? e.key : '');
  },
  true,
);
document.addEventListener('paste', (e) => forward(e, [...(e.clipboardData?.getData('text/plain') ?? '').replace(/[\b\r\n]/g, '')].slice(-64).join('')), true);
