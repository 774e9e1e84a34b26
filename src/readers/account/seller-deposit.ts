// Seller Central deposit methods (/sw/AccountInfo/DepositMethodView…): the bank
// account payouts go to, shown by Amazon only as its last digits ("ending in
// 9731", "末尾 9731", "****9731"). Only those digits are read.

import { defineAccountPage } from '../../core/account-model';
import { all, field, first, safely, text } from './read';

export const SELLER_DEPOSIT = {
  page: ['#deposit-method-view', '[data-testid="deposit-methods"]', '#DepositMethodView', 'form[action*="DepositMethod"]'],
  /** One deposit method (a marketplace's bank account). */
  method: ['[data-testid="deposit-method"]', '.deposit-method', '.deposit-method-row'],
} as const;

const ENDING = /(?:ending in|ending with|末尾(?:が|は)?|下\s*\d\s*桁(?:が|は)?)\s*[:：]?\s*[*•●xX]*\s*(\d{2,4})\b|[*•●xX]{2,}\s*(\d{2,4})\b/gi;

/** The last digits Amazon shows in a piece of text. */
export function bankEndings(t: string): string[] {
  return [...t.matchAll(ENDING)].map((m) => m[1] ?? m[2] ?? '').filter(Boolean);
}

export function readSellerDeposit(doc: Document) {
  return safely(() => {
    const page = first(doc, SELLER_DEPOSIT.page);
    if (!page) return null;
    const methods = all(doc, SELLER_DEPOSIT.method);
    const endings = [...new Set((methods.length ? methods : [page]).flatMap((m) => bankEndings(text(m))))].sort();
    if (endings.length === 0) return null;
    return { fields: field('deposit', endings.join(',')), orders: [] };
  });
}

export const sellerDepositPage = defineAccountPage({
  kind: 'seller-deposit',
  paths: { retail: [], seller: ['/sw/AccountInfo/DepositMethodView*'] },
  review: '/sw/AccountInfo/DepositMethodView/step/DepositMethodView',
  label: 'accountPageSellerDeposit',
  fields: {
    deposit: { mask: 'deposit', changed: { severity: 'danger', reason: 'accountDepositChanged' } },
  },
  ownerForms: { whole: 'deposit' },
  read: readSellerDeposit,
});
