// The toolbar badge: open alerts counted, coloured by the worst.

import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../../src/core/badge';
import type { Alert, AlertStatus, Severity } from '../../../src/core/types';

let n = 0;
function alert(severity: Severity, status: AlertStatus = 'open'): Alert {
  n += 1;
  return {
    id: `a${n}`,
    kind: 'unfamiliar-account',
    severity,
    status,
    createdAt: n,
    lastSeenAt: n,
    seenCount: 1,
    marketplace: 'amazon.co.jp',
    subjectId: `s${n}`,
    hint: 'ta***@e***.com',
    reasons: [],
  };
}

describe('badgeFor', () => {
  it('is empty when nothing is open', () => {
    expect(badgeFor({ alerts: [] }).text).toBe('');
    expect(badgeFor({ alerts: [alert('danger', 'trusted'), alert('warning', 'dismissed')] }).text).toBe('');
  });

  it('asks for the owner\'s account ("+") while none is known and nothing is open', () => {
    expect(badgeFor({ alerts: [], accounts: [] }).text).toBe('+');
    expect(badgeFor({ alerts: [alert('warning', 'dismissed')], accounts: [] }).text).toBe('+');
    expect(badgeFor({ alerts: [], accounts: [{}] }).text).toBe('');
    // Open alerts are counted first.
    expect(badgeFor({ alerts: [alert('warning')], accounts: [] }).text).toBe('1');
  });

  it('counts only open alerts', () => {
    expect(badgeFor({ alerts: [alert('warning'), alert('warning', 'dismissed'), alert('info')] }).text).toBe('2');
  });

  it('takes the colour of the worst open alert', () => {
    const info = badgeFor({ alerts: [alert('info')] }).colour;
    const warning = badgeFor({ alerts: [alert('info'), alert('warning')] }).colour;
    const danger = badgeFor({ alerts: [alert('warning'), alert('danger'), alert('info')] }).colour;
    expect(new Set([info, warning, danger]).size).toBe(3);
    for (const c of [info, warning, danger]) expect(c).toMatch(/^#[0-9A-Fa-f]{6}$/);
    // A closed danger alert does not colour the badge.
    expect(badgeFor({ alerts: [alert('warning'), alert('danger', 'dismissed')] }).colour).toBe(warning);
    expect(badgeFor({ alerts: [] }).colour).toBe(info);
  });

  it('caps the text at 99+ so it fits the badge', () => {
    expect(badgeFor({ alerts: Array.from({ length: 99 }, () => alert('warning')) }).text).toBe('99');
    expect(badgeFor({ alerts: Array.from({ length: 100 }, () => alert('warning')) }).text).toBe('99+');
  });
});

describe('badgeFor when the guard itself needs attention', () => {
  it('shows "!" in its own colour when no alert is open and access is missing, a page is unreadable or a write failed', () => {
    const plain = badgeFor({ alerts: [] });
    for (const trouble of [{ accessMissing: true }, { unreadable: true }, { storageProblem: true }]) {
      const b = badgeFor({ alerts: [] }, trouble);
      expect(b.text).toBe('!');
      expect(b.colour).not.toBe(plain.colour);
      expect(b.colour).not.toBe(badgeFor({ alerts: [alert('danger')] }).colour);
    }
    expect(badgeFor({ alerts: [] }, { accessMissing: false, unreadable: false, storageProblem: false })).toEqual(plain);
  });

  it('the alert count wins over "!"', () => {
    expect(badgeFor({ alerts: [alert('warning')] }, { accessMissing: true }).text).toBe('1');
  });
});
