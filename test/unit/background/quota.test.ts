// The storage budget against a fake storage.local that enforces Chrome's
// 10 MB quota: the worst case allowed (500 alerts at their budgets, two
// sellers at the listing record cap) fits with room for the next writes; the
// state stays under 1 MB; when storage is full anyway, listing records are
// pruned with a notice and a failed state write is kept for the popup.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { byteLength, STATE_BYTES } from '../../../src/core/budget';
import { stateItems } from '../../../src/core/state';
import { listingsKey } from '../../../src/core/storage-keys';
import { QUOTA_BYTES, sharedStorage as fake } from '../../support/fake-storage';
import { bigAlert, worstCaseListings, worstCaseState } from '../../support/worst-case';
import { storedState } from '../../support/stored';

vi.mock('../../../src/platform/browser', async () => {
  const { sharedStorage } = await import('../../support/fake-storage');
  return { browser: { storage: sharedStorage.storage } };
});

const { readState, updateState, storageProblem, dropCachedState } = await import('../../../src/background/store');
const { readListings, withListings, writeListings, MAX_RECORDS } = await import('../../../src/background/listings-store');

beforeEach(() => {
  fake.clear();
  dropCachedState();
});

describe('the worst case allowed', () => {
  it('500 alerts at their budgets + two sellers at the record cap fit in 10 MB, the state under 1 MB', { timeout: 60_000 }, async () => {
    const state = worstCaseState();
    const stateBytes = byteLength(stateItems(state, { writeId: 'x' }));
    const listings = worstCaseListings();
    await fake.storage.local.set({ ...stateItems(state, { writeId: 'seed' }), ...listings });
    const used = fake.bytesInUse();
    console.info(`worst case: state ${(stateBytes / 1e6).toFixed(2)} MB, total ${(used / 1e6).toFixed(2)} MB of ${(QUOTA_BYTES / 1e6).toFixed(2)} MB`);
    expect(stateBytes).toBeLessThanOrEqual(STATE_BYTES);
    expect(used).toBeLessThan(QUOTA_BYTES * 0.9);
    // And the store keeps working on it: a new alert replaces the oldest settled one, within the budget.
    dropCachedState();
    await updateState((s) => ({ state: { ...s, alerts: [...s.alerts, bigAlert(9999, true)] }, result: null }));
    const after = storedState(fake.data);
    expect(after.alerts).toHaveLength(500);
    expect(byteLength(stateItems(after, { writeId: 'x' }))).toBeLessThanOrEqual(STATE_BYTES);
    expect(await storageProblem()).toBeNull();
    // An open alert keeps more of its rows than a settled one; both say how many were left out.
    const open = after.alerts.find((a) => a.id === 'alert-9999')!;
    const settled = after.alerts.find((a) => a.status === 'trusted')!;
    expect(open.rows!.length).toBeGreaterThan(settled.rows!.length);
    expect(open.rows!.length + open.rowsOmitted!).toBe(100);
    expect((await readListings('s1')).known.size).toBe(MAX_RECORDS);
  });
});

describe('storage full anyway', () => {
  it('a seller whose records no longer fit loses its oldest records (not pending ones), with a notice', async () => {
    await readState();
    const known = (await readListings('x')).known;
    for (let i = 0; i < 20_000; i++) known.set(`k${i}`, { price: 1, quantity: 1, createdDay: 1, status: 'active', pending: i === 0, cat: '', brand: '' });
    // Room for the state and about half of these records.
    fake.control.quota = fake.bytesInUse() + 20_000 * 12;
    await withListings(() => writeListings('x', { known, batches: null, uploadsAt: 0 }));
    const back = await readListings('x');
    expect(back.known.size).toBeLessThan(20_000);
    expect(back.known.size).toBeGreaterThan(0);
    expect(back.known.has('k0')).toBe(true);
    expect(back.known.has('k1')).toBe(false);
    const { notices } = await readState();
    expect(notices).toEqual([expect.objectContaining({ kind: 'listings-pruned', count: 20_000 - back.known.size })]);
    expect(fake.data[listingsKey('x')]).toBeDefined();
  });

  it('a state write over the quota fails, changes nothing, and is kept as a quota problem until a write succeeds', async () => {
    await readState();
    fake.control.quota = fake.bytesInUse() + 100;
    const before = storedState(fake.data);
    await expect(updateState((s) => ({ state: { ...s, alerts: [bigAlert(1, true)] }, result: null }))).rejects.toThrow(/quota/i);
    expect(storedState(fake.data)).toEqual(before);
    expect(await storageProblem()).toMatchObject({ kind: 'quota' });
    fake.control.quota = QUOTA_BYTES;
    await updateState((s) => ({ state: { ...s, alerts: [bigAlert(1, true)] }, result: null }));
    expect(await storageProblem()).toBeNull();
  });
});
