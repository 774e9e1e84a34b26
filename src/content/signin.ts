// Content script for the sign-in flow: reads the page with the pure extractor,
// reports to the background, shows the banner it is told to show, and notes
// the account the user types on the email step (so it is not mistaken for a
// stranger's on the next step). Built as one self-contained script.

import { findAccountInput, readSignInPage, readTypedAccount } from '../pages/signin';
import { watchHealth } from './health';
import { report, send, watchPage } from './report';

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

// Some steps render parts after load (the account switcher, the unified claim step).
const health = watchHealth('signin');
watchPage(() => {
  const observation = readSignInPage(document);
  if (observation) health.yielded();
  if (observation) void report(observation);
});
