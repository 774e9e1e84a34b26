// Normalising account identifiers so the same account always yields the same
// fingerprint: NFKC (full-width input), trimmed, e-mail lower-cased, phone as
// international digits.

import type { AccountKind, RawAccount } from './types';
import { MARKETPLACES, type Marketplace } from './marketplaces';

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
  // but appear in phone numbers typed with Japanese IMEs. Invisible marks
  // (zero-width spaces, direction marks around a dir=ltr claim, BOM) would
  // otherwise make the same address fingerprint differently.
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[\u2010-\u2015\u2212\u30fc\uff70]/g, '-')
    .trim();
}

/** Tell whether a piece of page text is an e-mail or a phone number. */
export function classifyIdentifier(text: string): RawAccount | null {
  if (typeof text !== 'string' || text.length > 320) return null;
  const t = nfkc(text);
  // Masked values ("ta***@g***.com", "•••• 1234") are hints, not identifiers.
  // NFKC turns a truncating "…" into "...", hence the run of dots (never
  // valid in an address either).
  if (t.length === 0 || /[*•●…]|\.\./u.test(t)) return null;
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
    digits = dropTrunkAfterCallingCode(digits);
  } else if (digits.startsWith('00')) {
    digits = dropTrunkAfterCallingCode(digits.slice(2));
  } else if (market) {
    const { callingCode, trunkPrefix } = market;
    if (trunkPrefix && digits.startsWith(trunkPrefix)) {
      digits = callingCode + digits.slice(trunkPrefix.length);
    } else if (digits.startsWith(callingCode) && digits.length - callingCode.length >= 8) {
      digits = dropTrunkAfterCallingCode(digits);
    } else {
      digits = callingCode + digits;
    }
  }
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

/**
 * "+81 (0)90-1234-5678" and "+44 020 …" keep the national trunk prefix after
 * the country code, as people often write them; the number dialled (and the
 * fingerprint) is the same without it. Only for countries whose national
 * numbers never start with that digit (those with a trunk prefix in the table).
 */
function dropTrunkAfterCallingCode(digits: string): string {
  for (const m of MARKETPLACES) {
    if (m.trunkPrefix && digits.startsWith(m.callingCode + m.trunkPrefix)) {
      return m.callingCode + digits.slice(m.callingCode.length + m.trunkPrefix.length);
    }
  }
  return digits;
}

export function normaliseAccount(raw: RawAccount, market: Marketplace | null): NormalAccount | null {
  const value = raw.kind === 'email' ? normaliseEmail(raw.value) : normalisePhone(raw.value, market);
  return value === null ? null : { kind: raw.kind, value };
}
