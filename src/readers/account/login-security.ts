// Login & Security, both layouts Amazon serves on every retail and Seller
// Central host: the classic /ap/cnep (a label/value row per setting next to an
// "Edit" button with a stable auth-cnep-* id) and the current
// /ax/account/manage (one section per setting, its value in an element with
// an id ending in _SUBTITLE: public tools read the name and email from
// #NAME_SUBTITLE and #EMAIL_SUBTITLE). Label texts in each marketplace's
// language are the fallback when the ids change.

import { defineAccountPage, type OwnerForms } from '../../core/account-model';
import { LABELS, TURN_ON } from './words';
import { emailsIn, field, first, isLabel, leafTexts, onOff, safely, text, valueAfterLabel } from './read';

export const LOGIN_SECURITY = {
  /** The classic page: its pagelet or the edit buttons only Login & Security has. */
  page: ['#auth-cnep-edit-email-button', '#auth-cnep-edit-name-button', '[id^="cnep_1a_"]', '#ap-cnep-pagelet'],
  /** Edit/add buttons per row; their row holds the label and the value. */
  nameButton: ['#auth-cnep-edit-name-button'],
  emailButton: ['#auth-cnep-edit-email-button'],
  phoneButton: ['#auth-cnep-edit-phone-button', '#auth-cnep-add-phone-button'],
  twoStepButton: ['#auth-cnep-advanced-security-settings-button', '#auth-cnep-edit-mfa-button'],
  passkeyButton: ['#auth-cnep-edit-passkey-button', '#auth-cnep-add-passkey-button', '#auth-cnep-manage-passkeys-button'],
  /** The row around a button: the form Amazon wraps each row in, or its grid. */
  row: ['form', '.a-fixed-right-grid', '.a-box-inner'],
} as const;

/**
 * The current page (/ax/account/manage): one value element per setting. The
 * ids are the ones public tools read (NAME_SUBTITLE, EMAIL_SUBTITLE) and
 * their siblings in the same naming; the section's heading is the fallback.
 */
export const ACCOUNT_MANAGE = {
  page: ['#NAME_SUBTITLE', '#EMAIL_SUBTITLE', '[data-testid="account-manage"]'],
  name: ['#NAME_SUBTITLE'],
  email: ['#EMAIL_SUBTITLE'],
  phone: ['#MOBILE_NUMBER_SUBTITLE', '#PHONE_NUMBER_SUBTITLE', '#MOBILE_PHONE_SUBTITLE'],
  twoStep: ['#MFA_SUBTITLE', '#TWO_STEP_VERIFICATION_SUBTITLE'],
  passkeys: ['#PASSKEY_SUBTITLE', '#PASSKEYS_SUBTITLE'],
} as const;

/** The value in the row of a button: the row's leaf texts without its label. */
function rowValue(doc: Document, buttons: readonly string[], label: RegExp): string | null {
  const button = first(doc, buttons);
  const row = button?.closest(LOGIN_SECURITY.row.join(',')) ?? null;
  if (row) {
    const texts = leafTexts(row).filter((t) => !isLabel(t, label));
    if (texts.length > 0) return texts.join(' ');
  }
  return valueAfterLabel(doc, label);
}

/** The value of a setting on /ax/account/manage: its _SUBTITLE element, else the text under its heading. */
function subtitleValue(doc: Document, ids: readonly string[], label: RegExp): string | null {
  const el = first(doc, ids);
  if (el) return text(el) || null;
  return valueAfterLabel(doc, label);
}

/** Phone rows without a number say so ("Add a mobile number", "携帯電話番号を追加"); they hold no digits. */
function phoneOnly(v: string | null): string | null {
  return v && /\d{4,}/.test(v.replace(/[\s\-()]/g, '')) ? v : null;
}

/** "2 passkeys" -> "2"; "Not set up" -> "0". */
function passkeyCount(v: string | null): string | null {
  if (!v) return null;
  const n = v.match(/(\d+)/);
  if (n) return n[1]!;
  const state = onOff(v);
  return state === 'off' ? '0' : state === 'on' ? '1' : null;
}

/** The 2SV row rarely says "on"; its button does: "Turn on" only when it is off. */
function twoStepClassic(doc: Document): 'on' | 'off' | null {
  const status = onOff(rowValue(doc, LOGIN_SECURITY.twoStepButton, LABELS.twoStep));
  if (status) return status;
  const button = first(doc, LOGIN_SECURITY.twoStepButton);
  const label = (button?.closest('.a-button')?.textContent ?? button?.getAttribute('value') ?? '').replace(/\s+/g, ' ').trim();
  return TURN_ON.test(label) ? 'off' : null;
}

function readClassic(doc: Document) {
  const email = emailsIn(rowValue(doc, LOGIN_SECURITY.emailButton, LABELS.email) ?? '')[0] ?? null;
  return [
    ...field('name', rowValue(doc, LOGIN_SECURITY.nameButton, LABELS.name)),
    ...field('email', email),
    ...field('phone', phoneOnly(rowValue(doc, LOGIN_SECURITY.phoneButton, LABELS.phone))),
    ...field('two-step', twoStepClassic(doc)),
    ...field('passkeys', passkeyCount(rowValue(doc, LOGIN_SECURITY.passkeyButton, LABELS.passkeys))),
  ];
}

function readAccountManage(doc: Document) {
  const email = emailsIn(subtitleValue(doc, ACCOUNT_MANAGE.email, LABELS.email) ?? '')[0] ?? null;
  return [
    ...field('name', subtitleValue(doc, ACCOUNT_MANAGE.name, LABELS.name)),
    ...field('email', email),
    ...field('phone', phoneOnly(subtitleValue(doc, ACCOUNT_MANAGE.phone, LABELS.phone))),
    ...field('two-step', onOff(subtitleValue(doc, ACCOUNT_MANAGE.twoStep, LABELS.twoStep))),
    ...field('passkeys', passkeyCount(subtitleValue(doc, ACCOUNT_MANAGE.passkeys, LABELS.passkeys))),
  ];
}

export function readLoginSecurity(doc: Document) {
  return safely(() => {
    const fields = first(doc, LOGIN_SECURITY.page) ? readClassic(doc) : first(doc, ACCOUNT_MANAGE.page) ? readAccountManage(doc) : null;
    // The page always shows the sign-in email or phone: without either it did not render (or is another page).
    if (!fields || !fields.some((f) => f.name === 'email' || f.name === 'phone')) return null;
    return { fields, orders: [] };
  });
}

/** Login & Security's edit forms (Seller Central's profile uses the same inputs): which input says which setting changes. */
export const LOGIN_SECURITY_FORMS: OwnerForms = {
  inputs: [
    { field: 'password', selector: '#ap_password_new, input[name="passwordNew"], input[name="passwordNewCheck"]' },
    { field: 'name', selector: '#ap_customer_name, input[name="customerName"]' },
    { field: 'phone', selector: '#ap_phone_number, input[name="phoneNumber"], input[type="tel"]' },
    { field: 'email', selector: '#ap_email_new, input[name="emailNew"], input[name="newEmail"], input[type="email"]' },
    // Passkey watch (issue 14): the passkey row's "Set up" / "Edit" starts Amazon's passkey set-up.
    {
      field: 'passkeys',
      selector: '#auth-cnep-add-passkey-button, #auth-cnep-edit-passkey-button, #auth-cnep-manage-passkeys-button, input[name="appAction"][value*="PASSKEY" i]',
    },
  ],
};

export const loginSecurityPage = defineAccountPage({
  kind: 'login-security',
  paths: { retail: ['/ap/cnep*', '/ax/account/manage*'], seller: ['/ap/cnep*', '/ax/account/manage*'] },
  review: '/ap/cnep',
  label: 'accountPageLoginSecurity',
  fields: {
    name: { mask: 'name', changed: { severity: 'warning', reason: 'accountNameChanged' } },
    email: { mask: 'email', identifies: true, changed: { severity: 'danger', reason: 'accountEmailChanged' } },
    phone: {
      mask: 'phone',
      changed: { severity: 'danger', reason: 'accountPhoneChanged' },
      added: { severity: 'danger', reason: 'accountPhoneAdded' },
    },
    'two-step': { mask: 'plain', turnedOff: { severity: 'danger', reason: 'accountTwoStepOff' } },
    passkeys: { mask: 'plain', increased: { severity: 'warning', reason: 'accountPasskeyAdded' } },
  },
  ownerForms: LOGIN_SECURITY_FORMS,
  read: readLoginSecurity,
});
