// What the toolbar badge says: the number of open alerts, coloured by the worst.

import { openAlerts } from './judge-signin';
import type { Severity, StoredState } from './types';

const COLOURS: Record<Severity, string> = { info: '#2563EB', warning: '#B45309', danger: '#B91C1C' };
const RANK: Record<Severity, number> = { info: 0, warning: 1, danger: 2 };

export function badgeFor(state: StoredState): { text: string; colour: string } {
  const open = openAlerts(state);
  if (open.length === 0) return { text: '', colour: COLOURS.info };
  const worst = open.reduce<Severity>((w, a) => (RANK[a.severity] > RANK[w] ? a.severity : w), 'info');
  return { text: open.length > 99 ? '99+' : String(open.length), colour: COLOURS[worst] };
}
