// Content script for the sign-in flow: reads the page with the pure extractor,
// reports to the background, shows the banner it is told to show, notes the
// account the person types on the email step (trusted keystrokes only, see
// accountTyping) and notes a trusted password submit as a sign-in attempt for
// the account the page showed — never the password itself. Built as one
// self-contained script.

import { SIGNIN, SIGNIN_PAGE, accountTyping, asksForPassword, findAccountInput, passwordFormOf, readSignInPage, sendsForm, signingInAccount } from '../readers/signin';
import { isSellerHost } from '../core/marketplaces';
import { watchHealth } from './health';
import { report, send } from './report';
import { watchPage } from './watch';
import { watchPasswordSubmit } from './password-capture';
import { readPasskeyObservation } from '../readers/passkeys';
import { first } from '../readers/select';

// Injected at document_start: wake the background now, so it is running by
// the time the parser reaches the account.
void send({ type: 'wake' });

const typing = accountTyping();
let lastTyped = '';
function noteTyped(input: HTMLInputElement | null): void {
  const account = typing.typed(input);
  if (!account || account.value === lastTyped) return;
  lastTyped = account.value;
  void send({ type: 'typed-account', account });
}

// Keystrokes, paste and autofill arrive as trusted input events; a script's value does not.
document.addEventListener(
  'input',
  (e) => {
    const input = findAccountInput(document);
    typing.input(e, input);
  },
  true,
);
// `change` fires when the field is left (before the form is sent); `submit`
// covers pressing Enter. Both are caught at the document, so fields rendered
// later are covered too. What counts is decided by `typing`, not by the event.
document.addEventListener(
  'change',
  (e) => {
    const input = findAccountInput(document);
    if (input && e.target === input && e.isTrusted) noteTyped(input);
  },
  true,
);

// A password submit is the person's when it comes from their own click on the
// submit control or their Enter in a field (trusted events). Not the submit
// event itself: a page script's form.requestSubmit() fires a submit event the
// browser marks trusted.
let lastAttemptAt = 0;
function noteAttempt(e: Event): void {
  if (!e.isTrusted) return;
  const form = passwordFormOf(e.target);
  if (!form) return;
  const now = Date.now();
  if (now - lastAttemptAt < 1000) return;
  lastAttemptAt = now;
  void send({ type: 'signin-submit', account: signingInAccount(document) });
}
document.addEventListener('submit', () => noteTyped(findAccountInput(document)), true);
document.addEventListener('click', (e) => sendsForm(e) && noteAttempt(e), true);
document.addEventListener('keydown', (e) => sendsForm(e) && noteAttempt(e), true);

/** The account signals, from the extractor's own selectors (ids, and the hidden inputs that carry the account). */
const CLAIM_PARTS = [...SIGNIN.visibleClaim, ...SIGNIN.changeClaimLink, ...SIGNIN.hiddenClaim, ...SIGNIN.autofillHint];
/** What makes it the password step for the reader: its password field, or the claim's "Change" link. */
const STEP_PARTS = [...SIGNIN.password, ...SIGNIN.changeClaimLink];

// Read while the page is parsed (the account as soon as the probe sees it,
// so the warning shows before the user types), and again when parts render
// later (the account switcher, the unified claim step).
let passwordAsked = false;
const health = watchHealth(SIGNIN_PAGE, isSellerHost(location.host));
watchPage(
  () => {
    const input = findAccountInput(document);
    if (input) typing.seen(input);
    if (!passwordAsked && asksForPassword(document)) {
      // The password is asked (again): an earlier attempt in this tab was refused or abandoned.
      passwordAsked = true;
      void send({ type: 'password-step-shown' });
    }
    const observation = readSignInPage(document);
    if (observation) health.yielded();
    // Passkey watch: the account's passkey list, sent after the claim (which may make the account known).
    const passkeys = readPasskeyObservation(document, observation);
    if (observation) void report(observation).then(() => passkeys && report(passkeys));
    return observation !== null;
  },
  // The probe asks for what the reader needs, so the read it triggers finds the account (a read that finds nothing waits 10× its cost).
  { probe: (doc) => first(doc, CLAIM_PARTS) !== null && first(doc, STEP_PARTS) !== null },
);

// Phishing guard (issue 10): the password's hash, kept once the sign-in is proven.
watchPasswordSubmit();
