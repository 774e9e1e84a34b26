// Login & Security (/ap/cnep on every retail and Seller Central host): name,
// email, mobile number, two-step verification and passkeys. Each row is a
// label/value pair next to an "Edit" button with a stable auth-cnep-* id; the
// label text (en/ja) is the fallback when the ids change.

import type { Observation } from '../../core/types';
import { emailsIn, field, first, isLabel, leafTexts, onOff, safely, valueAfterLabel } from './read';

export const LOGIN_SECURITY = {
  /** The page: its heading or the edit buttons only Login & Security has. */
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

export const LOGIN_SECURITY_LABELS = {
  name: /^(?:name|氏名|名前|お名前)$/i,
  email: /^(?:e-?mail|email address|eメール|eメールアドレス|メールアドレス)$/i,
  phone: /^(?:mobile (?:phone )?number|primary mobile number|phone number|携帯電話番号|携帯番号|電話番号)$/i,
  twoStep: /^(?:2-step verification|two-step verification(?: \(2sv\))?(?: settings)?|2sv settings|2段階認証(?:の設定)?|2 段階認証(?:の設定)?)$/i,
  passkeys: /^(?:passkeys?|パスキー)$/i,
};

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

/** Phone rows without a number say so ("Add a mobile number", "携帯電話番号を追加"); they hold no digits. */
function phoneValue(doc: Document): string | null {
  const v = rowValue(doc, LOGIN_SECURITY.phoneButton, LOGIN_SECURITY_LABELS.phone);
  return v && /\d{4,}/.test(v.replace(/[\s\-()]/g, '')) ? v : null;
}

/** "2 passkeys" -> "2"; "Not set up" -> "0". */
function passkeyCount(doc: Document): string | null {
  const v = rowValue(doc, LOGIN_SECURITY.passkeyButton, LOGIN_SECURITY_LABELS.passkeys);
  if (!v) return null;
  const n = v.match(/(\d+)/);
  if (n) return n[1]!;
  const state = onOff(v);
  return state === 'off' ? '0' : state === 'on' ? '1' : null;
}

/** The 2SV row rarely says "on"; its button does: "Turn on" only when it is off. */
function twoStepValue(doc: Document): 'on' | 'off' | null {
  const status = onOff(rowValue(doc, LOGIN_SECURITY.twoStepButton, LOGIN_SECURITY_LABELS.twoStep));
  if (status) return status;
  const button = first(doc, LOGIN_SECURITY.twoStepButton);
  const label = (button?.closest('.a-button')?.textContent ?? button?.getAttribute('value') ?? '').replace(/\s+/g, ' ').trim();
  return /^(?:turn on|enable|get started|有効にする|オンにする|設定する)$/i.test(label) ? 'off' : null;
}

export function readLoginSecurity(doc: Document): Observation | null {
  return safely(() => {
    if (!first(doc, LOGIN_SECURITY.page)) return null;
    const email = emailsIn(rowValue(doc, LOGIN_SECURITY.emailButton, LOGIN_SECURITY_LABELS.email) ?? '')[0] ?? null;
    const fields = [
      ...field('name', rowValue(doc, LOGIN_SECURITY.nameButton, LOGIN_SECURITY_LABELS.name)),
      ...field('email', email),
      ...field('phone', phoneValue(doc)),
      ...field('two-step', twoStepValue(doc)),
      ...field('passkeys', passkeyCount(doc)),
    ];
    if (!fields.some((f) => f.name === 'email' || f.name === 'phone')) return null;
    return { page: 'account', kind: 'login-security', fields, orders: [] };
  });
}
