import { describe, expect, it } from 'vitest';
import { buildExport, EXPORT_FORMAT, exportFileName, listingRecords, parseExport } from '../../../src/core/export';
import { emptyState } from '../../../src/core/state';
import { SCHEMA_VERSION, type StoredState } from '../../../src/core/types';
import { account } from '../../support/states';

const SALT = '0123456789abcdef0123456789abcdef';
const NOW = Date.UTC(2026, 10, 25);

function withAccount(): StoredState {
  return {
    ...emptyState(SALT),
    accounts: [account({ id: 'abcdef012345', firstSeenAt: NOW, lastSeenAt: NOW, label: 'Main', twoStep: 'on', twoStepCheckedAt: NOW })],
    checklist: { contact: NOW },
  };
}

describe('export files', () => {
  it('hold the state with its salt and the listing records only', () => {
    const state = { ...withAccount(), sneaky: 'x' } as StoredState;
    const file = buildExport(state, { state: {}, 'listings:s1': { rows: [] }, 'flow:1': {}, 'state.corrupt.1': {} }, NOW);
    expect(file.format).toBe(EXPORT_FORMAT);
    expect(file.exportedAt).toBe('2026-11-25T00:00:00.000Z');
    expect(file.state.salt).toBe(SALT);
    expect('sneaky' in file.state).toBe(false);
    expect(Object.keys(file.listings)).toEqual(['listings:s1']);
    expect(exportFileName(NOW)).toBe('account-guard-2026-11-25.json');
  });

  it('round-trip', () => {
    const text = JSON.stringify(buildExport(withAccount(), { 'listings:s1': { rows: [1] } }, NOW));
    const r = parseExport(text);
    expect(r).toEqual({ ok: true, state: withAccount(), listings: { 'listings:s1': { rows: [1] } } });
  });

  it('say precisely what is wrong with a bad file', () => {
    const good = buildExport(withAccount(), {}, NOW);
    const err = (text: string) => { const r = parseExport(text); return r.ok ? 'ok' : r.error; };
    expect(err('')).toBe('exportErrorNotJson');
    expect(err('{oops')).toBe('exportErrorNotJson');
    expect(err('[]')).toBe('exportErrorNotExport');
    expect(err(JSON.stringify({ ...good, format: 'other' }))).toBe('exportErrorNotExport');
    expect(err(JSON.stringify({ ...good, version: 2 }))).toBe('exportErrorVersion');
    expect(err(JSON.stringify({ ...good, state: { ...good.state, salt: 'short' } }))).toBe('exportErrorInvalidState');
    expect(err(JSON.stringify({ ...good, state: { ...good.state, schemaVersion: 99 } }))).toBe('exportErrorInvalidState');
    expect(err(JSON.stringify({ ...good, state: null }))).toBe('exportErrorInvalidState');
    expect(err(JSON.stringify({ ...good, listings: { 'other:1': {} } }))).toBe('exportErrorInvalidListings');
    expect(err(JSON.stringify({ ...good, listings: { 'listings:1': 5 } }))).toBe('exportErrorInvalidListings');
    expect(err('x'.repeat(10 * 1024 * 1024 + 1))).toBe('exportErrorTooLarge');
  });

  it('upgrade a state of schema 1, as the store does', () => {
    const v1 = { schemaVersion: 1, salt: SALT, accounts: [], alerts: [], settings: { typedFlowMinutes: 10 }, notices: [] };
    const r = parseExport(JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '', state: v1 }));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.state.schemaVersion).toBe(SCHEMA_VERSION);
      expect(r.listings).toEqual({});
    }
  });

  it('listingRecords picks the listing keys', () => {
    expect(listingRecords({ 'listings:a': { x: 1 }, listingsX: 1, state: {} })).toEqual({ 'listings:a': { x: 1 } });
  });
});
