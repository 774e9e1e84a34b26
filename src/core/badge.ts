// What the toolbar badge says: the number of open alerts, coloured by the worst.

import { openAlerts, worstSeverity } from './alerts';
import type { Severity, StoredState } from './types';

const COLOURS: Record<Severity, string> = { info: '#2563EB', warning: '#B45309', danger: '#B91C1C' };

/** Shown while no account is known: "add yours" (trust rules). */
export const ADD_ACCOUNT_BADGE = '+';

export function badgeFor(state: Pick<StoredState, 'alerts'> & { accounts?: readonly unknown[] }): { text: string; colour: string } {
  const open = openAlerts(state);
  if (open.length === 0) return { text: state.accounts?.length === 0 ? ADD_ACCOUNT_BADGE : '', colour: COLOURS.info };
  const worst = worstSeverity(open) ?? 'info';
  return { text: open.length > 99 ? '99+' : String(open.length), colour: COLOURS[worst] };
}
