// The per-tab flow memory's offered alert ids: a tab may answer only the
// alerts its banners were sent, kept in session storage across a stopped worker.

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

const { claimInFlow, forgetTab, rememberClaimed, rememberOffered, wereOffered } = await import('../../../src/background/flows');

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
});
