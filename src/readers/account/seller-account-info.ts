// Seller Central seller profile (/sw/AccountInfo/SellerProfile…): the
// customer-service (contact) email and phone buyers and Amazon reach the
// seller at. Rows are label/value pairs; read by label (en/ja), with
// mailto:/tel: links as the fallback.

import { defineAccountPage } from '../../core/account-model';
import { LOGIN_SECURITY_FORMS } from './login-security';
import { emailsIn, field, first, safely, text, valueAfterLabel } from './read';

export const SELLER_ACCOUNT_INFO = {
  page: ['#seller-profile', '[data-testid="seller-profile"]', '#sc-seller-profile', 'form[action*="SellerProfile"]'],
  email: ['[data-testid="customer-service-email"]', '#customer-service-email', 'a[href^="mailto:"]'],
  phone: ['[data-testid="customer-service-phone"]', '#customer-service-phone', 'a[href^="tel:"]'],
} as const;

export const SELLER_ACCOUNT_INFO_LABELS = {
  email: /^(?:(?:customer service |contact )?e-?mail(?: address)?|カスタマーサービスの?(?:e|E)?メール(?:アドレス)?|お問い合わせ先(?:e|E)?メール(?:アドレス)?|連絡先(?:e|E)?メール(?:アドレス)?)$/i,
  phone: /^(?:(?:customer service |contact )?phone(?: number)?|カスタマーサービスの?電話番号|お問い合わせ先電話番号|連絡先電話番号|電話番号)$/i,
};

export function readSellerAccountInfo(doc: Document) {
  return safely(() => {
    if (!first(doc, SELLER_ACCOUNT_INFO.page)) return null;
    const emailEl = first(doc, SELLER_ACCOUNT_INFO.email);
    const email = emailsIn(valueAfterLabel(doc, SELLER_ACCOUNT_INFO_LABELS.email) ?? text(emailEl))[0] ?? null;
    const phoneEl = first(doc, SELLER_ACCOUNT_INFO.phone);
    const phone = valueAfterLabel(doc, SELLER_ACCOUNT_INFO_LABELS.phone) ?? (text(phoneEl) || null);
    const fields = [...field('email', email), ...field('phone', phone && /\d{4,}/.test(phone.replace(/\D/g, '')) ? phone : null)];
    return fields.length > 0 ? { fields, orders: [] } : null;
  });
}

export const sellerAccountInfoPage = defineAccountPage({
  kind: 'seller-account-info',
  paths: { retail: [], seller: ['/sw/AccountInfo/SellerProfile*'] },
  review: '/sw/AccountInfo/SellerProfile/step/SellerProfile',
  label: 'accountPageSellerAccountInfo',
  fields: {
    email: { mask: 'email', changed: { severity: 'danger', reason: 'accountEmailChanged' } },
    phone: {
      mask: 'phone',
      changed: { severity: 'danger', reason: 'accountPhoneChanged' },
      added: { severity: 'danger', reason: 'accountPhoneAdded' },
    },
  },
  ownerForms: LOGIN_SECURITY_FORMS,
  read: readSellerAccountInfo,
});
