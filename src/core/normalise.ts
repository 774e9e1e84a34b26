// Normalising account identifiers so the same account always yields the same
// fingerprint: NFKC (full-width input), trimmed, e-mail lower-cased, phone as
// international digits.

import type { AccountKind, RawAccount } from './types';
import type { Marketplace } from './marketplaces';

export interface NormalAccount {
  kind: AccountKind;
  /** e-mail: lower-case address; phone: digits with the country code, no "+". */
  value: string;
}

// Deliberately loose: Amazon validates addresses; we only need to tell an
// e-mail from a phone number and reject obvious garbage.
const EMAIL = /^[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:.]+$/u;
const PHONE_CHARS = /^\+?[\d\s\-().]+$/;

function nfkc(text: string): string {
  // U+2212 MINUS SIGN and the Japanese long vowel mark are not folded by NFKC
  // but appear in phone numbers typed with Japanese IMEs.
  return text.normalize('NFKC').replace(/[\u2010-\u2015\u2212\u30fc\uff70]/g, '-').trim();
}

/** Tell whether a piece of page text is an e-mail or a phone number. */
export function classifyIdentifier(text: string): RawAccount | null {
  if (typeof text !== 'string' || text.length > 320) return null;
  const t = nfkc(text);
  // Masked values ("ta***@g***.com", "•••• 1234") are hints, not identifiers.
  if (t.length === 0 || /[*•●…]/u.test(t)) return null;
  if (EMAIL.test(t)) return { kind: 'email', value: t };
  if (PHONE_CHARS.test(t)) {
    const digits = t.replace(/\D/g, '');
    if (digits.length >= 7 && digits.length <= 15) return { kind: 'phone', value: t };
  }
  return null;
}

export function normaliseEmail(value: string): string | null {
  const t = nfkc(value).toLowerCase();
  return EMAIL.test(t) ? t : null;
}

/**
 * International digits for a phone number. A number without "+"/"00" is read
 * as national for the marketplace it was seen on: its trunk prefix ("0" in
 * Japan) is dropped and the country code put in front.
 */
export function normalisePhone(value: string, market: Marketplace | null): string | null {
  const t = nfkc(value);
  if (!PHONE_CHARS.test(t)) return null;
  let digits = t.replace(/\D/g, '');
  if (t.startsWith('+')) {
    // already international
  } else if (digits.startsWith('00')) {
    digits = digits.slice(2);
  } else if (market) {
    const { callingCode, trunkPrefix } = market;
    if (trunkPrefix && digits.startsWith(trunkPrefix)) {
      digits = callingCode + digits.slice(trunkPrefix.length);
    } else if (!(digits.startsWith(callingCode) && digits.length - callingCode.length >= 8)) {
      digits = callingCode + digits;
    }
  }
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

export function normaliseAccount(raw: RawAccount, market: Marketplace | null): NormalAccount | null {
  const value = raw.kind === 'email' ? normaliseEmail(raw.value) : normalisePhone(raw.value, market);
  return value === null ? null : { kind: raw.kind, value };
}
