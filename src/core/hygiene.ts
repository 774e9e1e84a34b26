// Account hygiene, per known account: the defences the takeover story says
// matter — a passkey (the one defence a phishing page cannot relay), two-step
// verification on, a password changed now and then, no dormant accounts.
// Pure: from the account, its passkey lists, the settings and the time.

import { DAY_MS } from './days';
import { passkeyStatus, type PasskeyStatus } from './judge-passkeys';
import type { KnownAccount, PasskeyList, Settings } from './types';

export type TwoStepStatus = 'on' | 'off' | 'unknown';
export type AgeStatus = 'unknown' | 'ok' | 'overdue';

export interface Hygiene {
  /** From the passkey lists the account's sign-in pages showed (unknown: none read yet). */
  passkey: PasskeyStatus;
  twoStep: TwoStepStatus;
  /** When the 2SV status was last learned (a page read or a code asked at sign-in). */
  twoStepAt: number | null;
  password: { status: AgeStatus; days: number | null };
  dormancy: { dormant: boolean; days: number };
  /** Anything the user should act on. */
  needsAttention: boolean;
}

/** Whole days from `from` to `now` (never negative: clocks drift). */
export function daysSince(from: number, now: number): number {
  return Math.max(0, Math.floor((now - from) / DAY_MS));
}

function twoStep(a: KnownAccount): { status: TwoStepStatus; at: number | null } {
  // Login & Security says it outright; the newer reading wins.
  if (a.twoStep !== null) {
    if (a.twoStep === 'off' && a.twoStepSeenAt !== null && a.twoStepCheckedAt !== null && a.twoStepSeenAt > a.twoStepCheckedAt) {
      return { status: 'on', at: a.twoStepSeenAt };
    }
    return { status: a.twoStep, at: a.twoStepCheckedAt };
  }
  // A one-time code asked at sign-in means 2SV was on then.
  if (a.twoStepSeenAt !== null) return { status: 'on', at: a.twoStepSeenAt };
  return { status: 'unknown', at: null };
}

export function accountHygiene(
  a: KnownAccount,
  settings: Pick<Settings, 'passwordAgeDays' | 'dormancyDays'>,
  now: number,
  passkeys?: readonly PasskeyList[],
): Hygiene {
  const tsv = twoStep(a);
  const passkey = passkeyStatus(passkeys, a.id);
  const pwDays = a.passwordChangedAt === null ? null : daysSince(a.passwordChangedAt, now);
  const password: Hygiene['password'] = {
    status: pwDays === null ? 'unknown' : pwDays >= settings.passwordAgeDays ? 'overdue' : 'ok',
    days: pwDays,
  };
  const idle = daysSince(a.lastSeenAt, now);
  const dormancy = { dormant: idle >= settings.dormancyDays, days: idle };
  return {
    passkey,
    twoStep: tsv.status,
    twoStepAt: tsv.at,
    password,
    dormancy,
    needsAttention: passkey === 'no' || tsv.status !== 'on' || password.status === 'overdue' || dormancy.dormant,
  };
}
