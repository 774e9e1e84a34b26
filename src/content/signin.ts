// Content script for the sign-in flow: reads the page with the pure extractor,
// reports to the background, shows the banner it is told to show, and notes
// the account the user types on the email step (so it is not mistaken for a
// stranger's on the next step). Built as one self-contained script.

import { SIGNIN, findAccountInput, readSignInPage, readTypedAccount } from '../pages/signin';
import { report, send } from './report';
import { watchPage } from './watch';

// Injected at document_start: wake the background now, so it is running by
// the time the parser reaches the account.
void send({ type: 'wake' });

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

/** The account signals, from the extractor's own selectors: their ids, and the hidden inputs that carry the account. */
const CLAIM_PARTS = [...SIGNIN.visibleClaim, ...SIGNIN.changeClaimLink, ...SIGNIN.hiddenClaim, ...SIGNIN.autofillHint];
const CLAIM_IDS = new Set(CLAIM_PARTS.flatMap((s) => [...s.matchAll(/#([\w-]+)/g)].map((m) => m[1]!)));
const CLAIM_INPUTS = [...SIGNIN.hiddenClaim, ...SIGNIN.autofillHint].join(',');

// Read while the page is parsed (the account as soon as the parser adds it,
// so the warning shows before the user types), and again when parts render
// later (the account switcher, the unified claim step).
watchPage(
  () => {
    const observation = readSignInPage(document);
    if (observation) void report(observation);
    return observation !== null;
  },
  {
    whileLoading: true,
    urgent: (el) => (el.id !== '' && CLAIM_IDS.has(el.id)) || (el.tagName === 'INPUT' && el.matches(CLAIM_INPUTS)),
  },
);
