// Content script for the account pages (Login & Security, addresses, 2SV,
// orders; Seller Central profile, deposit, notifications, users): reads the
// page with its pure extractor and reports it, and tells the background when
// the owner submits one of Amazon's change forms here, so the changed page
// that follows is the owner's own change rather than an alarm.

import { isSellerHost } from '../core/marketplaces';
import { accountPageKind, changeFormField, readAccountPage } from '../pages/account';
import type { AccountPageKind } from '../core/types';
import { watchHealth } from './health';
import { report, send, watchPage } from './report';

function noteChangeForm(kind: AccountPageKind, form: Element | null): void {
  if (!form) return;
  const field = changeFormField(kind, form);
  if (field) void send({ type: 'owner-change', page: kind, field });
}

const kind = accountPageKind(location.href, isSellerHost(location.host));
if (kind) {
  // `submit` is caught at the document so forms rendered later count too; a
  // click on a submit button covers forms Amazon's scripts send themselves.
  document.addEventListener('submit', (e) => noteChangeForm(kind, e.target instanceof Element ? e.target : null), true);
  document.addEventListener(
    'click',
    (e) => {
      const button = e.target instanceof Element ? e.target.closest('input[type=submit], button[type=submit], button:not([type])') : null;
      if (button) noteChangeForm(kind, button.closest('form'));
    },
    true,
  );
  // Parts of these pages render after load (order cards, Seller Central widgets).
  const health = watchHealth(kind);
  watchPage(() => {
    const observation = readAccountPage(kind, document);
    if (observation) health.yielded();
    if (observation) void report(observation);
  });
}
