// The account-change watch, shared by the two account content scripts
// (account-retail.ts on retail hosts, account-seller.ts on Seller Central
// hosts; the page types of each: readers/account/retail-pages.ts and
// seller-pages.ts): reads the page, and whose account it is, with the pure
// readers and reports it, and tells the background when the owner submits one
// of Amazon's change forms here, so the changed page that follows is the
// owner's own change rather than an alarm.

import type { OwnerChangeField } from '../core/types';
import { accountPageType } from '../readers/account/page-type';
import { accountPageAt, changeFormOf, readPageOf, type AccountPage } from '../readers/account/surface';
import { watchHealth } from './health';
import { report, send } from './report';
import { watchPage } from './watch';

/**
 * Watch this page as one of `pages`, on a Seller Central host when `seller`
 * (each script is injected on one surface only, at its own pages' paths).
 */
export function watchAccountPages(pages: readonly AccountPage[], seller: boolean): void {
  /** What this page is, from its URL now (client-side navigation changes it without a new load). */
  const pageNow = () => accountPageAt(pages, location.href, seller);

  const noteChangeForm = (page: AccountPage, form: Element | null): void => {
    if (!form) return;
    const field: OwnerChangeField | null = changeFormOf(page, form);
    if (field) void send({ type: 'owner-change', page: page.kind, field });
  };

  // `submit` is caught at the document so forms rendered later count too; a
  // click on a submit button covers forms Amazon's scripts send themselves.
  document.addEventListener(
    'submit',
    (e) => {
      const page = pageNow();
      if (page) noteChangeForm(page, e.target instanceof Element ? e.target : null);
    },
    true,
  );
  document.addEventListener(
    'click',
    (e) => {
      const page = pageNow();
      const button = e.target instanceof Element ? e.target.closest('input[type=submit], button[type=submit], button:not([type])') : null;
      if (page && button) noteChangeForm(page, button.closest('form'));
    },
    true,
  );
  // Read once parsed (never half a page), then whenever parts render later (order cards, Seller Central widgets).
  const initial = pageNow();
  const health = watchHealth(initial ? accountPageType(initial) : null, seller);
  watchPage(() => {
    const page = pageNow();
    const observation = page ? readPageOf(page, document, seller) : null;
    if (observation) health.yielded();
    if (observation) void report(observation);
  });
}
