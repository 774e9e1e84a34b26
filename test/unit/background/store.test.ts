// The serialised store over a fake storage.local: concurrent updates lose
// nothing; each concern is stored under its own key and an update writes
// only what it changed, in one atomic set(); a failed write (quota) leaves the
// previous state and is kept for the popup; older schemas (the single-key
// state of v1/v2) migrate with a notice; unreadable states are set aside with
// a notice, and what they abandon (old listing records, older set-aside
// states) is swept — also after a worker stopped half-way.

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isValidState, loadState } from '../../../src/core/state';
import { concernKey, LEGACY_STATE_KEY, STATE_META_KEY, STATE_KEYS } from '../../../src/core/storage-keys';
import { SCHEMA_VERSION, type KnownAccount, type StoredState } from '../../../src/core/types';
import { sharedStorage as fake } from '../../support/fake-storage';
import { account as baseAccount, alert, SALT, state as makeState } from '../../support/states';
import { stateStorage, storedState } from '../../support/stored';

vi.mock('../../../src/platform/browser', async () => {
  const { sharedStorage } = await import('../../support/fake-storage');
  return { browser: { storage: sharedStorage.storage } };
});

const { readState, updateState, onStateChange, storageProblem, dropCachedState } = await import('../../../src/background/store');

const v1 = (): Record<string, unknown> => JSON.parse(readFileSync('test/fixtures/state/v1.json', 'utf8'));
/** The v1 fixture as schema 2 wrote it (one key, no watch health). */
const v2 = (): Record<string, unknown> => {
  const { health: _h, ...rest } = (loadState(v1()) as { state: StoredState }).state;
  return { ...rest, schemaVersion: 2 };
};

const account = (i: number): KnownAccount =>
  baseAccount({ id: `acct${String(i).padStart(8, '0')}`, hint: `a${i}***@e***.com`, origin: 'auto', confirmed: false, firstSeenAt: i, lastSeenAt: i });

const stored = () => storedState(fake.data);
const corruptKeys = () => Object.keys(fake.data).filter((k) => k.startsWith('state.corrupt.'));
/** Seed storage behind the store's back, as another context would (the store hears it through onChanged). */
const seed = (items: Record<string, unknown>) => fake.storage.local.set(items);

beforeEach(() => {
  fake.clear();
  dropCachedState();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('store: layout', () => {
  it('keeps each concern under its own key, the salt and version in state.meta, and no legacy key', async () => {
    const s = await readState();
    expect(Object.keys(fake.data).sort()).toEqual([...STATE_KEYS].sort());
    expect(fake.data[STATE_META_KEY]).toMatchObject({ schemaVersion: SCHEMA_VERSION, salt: s.salt });
    expect(fake.data[LEGACY_STATE_KEY]).toBeUndefined();
    expect(stored()).toEqual(s);
  });

  it('an update writes only the concerns it changed (and the meta record), in one set()', async () => {
    await readState();
    fake.control.setLog.length = 0;
    await updateState((s) => ({ state: { ...s, checklist: { contact: 1 } }, result: null }));
    expect(fake.control.setLog).toEqual([[STATE_META_KEY, concernKey('checklist')]]);
    // A list copied whole with nothing changed is not written again.
    fake.control.setLog.length = 0;
    await updateState((s) => ({ state: { ...s, alerts: s.alerts.map((a) => ({ ...a })), accounts: [...s.accounts, account(1)] }, result: null }));
    expect(fake.control.setLog).toEqual([[STATE_META_KEY, concernKey('accounts')]]);
  });

  it('does not read storage again for each update (the validated copy is kept)', async () => {
    await readState();
    const get = vi.spyOn(fake.storage.local, 'get');
    for (let i = 0; i < 5; i++) await updateState((s) => ({ state: { ...s, accounts: [...s.accounts, account(i)] }, result: null }));
    expect(get).not.toHaveBeenCalled();
  });

  it('a write from another context is seen by the next read', async () => {
    await readState();
    await seed({ [concernKey('alerts')]: [alert()] });
    expect((await readState()).alerts.map((a) => a.id)).toEqual(['alert-1']);
  });

  it('alsoWrite items are written in the same set() as the state', async () => {
    await readState();
    fake.control.setLog.length = 0;
    await updateState((s) => ({ state: { ...s, checklist: { a: 1 } }, result: null, alsoWrite: { 'listings:x': { v: 1 } } }));
    expect(fake.control.setLog).toHaveLength(1);
    expect(fake.control.setLog[0]).toEqual(expect.arrayContaining(['listings:x', STATE_META_KEY, concernKey('checklist')]));
  });
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
  it('a write that throws leaves the previous state, tells no listener, is kept as a storage problem, and the next update works', async () => {
    await updateState((s) => ({ state: { ...s, accounts: [account(1)] }, result: null }));
    const before = structuredClone(stored());
    const listener = vi.fn();
    onStateChange(listener);

    fake.control.failNextSet = 1;
    await expect(updateState((s) => ({ state: { ...s, accounts: [...s.accounts, account(2)] }, result: null }))).rejects.toThrow(/quota/);
    expect(stored()).toEqual(before);
    expect((await readState()).accounts).toEqual(before.accounts);
    expect(listener).not.toHaveBeenCalled();
    expect(await storageProblem()).toMatchObject({ kind: 'quota' });
    // Kept in storage.session too, so a restarted worker still shows it.
    expect(Object.values(fake.sessionData)).toEqual([expect.objectContaining({ kind: 'quota' })]);

    await updateState((s) => ({ state: { ...s, accounts: [...s.accounts, account(3)] }, result: null }));
    expect(stored().accounts.map((a) => a.firstSeenAt)).toEqual([1, 3]);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(await storageProblem()).toBeNull();
    expect(fake.sessionData).toEqual({});
  });

  it('writes nothing when the change returns the same state', async () => {
    await readState();
    const writes = fake.control.sets;
    await updateState((s) => ({ state: s, result: null }));
    await updateState((s) => ({ state: { ...s }, result: null }));
    expect(fake.control.sets).toBe(writes);
  });
});

describe('store: earlier schema versions', () => {
  for (const [name, make, from] of [
    ['version 1', v1, 1],
    ['version 2', v2, 2],
  ] as const) {
    it(`migrates a ${name} single-key state once, with a state-migrated notice, keeping its salt and accounts`, async () => {
      await seed({ [LEGACY_STATE_KEY]: make(), 'listings:keep': { v: 1, rows: '', batches: null, uploadsAt: 0 } });
      dropCachedState();
      const s = await readState();
      expect(from).toBeLessThan(SCHEMA_VERSION);
      expect(isValidState(s)).toBe(true);
      expect(s.salt).toBe(v1().salt);
      expect(s.accounts.map((a) => a.id)).toEqual(['a1b2c3d4e5f6', '0f1e2d3c4b5a']);
      expect(s.alerts).toHaveLength(1);
      expect(s.health).toEqual([]);
      expect(s.notices).toEqual([expect.objectContaining({ kind: 'state-migrated', setAsideKey: null })]);
      // Written in the new layout, the old key gone, the listing records kept; a second read adds no notice.
      expect(stored()).toEqual(s);
      expect(fake.data[LEGACY_STATE_KEY]).toBeUndefined();
      expect(fake.data['listings:keep']).toBeDefined();
      expect(fake.data[STATE_META_KEY]).not.toHaveProperty('sweep');
      dropCachedState();
      expect((await readState()).notices).toHaveLength(1);
      expect(corruptKeys()).toEqual([]);
    });
  }

  it('a migration stopped between its two halves (new layout written, old key not yet removed) finishes on the next start, losing nothing', async () => {
    // What storage holds when the worker stopped right after the atomic write of the new layout.
    const migrated = (loadState(v2()) as { state: StoredState }).state;
    await seed({
      ...stateStorage(migrated),
      [STATE_META_KEY]: { schemaVersion: SCHEMA_VERSION, salt: SALT, writeId: 'w', sweep: { keepListings: null } },
      [LEGACY_STATE_KEY]: v2(),
    });
    dropCachedState();
    const s = await readState();
    expect(s.accounts.map((a) => a.id)).toEqual(['a1b2c3d4e5f6', '0f1e2d3c4b5a']);
    expect(s.notices.filter((n) => n.kind === 'state-migrated')).toHaveLength(1);
    expect(fake.data[LEGACY_STATE_KEY]).toBeUndefined();
    expect(fake.data[STATE_META_KEY]).not.toHaveProperty('sweep');
  });

  it('a whole state of the current schema written under the single key (another context) replaces the stored one, quietly', async () => {
    await updateState((s) => ({ state: { ...s, accounts: [account(1)] }, result: null }));
    await seed({ [LEGACY_STATE_KEY]: makeState({ accounts: [account(2)] }) });
    const s = await readState();
    expect(s.accounts.map((a) => a.id)).toEqual([account(2).id]);
    expect(s.notices).toEqual([]);
    expect(stored()).toEqual(s);
    expect(fake.data[LEGACY_STATE_KEY]).toBeUndefined();
  });
});

describe('store: corrupt states', () => {
  const good = (): StoredState => ({ ...(loadState(v1()) as { state: StoredState }).state });
  const CORRUPT: [string, () => Record<string, unknown>][] = [
    ['a truncated JSON string (legacy key)', () => ({ [LEGACY_STATE_KEY]: JSON.stringify(good()).slice(0, 100) })],
    ['wrong types (legacy key)', () => ({ [LEGACY_STATE_KEY]: { ...good(), schemaVersion: 2, accounts: [{ ...good().accounts[0], confirmed: 'yes' }], alerts: 7 } })],
    ['unknown version 99 (legacy key)', () => ({ [LEGACY_STATE_KEY]: { ...good(), schemaVersion: 99 } })],
    ['a bare number (legacy key)', () => ({ [LEGACY_STATE_KEY]: 12345 })],
    ['a v1 state with broken accounts', () => ({ [LEGACY_STATE_KEY]: { ...v1(), accounts: [42, null] } })],
    ['an alerts key of the wrong type', () => ({ ...stateStorage(good()), [concernKey('alerts')]: 7 })],
    ['a missing concern key', () => { const items = stateStorage(good()); delete items[concernKey('settings')]; return items; }],
    ['a meta record without salt', () => ({ ...stateStorage(good()), [STATE_META_KEY]: { schemaVersion: SCHEMA_VERSION } })],
    ['a meta record of version 99', () => ({ ...stateStorage(good()), [STATE_META_KEY]: { schemaVersion: 99, salt: SALT, writeId: 'x' } })],
  ];

  for (const [name, make] of CORRUPT) {
    it(`sets aside ${name} under state.corrupt.<ts> with a state-reset notice, and sweeps what it abandons`, async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await seed({ ...make(), 'listings:old-salt': { v: 1, rows: 'x', batches: null, uploadsAt: 0 }, 'state.corrupt.1000': { older: true } });
      dropCachedState();
      const t0 = Date.now();
      const s = await readState();
      expect(isValidState(s)).toBe(true);
      expect(s.accounts).toEqual([]);
      expect(s.salt).not.toBe(SALT);
      expect(s.notices).toHaveLength(1);
      const notice = s.notices[0]!;
      expect(notice.kind).toBe('state-reset');
      expect(notice.setAsideKey).toMatch(/^state\.corrupt\.\d+$/);
      expect(Number(notice.setAsideKey!.split('.').pop())).toBeGreaterThanOrEqual(t0);
      // Only the newest set-aside state is kept; the listing records made with the old salt are gone.
      expect(corruptKeys()).toEqual([notice.setAsideKey]);
      expect(fake.data[notice.setAsideKey!]).toBeDefined();
      expect(fake.data['listings:old-salt']).toBeUndefined();
      expect(fake.data[LEGACY_STATE_KEY]).toBeUndefined();
      expect(stored()).toEqual(s);
      // Updates work on the fresh state afterwards.
      await updateState((st) => ({ state: { ...st, accounts: [account(1)] }, result: null }));
      expect(stored().accounts).toHaveLength(1);
      expect(stored().notices).toHaveLength(1);
    });
  }

  it('keeps the unreadable value exactly as found', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const raw = { ...good(), schemaVersion: 99 };
    await seed({ [LEGACY_STATE_KEY]: raw });
    dropCachedState();
    const s = await readState();
    expect(fake.data[s.notices[0]!.setAsideKey!]).toEqual(raw);
  });

  it('a corrupt state seen by many concurrent updates is set aside once, and every update lands', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await seed({ [LEGACY_STATE_KEY]: '{"schemaVersion":2,"salt":"01' });
    dropCachedState();
    fake.control.maxDelayMs = 3;
    await Promise.all(Array.from({ length: 10 }, (_, i) => updateState((s) => ({ state: { ...s, accounts: [...s.accounts, account(i)] }, result: null }))));
    expect(corruptKeys()).toHaveLength(1);
    expect(stored().accounts).toHaveLength(10);
    expect(stored().notices.map((n) => n.kind)).toEqual(['state-reset']);
  });

  it('a clean-up stopped half-way (the fresh state written, old records not yet removed) is finished on the next start', async () => {
    const fresh = makeState({ salt: 'f'.repeat(32) });
    await seed({
      ...stateStorage(fresh),
      [STATE_META_KEY]: { schemaVersion: SCHEMA_VERSION, salt: fresh.salt, writeId: 'w', sweep: { keepListings: ['listings:imported'] } },
      'listings:imported': { v: 1, rows: '', batches: null, uploadsAt: 0 },
      'listings:stale': { v: 1, rows: '', batches: null, uploadsAt: 0 },
      'state.corrupt.1': {},
      'state.corrupt.2': {},
    });
    dropCachedState();
    expect((await readState()).salt).toBe(fresh.salt);
    expect(Object.keys(fake.data).filter((k) => !STATE_KEYS.includes(k)).sort()).toEqual(['listings:imported', 'state.corrupt.2']);
    expect(fake.data[STATE_META_KEY]).not.toHaveProperty('sweep');
  });
});

describe('store: replacing everything (import, reset)', () => {
  it('writes every concern, the new listing records and the meta in one set(), then removes the records not kept', async () => {
    await readState();
    await seed({ 'listings:old': { v: 1 }, 'listings:also-old': { v: 1 } });
    fake.control.setLog.length = 0;
    const imported = makeState({ accounts: [account(7)] });
    await updateState(() => ({ state: imported, result: null, alsoWrite: { 'listings:new': { v: 1 } }, replaceListings: ['listings:new'] }));
    expect(fake.control.setLog[0]).toEqual(expect.arrayContaining([...STATE_KEYS, 'listings:new']));
    expect(stored()).toEqual(imported);
    expect(Object.keys(fake.data).filter((k) => k.startsWith('listings:'))).toEqual(['listings:new']);
  });
});
