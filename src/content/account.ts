// Content script for the account pages (Login & Security at /ap/cnep and
// /ax/account/manage, addresses, 2SV, orders; Seller Central profile, deposit,
// notifications, users: the declarations in readers/account/table.ts): reads
// the page, and whose account it is, with the pure readers and reports it,
// and tells the background when the owner submits one of Amazon's change
// forms here, so the changed page that follows is the owner's own change
// rather than an alarm.

import { isSellerHost } from '../core/marketplaces';
import { accountPageKind, changeFormField, readAccountPage } from '../readers/account';
import type { AccountPageKind } from '../core/types';
import { accountPageType } from '../readers/page-types';
import { watchHealth } from './health';
import { report, send } from './report';
import { watchPage } from './watch';

function noteChangeForm(kind: AccountPageKind, form: Element | null): void {
  if (!form) return;
  const field = changeFormField(kind, form);
  if (field) void send({ type: 'owner-change', page: kind, field });
}

/** What this page is, from its URL now (client-side navigation changes it without a new load). */
const kindNow = () => accountPageKind(location.href, isSellerHost(location.host));

// `submit` is caught at the document so forms rendered later count too; a
// click on a submit button covers forms Amazon's scripts send themselves.
document.addEventListener(
  'submit',
  (e) => {
    const kind = kindNow();
    if (kind) noteChangeForm(kind, e.target instanceof Element ? e.target : null);
  },
  true,
);
document.addEventListener(
  'click',
  (e) => {
    const kind = kindNow();
    const button = e.target instanceof Element ? e.target.closest('input[type=submit], button[type=submit], button:not([type])') : null;
    if (kind && button) noteChangeForm(kind, button.closest('form'));
  },
  true,
);
// Read once parsed (never half a page), then whenever parts render later (order cards, Seller Central widgets).
const initialKind = kindNow();
const health = watchHealth(initialKind ? accountPageType(initialKind) : null);
watchPage(() => {
  const kind = kindNow();
  const observation = kind ? readAccountPage(kind, document, isSellerHost(location.host)) : null;
  if (observation) health.yielded();
  if (observation) void report(observation);
});
