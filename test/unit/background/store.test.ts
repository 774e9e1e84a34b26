// The serialised store over a fake storage.local: concurrent updates lose
// nothing, a failed write leaves the previous state, old states migrate with a
// notice and unreadable ones are set aside with a notice, never a crash.

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isValidState, loadState } from '../../../src/core/state';
import type { KnownAccount, StoredState } from '../../../src/core/types';
import { account as baseAccount } from '../../support/states';

/** In-memory storage.local; set() can be made to fail or to take a while. */
const fake = vi.hoisted(() => {
  const data: Record<string, unknown> = {};
  const control = { failNextSet: 0, maxDelayMs: 0, sets: 0 };
  const pause = () => (control.maxDelayMs ? new Promise((r) => setTimeout(r, Math.random() * control.maxDelayMs)) : Promise.resolve());
  const local = {
    async get(keys: string | string[] | null) {
      await pause();
      const wanted = keys === null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items: Record<string, unknown>) {
      await pause();
      if (control.failNextSet > 0) {
        control.failNextSet -= 1;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      control.sets += 1;
      // One atomic write, as storage.local.set is.
      for (const [k, v] of Object.entries(items)) data[k] = structuredClone(v);
    },
  };
  return { data, control, local };
});

vi.mock('../../../src/platform/browser', () => ({ browser: { storage: { local: fake.local } } }));

const { readState, updateState, onStateChange, STATE_KEY } = await import('../../../src/background/store');

const v1 = (): Record<string, unknown> => JSON.parse(readFileSync('test/fixtures/state/v1.json', 'utf8'));

const account = (i: number): KnownAccount =>
  baseAccount({ id: `acct${String(i).padStart(8, '0')}`, hint: `a${i}***@e***.com`, origin: 'auto', confirmed: false, firstSeenAt: i, lastSeenAt: i });

const stored = () => fake.data[STATE_KEY] as StoredState;
const corruptKeys = () => Object.keys(fake.data).filter((k) => k.startsWith(`${STATE_KEY}.corrupt.`));

beforeEach(() => {
  for (const k of Object.keys(fake.data)) delete fake.data[k];
  Object.assign(fake.control, { failNextSet: 0, maxDelayMs: 0, sets: 0 });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('store: concurrency', () => {
  it('50 concurrent updates, with storage answering in random order, lose nothing', async () => {
    await readState();
    fake.control.maxDelayMs = 5;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        updateState(async (s) => {
          // Work between the read and the write: another update must not slip in here.
          await new Promise((r) => setTimeout(r, Math.random() * 3));
          return { state: { ...s, accounts: [...s.accounts, account(i)], checklist: { ...s.checklist, [`step${i}`]: i } }, result: i };
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const s = stored();
    expect(isValidState(s)).toBe(true);
    expect(s.accounts.map((a) => a.firstSeenAt)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Object.keys(s.checklist)).toHaveLength(50);
  });

  it('runs updates in the order they were asked, each seeing the previous one', async () => {
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        updateState((s) => {
          seen.push(s.accounts.length);
          return { state: { ...s, accounts: [...s.accounts, account(i)] }, result: null };
        }),
      ),
    );
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('a change function that throws fails only its own update', async () => {
    const ok1 = updateState((s) => ({ state: { ...s, accounts: [account(1)] }, result: 1 }));
    const bad = updateState(() => {
      throw new Error('handler bug');
    });
    const ok2 = updateState((s) => ({ state: { ...s, accounts: [...s.accounts, account(2)] }, result: 2 }));
    await expect(bad).rejects.toThrow('handler bug');
    expect(await ok1).toBe(1);
    expect(await ok2).toBe(2);
    expect(stored().accounts.map((a) => a.id)).toEqual([account(1).id, account(2).id]);
  });
});

describe('store: failed writes', () => {
  it('a write that throws leaves the previous state, tells no listener, and the next update works', async () => {
    await updateState((s) => ({ state: { ...s, accounts: [account(1)] }, result: null }));
    const before = structuredClone(stored());
    const listener = vi.fn();
    onStateChange(listener);

    fake.control.failNextSet = 1;
    await expect(updateState((s) => ({ state: { ...s, accounts: [...s.accounts, account(2)] }, result: null }))).rejects.toThrow(/quota/);
    expect(stored()).toEqual(before);
    expect((await readState()).accounts).toEqual(before.accounts);
    expect(listener).not.toHaveBeenCalled();

    await updateState((s) => ({ state: { ...s, accounts: [...s.accounts, account(3)] }, result: null }));
    expect(stored().accounts.map((a) => a.firstSeenAt)).toEqual([1, 3]);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('writes nothing when the change returns the same state', async () => {
    await readState();
    const writes = fake.control.sets;
    await updateState((s) => ({ state: s, result: null }));
    expect(fake.control.sets).toBe(writes);
  });
});

describe('store: earlier schema versions', () => {
  it('migrates a version 1 state once, with a state-migrated notice, keeping its salt and accounts', async () => {
    fake.data[STATE_KEY] = v1();
    const s = await readState();
    expect(isValidState(s)).toBe(true);
    expect(s.salt).toBe(v1().salt);
    expect(s.accounts.map((a) => a.id)).toEqual(['a1b2c3d4e5f6', '0f1e2d3c4b5a']);
    expect(s.alerts).toHaveLength(1);
    expect(s.notices).toEqual([expect.objectContaining({ kind: 'state-migrated', setAsideKey: null })]);
    // Written back: a second read is "ok" and adds no second notice.
    expect(loadState(stored()).kind).toBe('ok');
    expect((await readState()).notices).toHaveLength(1);
    expect(corruptKeys()).toEqual([]);
  });
});

describe('store: corrupt states', () => {
  const good = (): StoredState => ({ ...(loadState(v1()) as { state: StoredState }).state });
  const CORRUPT: [string, () => unknown][] = [
    ['truncated JSON string', () => JSON.stringify(good()).slice(0, 100)],
    ['wrong types', () => ({ ...good(), accounts: [{ ...good().accounts[0], confirmed: 'yes' }], alerts: 7 })],
    ['unknown version 99', () => ({ ...good(), schemaVersion: 99 })],
    ['null fields', () => ({ ...good(), accounts: null, settings: null, notices: null })],
    ['a bare number', () => 12345],
    ['an array', () => [1, 2, 3]],
    ['a v1 state with broken accounts', () => ({ ...v1(), accounts: [42, null] })],
  ];

  for (const [name, make] of CORRUPT) {
    it(`sets aside ${name} under state.corrupt.<ts> with a state-reset notice`, async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const raw = make();
      fake.data[STATE_KEY] = structuredClone(raw);
      const t0 = Date.now();
      const s = await readState();
      expect(isValidState(s)).toBe(true);
      expect(s.accounts).toEqual([]);
      expect(s.notices).toHaveLength(1);
      const notice = s.notices[0]!;
      expect(notice.kind).toBe('state-reset');
      expect(notice.setAsideKey).toMatch(/^state\.corrupt\.\d+$/);
      expect(Number(notice.setAsideKey!.split('.').pop())).toBeGreaterThanOrEqual(t0);
      expect(corruptKeys()).toEqual([notice.setAsideKey]);
      expect(fake.data[notice.setAsideKey!]).toEqual(raw);
      expect(stored()).toEqual(s);
      // Updates work on the fresh state afterwards.
      await updateState((st) => ({ state: { ...st, accounts: [account(1)] }, result: null }));
      expect(stored().accounts).toHaveLength(1);
      expect(stored().notices).toHaveLength(1);
    });
  }

  it('a corrupt state seen by many concurrent updates is set aside once, and every update lands', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.data[STATE_KEY] = '{"schemaVersion":2,"salt":"01';
    fake.control.maxDelayMs = 3;
    await Promise.all(Array.from({ length: 10 }, (_, i) => updateState((s) => ({ state: { ...s, accounts: [...s.accounts, account(i)] }, result: null }))));
    expect(corruptKeys()).toHaveLength(1);
    expect(stored().accounts).toHaveLength(10);
    expect(stored().notices.map((n) => n.kind)).toEqual(['state-reset']);
  });
});
