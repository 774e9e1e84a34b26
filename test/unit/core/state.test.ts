// The stored state's reader, pure: what counts as a valid current state, how
// each earlier schema version is upgraded, and that anything else is called
// corrupt (with a reason) instead of throwing or being half-accepted.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyState, isValidState, loadState, publicState } from '../../../src/core/state';
import { SCHEMA_VERSION, type StoredState } from '../../../src/core/types';
import { account, SALT } from '../../support/states';

const v1 = (): Record<string, unknown> => JSON.parse(readFileSync('test/fixtures/state/v1.json', 'utf8'));

function validState(): StoredState {
  const s = emptyState(SALT);
  s.accounts.push(
    account({ id: 'a1b2c3d4e5f6', hint: 'ow***@e***.com', marketplace: 'amazon.com', origin: 'auto', confirmed: false, firstSeenAt: 1, lastSeenAt: 2 }),
  );
  return s;
}

describe('isValidState', () => {
  it('accepts a fresh and a filled current state', () => {
    expect(isValidState(emptyState(SALT))).toBe(true);
    expect(isValidState(validState())).toBe(true);
  });

  it('rejects a state with any field missing, null or of the wrong type', () => {
    const base = validState() as unknown as Record<string, unknown>;
    for (const key of Object.keys(base)) {
      for (const bad of [undefined, null, 'x', 42, [], {}]) {
        // An empty object/array is a legal value for some fields; skip those combinations.
        if ((key === 'checklist' && isPlainEmpty(bad)) || (Array.isArray(base[key]) && Array.isArray(bad))) continue;
        // Optional fields added without a schema bump (the loader fills their default): missing is legal.
        if (key === 'passkeys' && bad === undefined) continue;
        expect(isValidState({ ...base, [key]: bad }), `${key} = ${JSON.stringify(bad)}`).toBe(false);
      }
    }
    const account = validState().accounts[0]! as unknown as Record<string, unknown>;
    for (const key of Object.keys(account)) {
      const broken = { ...validState(), accounts: [{ ...account, [key]: { nested: true } }] };
      expect(isValidState(broken), `account.${key}`).toBe(false);
    }
    expect(isValidState({ ...base, salt: 'not-hex' })).toBe(false);
    const { passkeys: _passkeys, ...withoutPasskeys } = base;
    expect(isValidState(withoutPasskeys)).toBe(true);
    expect(isValidState({ ...base, passkeys: [{ accountId: 'a', rpId: 'amazon.com', current: [1], accepted: [], firstSeenAt: 1, lastSeenAt: 1, ownerSetupAt: null }] })).toBe(false);
    expect(isValidState({ ...base, settings: { ...validState().settings, typedFlowMinutes: Number.NaN } })).toBe(false);
  });
});

function isPlainEmpty(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}

describe('loadState', () => {
  it('calls nothing stored "fresh" and a current state "ok"', () => {
    expect(loadState(undefined)).toEqual({ kind: 'fresh' });
    expect(loadState(null)).toEqual({ kind: 'fresh' });
    const s = validState();
    expect(loadState(s)).toEqual({ kind: 'ok', state: s });
  });

  it('migrates a version 1 state, keeping what it knew and filling the new fields', () => {
    const old = v1();
    const result = loadState(old);
    expect(result.kind).toBe('migrated');
    if (result.kind !== 'migrated') return;
    expect(result.from).toBe(1);
    const s = result.state;
    expect(s.schemaVersion).toBe(SCHEMA_VERSION);
    expect(isValidState(s)).toBe(true);
    expect(s.salt).toBe(old.salt);
    expect(s.accounts.map((a) => [a.id, a.hint, a.origin, a.confirmed, a.twoStepSeenAt])).toEqual([
      ['a1b2c3d4e5f6', 'ow***@e***.com', 'auto', false, null],
      ['0f1e2d3c4b5a', '+81 ***78', 'user', true, 1760100000000],
    ]);
    expect(s.accounts[0]).toMatchObject({ label: null, roles: ['buyer'], twoStep: null, passwordChangedAt: null });
    expect(s.alerts).toEqual(old.alerts);
    // A setting the user changed survives; the new ones get their defaults.
    expect(s.settings.typedFlowMinutes).toBe(15);
    expect(s.settings.listing.bulkCount).toBeGreaterThan(0);
    expect(s).toMatchObject({ sellers: [], snapshots: [], checklist: {} });
    // The input is not modified.
    expect(old).toEqual(v1());
  });

  it('sets aside a version 1 state whose account list is missing, rather than migrating it to no accounts', () => {
    for (const accounts of [undefined, null, 'a1b2c3d4e5f6', { 0: 'x' }]) {
      const result = loadState({ ...v1(), accounts });
      expect(result.kind).toBe('corrupt');
      if (result.kind === 'corrupt') expect(result.reason).toMatch(/migration from version 1 failed: .*accounts is not a list/);
    }
  });

  it('calls corrupt, with a reason, whatever it cannot read, and never throws', () => {
    const good = validState();
    const cases: [string, unknown][] = [
      ['truncated JSON string', JSON.stringify(good).slice(0, 80)],
      ['a number', 42],
      ['an array', [good]],
      ['unknown version 99', { ...good, schemaVersion: 99 }],
      ['version 0', { ...good, schemaVersion: 0 }],
      ['fractional version', { ...good, schemaVersion: 1.5 }],
      ['version as a string', { ...good, schemaVersion: '2' }],
      ['no version', { ...good, schemaVersion: undefined }],
      ['accounts null', { ...good, accounts: null }],
      ['alerts not an array', { ...good, alerts: 'none' }],
      ['settings null', { ...good, settings: null }],
      ['account of the wrong type', { ...good, accounts: [{ ...good.accounts[0], firstSeenAt: 'yesterday' }] }],
      ['v1 with accounts null', { ...v1(), accounts: null, alerts: null }],
      ['v1 with an account of the wrong type', { ...v1(), accounts: [42] }],
      ['v1 with settings out of range', { ...v1(), settings: { typedFlowMinutes: -5 } }],
    ];
    for (const [name, raw] of cases) {
      let result: ReturnType<typeof loadState> | undefined;
      expect(() => (result = loadState(raw)), name).not.toThrow();
      expect(result?.kind, name).toBe('corrupt');
      if (result?.kind === 'corrupt') expect(result.reason, name).toMatch(/\w/);
    }
    expect(loadState({ ...good, schemaVersion: 99 })).toEqual({ kind: 'corrupt', reason: 'unknown schema version 99' });
  });
});

describe('publicState', () => {
  it('never hands the salt to extension pages', () => {
    const pub = publicState(validState());
    expect(pub).not.toHaveProperty('salt');
    expect(JSON.stringify(pub)).not.toContain(SALT);
  });
});
