// The per-tab flow memory's offered alert ids: a tab may answer only the
// alerts its banners were sent, kept in session storage across a stopped
// worker, written only when they change; and the per-tab report limit.

import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const session: Record<string, unknown> = {};
  return {
    session,
    area: {
      async get(k: string) {
        return k in session ? { [k]: structuredClone(session[k]) } : {};
      },
      async set(items: Record<string, unknown>) {
        for (const [k, v] of Object.entries(items)) session[k] = structuredClone(v);
      },
      async remove(k: string) {
        delete session[k];
      },
    },
  };
});
vi.mock('../../../src/platform/browser', () => ({ browser: { storage: { session: fake.area } } }));

const { allowReport, claimInFlow, forgetTab, MAX_REPORTS_PER_MINUTE, rememberClaimed, rememberOffered, wereOffered } = await import('../../../src/background/flows');

beforeEach(() => {
  for (const k of Object.keys(fake.session)) delete fake.session[k];
});

describe('offered alert ids', () => {
  it('a tab may act on the ids its banners were sent, all of them, and only in that tab', async () => {
    await rememberOffered(1, ['a', 'b']);
    await rememberOffered(2, ['c']);
    expect(await wereOffered(1, ['a'])).toBe(true);
    expect(await wereOffered(1, ['a', 'b'])).toBe(true);
    expect(await wereOffered(1, ['a', 'c'])).toBe(false);
    expect(await wereOffered(1, ['c'])).toBe(false);
    expect(await wereOffered(2, ['c'])).toBe(true);
    expect(await wereOffered(3, ['a'])).toBe(false);
    expect(await wereOffered(1, [])).toBe(false);
  });

  it('is kept in session storage (a stopped worker keeps it) and forgotten with the tab', async () => {
    await rememberOffered(5, ['x']);
    expect(JSON.stringify(fake.session)).toContain('"x"');
    await forgetTab(5);
    expect(await wereOffered(5, ['x'])).toBe(false);
  });

  it('keeps a bounded, newest-last list', async () => {
    for (let i = 0; i < 250; i++) await rememberOffered(7, [`id${i}`]);
    expect(await wereOffered(7, ['id249'])).toBe(true);
    expect(await wereOffered(7, ['id0'])).toBe(false);
  });

  it('remembers the claim (fingerprint and hint) the flow signs in, and an old flow record without one reads as none', async () => {
    fake.session['flow:9'] = { typed: [], claimedId: 'old', windowStart: 0, count: 0 };
    expect(await claimInFlow(9)).toBeNull();
    await rememberClaimed(9, { id: 'abc', kind: 'email', hint: 'ow***@e***.com', marketplace: 'amazon.com', role: 'buyer' });
    expect(await claimInFlow(9)).toEqual({ id: 'abc', kind: 'email', hint: 'ow***@e***.com', marketplace: 'amazon.com', role: 'buyer' });
  });

  it('writes nothing when a tab is offered, or signs in, what it already was (a reload of the same page)', async () => {
    const claim = { id: 'abc', kind: 'email', hint: 'ow***@e***.com', marketplace: 'amazon.com', role: 'buyer' } as const;
    await rememberOffered(4, ['a', 'b']);
    await rememberClaimed(4, claim);
    const set = vi.spyOn(fake.area, 'set');
    await rememberOffered(4, ['a', 'b']);
    await rememberOffered(4, ['b']);
    await rememberClaimed(4, { ...claim });
    expect(set).not.toHaveBeenCalled();
    await rememberOffered(4, ['a']); // moves to the end: a change
    await rememberClaimed(4, { ...claim, hint: 'ot***@e***.com' });
    expect(set).toHaveBeenCalledTimes(2);
    set.mockRestore();
  });
});

describe('report limit', () => {
  it('allows MAX_REPORTS_PER_MINUTE reports a minute per tab, then refuses until the minute is over; other tabs are not affected', async () => {
    const t0 = 1_000_000;
    for (let i = 0; i < MAX_REPORTS_PER_MINUTE; i++) expect(await allowReport(11, t0 + i)).toBe(true);
    expect(await allowReport(11, t0 + 59_000)).toBe(false);
    expect(await allowReport(12, t0 + 59_000)).toBe(true);
    expect(await allowReport(11, t0 + 60_000)).toBe(true); // a new minute
    for (let i = 0; i < MAX_REPORTS_PER_MINUTE; i++) await allowReport(11, t0 + 60_001);
    expect(await allowReport(11, t0 + 60_002)).toBe(false);
    await forgetTab(11); // a closed tab's count goes with it
    expect(await allowReport(11, t0 + 60_003)).toBe(true);
  });

  it('costs no storage write', async () => {
    const set = vi.spyOn(fake.area, 'set');
    await allowReport(13, 5);
    expect(set).not.toHaveBeenCalled();
    set.mockRestore();
  });
});
