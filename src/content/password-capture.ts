// Phishing guard, on Amazon's sign-in pages: on a trusted submit of the
// password step, hand the password to the background, which hashes it at
// once (stretched, salted, 37 bits) and keeps the hash only if the sign-in is
// then proven — and only while the guard is on. Nothing is kept here.

import { contentApi } from '../platform/content-api';

/** The visible password field of the password step (not Amazon's hidden autofill-hint fields). */
function passwordField(doc: Document): HTMLInputElement | null {
  const byId = doc.getElementById('ap_password');
  if (byId instanceof HTMLInputElement && byId.type === 'password') return byId;
  return [...doc.querySelectorAll<HTMLInputElement>('form input[type=password]')].find((i) => !i.hidden && i.type === 'password') ?? null;
}

let sentFor = '';

function capture(doc: Document, e: Event): void {
  if (!e.isTrusted) return;
  const field = passwordField(doc);
  const password = field?.value ?? '';
  // The guard keeps nothing under 8 characters; a double submit sends once.
  if (password.length < 8 || password.length > 256 || password === sentFor) return;
  sentFor = password;
  try {
    void contentApi.runtime.sendMessage({ type: 'phish-signin-password', password }).catch(() => undefined);
  } catch {
    // extension reloaded: nothing to do
  }
}

/** Watch the page's password submits (the form's submit, or Enter / the sign-in button). */
export function watchPasswordSubmit(doc: Document = document): void {
  doc.addEventListener('submit', (e) => capture(doc, e), true);
  doc.addEventListener(
    'click',
    (e) => {
      const t = e.target as Element | null;
      if (t?.closest?.('#signInSubmit, #auth-signin-button, input[type=submit], button[type=submit]')) capture(doc, e);
    },
    true,
  );
}
