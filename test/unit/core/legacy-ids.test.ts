// Upgrade of ids stored before fingerprints were stretched: matched when the
// value is seen again, erased when never seen again.

import { describe, expect, it } from 'vitest';
import { fingerprintPage } from '../../../src/core/account-fingerprint';
import { judgeAccountPage } from '../../../src/core/judge-account';
import { clearFingerprintCache, fingerprint, legacyPairs, saltedDigest } from '../../../src/core/fingerprint';
import { expireLegacy, isLegacyId, LEGACY_KEEP_DAYS, legacyCount, upgradeLegacyIds } from '../../../src/core/legacy-ids';
import type { NormalAccount } from '../../../src/core/normalise';
import type { PageSnapshot, StoredState } from '../../../src/core/types';
import { account, alert, DAY, NOW, SALT, state } from '../../support/states';

const OWNER: NormalAccount = { kind: 'email', value: 'owner.taro@example.com' };
const PHONE: NormalAccount = { kind: 'phone', value: '819012345678' };
const ADDRESS: NormalAccount = { kind: 'email', value: 'address\u0000〒150-0001 東京都渋谷区神宮前1-2-3' };

function snapshot(over: Partial<PageSnapshot> = {}): PageSnapshot {
  return { id: 'aaaaaaaaaaaa', page: 'addresses', marketplace: 'amazon.co.jp', host: 'www.amazon.co.jp', accountId: null, firstSeenAt: NOW - 40 * DAY, lastSeenAt: NOW - 2 * DAY, fields: {}, ...over };
}

/** A v2 state as stored before stretching: every id a fast 48-bit digest. */
async function legacyState(): Promise<StoredState> {
  const owner = await saltedDigest(OWNER, SALT);
  const phone = await saltedDigest(PHONE, SALT);
  const address = await saltedDigest(ADDRESS, SALT);
  return state({
    accounts: [account({ id: owner }), account({ id: phone, kind: 'phone', hint: '+81 ***78' })],
    alerts: [alert({ subjectId: phone, status: 'trusted' }), alert({ id: 'listing-1', kind: 'new-listings', subjectId: 'feedfeedfeed' })],
    snapshots: [snapshot({ accountId: owner, fields: { [`address:${address}`]: { hash: address, hint: '〒150-**** 東京都渋谷区…' }, email: { hash: owner, hint: 'ow***@e***.com' } } })],
  });
}

describe('isLegacyId', () => {
  it('tells the 12-character fast ids from the stretched ones', async () => {
    expect(isLegacyId(await saltedDigest(OWNER, SALT))).toBe(true);
    expect(isLegacyId(await fingerprint(OWNER, SALT))).toBe(false);
    expect(isLegacyId(null)).toBe(false);
    expect(isLegacyId('expired:alert-1')).toBe(false);
  });
});

describe('upgradeLegacyIds', () => {
  it('gives every entry of a value seen again its stretched id: account, alert subject, snapshot link, field hash and key', async () => {
    clearFingerprintCache();
    const before = await legacyState();
    const oldOwner = await saltedDigest(OWNER, SALT);
    const oldAddress = await saltedDigest(ADDRESS, SALT);
    // The owner signs in and opens the address book: both values are fingerprinted again.
    const owner = await fingerprint(OWNER, SALT);
    const address = await fingerprint(ADDRESS, SALT);
    const after = upgradeLegacyIds(before, await legacyPairs(), NOW);

    expect(after.accounts.map((a) => a.id)).toEqual([owner, before.accounts[1]!.id]);
    expect(after.accounts[0]).toEqual({ ...before.accounts[0], id: owner });
    const snap = after.snapshots[0]!;
    expect(snap.accountId).toBe(owner);
    expect(snap.fields).toEqual({ [`address:${address}`]: { hash: address, hint: '〒150-**** 東京都渋谷区…' }, email: { hash: owner, hint: 'ow***@e***.com' } });
    expect(JSON.stringify(after)).not.toContain(oldOwner);
    expect(JSON.stringify(after)).not.toContain(oldAddress);
    // The phone was not seen: still legacy; the seller id is fast by design and untouched.
    expect(after.alerts).toEqual(before.alerts);
    expect(legacyCount(after)).toBe(3); // the phone account, its alert, the snapshot's own id (its page was not read)
    expect(after.salt).toBe(SALT);
    expect(before.accounts[0]!.id).toBe(oldOwner); // pure: the input is not changed
  });

  it('is the same object when nothing is legacy or nothing was seen', async () => {
    clearFingerprintCache();
    const s = await legacyState();
    expect(upgradeLegacyIds(s, new Map(), NOW)).toBe(s);
    await fingerprint({ kind: 'email', value: 'someone.else@example.com' }, SALT);
    expect(upgradeLegacyIds(s, await legacyPairs(), NOW)).toBe(s);
  });

  it('keeps one entry when the account was also added again with its stretched id', async () => {
    clearFingerprintCache();
    const s = await legacyState();
    const owner = await fingerprint(OWNER, SALT);
    const twice = { ...s, accounts: [...s.accounts, account({ id: owner, label: 'new' })] };
    const after = upgradeLegacyIds(twice, await legacyPairs(), NOW);
    expect(after.accounts.filter((a) => a.id === owner)).toHaveLength(1);
    expect(after.accounts).toHaveLength(2);
  });

  it('does not touch a value fingerprinted under another salt', async () => {
    clearFingerprintCache();
    const s = await legacyState();
    await fingerprint(OWNER, 'ffffffffffffffffffffffffffffffff');
    expect(upgradeLegacyIds(s, await legacyPairs(), NOW)).toBe(s);
  });
});

describe('expireLegacy', () => {
  it(`erases legacy accounts and snapshots unseen for ${LEGACY_KEEP_DAYS} days; alerts stay but forget their subject`, async () => {
    const s = await legacyState();
    expect(expireLegacy(s, NOW)).toBe(s);
    expect(expireLegacy(s, NOW - 2 * DAY + LEGACY_KEEP_DAYS * DAY)).toBe(s);
    const later = NOW + LEGACY_KEEP_DAYS * DAY;
    const after = expireLegacy(s, later);
    expect(after.accounts).toEqual([]);
    expect(after.snapshots).toEqual([]);
    expect(after.alerts[0]).toEqual({ ...s.alerts[0], subjectId: 'expired:alert-1' });
    // A listing alert's seller id is not a legacy fingerprint.
    expect(after.alerts[1]).toEqual(s.alerts[1]);
    expect(legacyCount(after)).toBe(0);
  });

  it('never erases stretched entries, however old', async () => {
    const owner = await fingerprint(OWNER, SALT);
    const s = state({ accounts: [account({ id: owner, lastSeenAt: NOW - 900 * DAY })], alerts: [alert({ subjectId: owner, lastSeenAt: NOW - 900 * DAY })] });
    expect(expireLegacy(s, NOW)).toBe(s);
  });
});

describe('the account-change watch over a snapshot stored before stretching (as background/account-pages does it)', () => {
  const HOST = 'www.amazon.co.jp';
  const obs = (phone: string) => ({
    page: 'account' as const,
    kind: 'login-security' as const,
    fields: [
      { name: 'email' as const, value: 'owner.taro@example.com' },
      { name: 'phone' as const, value: phone },
      { name: 'name' as const, value: '山田 太郎' },
      { name: 'two-step' as const, value: 'on' },
    ],
    orders: [],
    // No identity signal: the snapshot's id is then made of what an earlier release hashed too (page, host).
    identity: [],
  });
  const ctx = (now: number) => ({ now, newId: () => 'alert-x', ownerChanged: new Set<never>(), claimedAccountId: null });

  /** The state a release before stretching would have stored after one visit: the same snapshot under 12-character ids. */
  async function storedBeforeStretching(): Promise<StoredState> {
    clearFingerprintCache();
    const first = judgeAccountPage(state(), await fingerprintPage(state(), HOST, obs('090-1234-5678')), ctx(NOW - 10 * DAY)).state;
    let text = JSON.stringify(first);
    for (const [legacy, stretched] of await legacyPairs()) text = text.replaceAll(stretched, legacy);
    clearFingerprintCache(); // a new worker: nothing in memory
    return JSON.parse(text) as StoredState;
  }

  async function visit(stored: StoredState, phone: string) {
    await fingerprintPage(stored, HOST, obs(phone));
    const upgraded = upgradeLegacyIds(stored, await legacyPairs(), NOW);
    return judgeAccountPage(upgraded, await fingerprintPage(upgraded, HOST, obs(phone)), ctx(NOW));
  }

  it('an unchanged page raises nothing and its snapshot is stretched afterwards', async () => {
    const stored = await storedBeforeStretching();
    expect(legacyCount(stored)).toBe(1);
    const { state: next, banner } = await visit(stored, '090-1234-5678');
    expect(banner).toBeNull();
    expect(next.alerts).toEqual([]);
    expect(next.snapshots).toHaveLength(1);
    expect(legacyCount(next)).toBe(0);
  });

  it('a changed mobile number is still a danger', async () => {
    const stored = await storedBeforeStretching();
    const { state: next, banner } = await visit(stored, '080-9999-0000');
    expect(banner).toMatchObject({ kind: 'account-changed', severity: 'danger' });
    expect(next.alerts).toHaveLength(1);
    expect(next.snapshots).toHaveLength(1);
  });
});
