// What the toolbar badge says: the number of open alerts, coloured by the
// worst; with none open, "!" in its own colour when the guard is not fully
// working (a watched marketplace it cannot read, a page type it cannot read
// any more, a failed write of the state) — never an empty badge then.

import { openAlerts, worstSeverity } from './alerts';
import type { Severity, StoredState } from './types';

const COLOURS: Record<Severity, string> = { info: '#2563EB', warning: '#B45309', danger: '#B91C1C' };
/** Not an alert colour: the guard itself needs attention. */
export const ATTENTION_COLOUR = '#6D28D9';

/** Shown while no account is known: "add yours" (trust rules). */
export const ADD_ACCOUNT_BADGE = '+';

/** What is wrong with the guard itself (each false when unknown). */
export interface GuardTrouble {
  /** Some watched marketplace cannot be read (host access missing). */
  accessMissing?: boolean;
  /** Some page type yielded nothing where it must (Amazon changed the page). */
  unreadable?: boolean;
  /** The last write of the state failed (quota). */
  storageProblem?: boolean;
}

export function badgeFor(state: Pick<StoredState, 'alerts'> & { accounts?: readonly unknown[] }, trouble: GuardTrouble = {}): { text: string; colour: string } {
  const open = openAlerts(state);
  if (open.length === 0) {
    // The guard not working outranks "add your account": both need the owner, this one first.
    if (trouble.accessMissing || trouble.unreadable || trouble.storageProblem) return { text: '!', colour: ATTENTION_COLOUR };
    return { text: state.accounts?.length === 0 ? ADD_ACCOUNT_BADGE : '', colour: COLOURS.info };
  }
  const worst = worstSeverity(open) ?? 'info';
  return { text: open.length > 99 ? '99+' : String(open.length), colour: COLOURS[worst] };
}
