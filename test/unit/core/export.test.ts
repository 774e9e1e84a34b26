import { describe, expect, it } from 'vitest';
import { buildExport, EXPORT_FORMAT, exportFileName, isSealedExport, KDF_ITERATIONS, listingRecords, parseExport, readExport, writeExport } from '../../../src/core/export';
import { defaultSettings, emptyState } from '../../../src/core/state';
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

// Each derivation is 600,000 PBKDF2 iterations: generous time on a shared machine.
describe('sealed export files (passphrase)', { timeout: 30_000 }, () => {
  const PASS = 'correct horse battery';
  const storage = { 'listings:s1': { rows: [1] }, state: {} };
  const here = { ...emptyState('ffffffffffffffffffffffffffffffff'), checklist: { email: NOW } };

  it('round-trip: the whole state, salt and listing records come back', async () => {
    const text = await writeExport(withAccount(), storage, NOW, PASS);
    expect(isSealedExport(text)).toBe(true);
    expect(await readExport(text, PASS, here)).toEqual({ ok: true, state: withAccount(), listings: { 'listings:s1': { rows: [1] } }, readd: [] });
  });

  it('hold nothing readable: no salt, no hint, no fingerprint, random salt and IV each time', async () => {
    const a = await writeExport(withAccount(), storage, NOW, PASS);
    const b = await writeExport(withAccount(), storage, NOW, PASS);
    for (const secret of [SALT, 'abcdef012345', 'Main', 'listings:s1']) expect(a).not.toContain(secret);
    const fa = JSON.parse(a), fb = JSON.parse(b);
    expect(fa).toMatchObject({ format: EXPORT_FORMAT, version: 2, protection: 'passphrase', kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: KDF_ITERATIONS }, cipher: { name: 'AES-GCM' } });
    expect(fa.kdf.salt).not.toBe(fb.kdf.salt);
    expect(fa.cipher.iv).not.toBe(fb.cipher.iv);
    expect(fa.data).not.toBe(fb.data);
  });

  it('a wrong or missing passphrase, a changed byte or a changed header opens nothing', async () => {
    const text = await writeExport(withAccount(), storage, NOW, PASS);
    const err = async (t: string, p: string | null) => { const r = await readExport(t, p, here); return r.ok ? 'ok' : r.error; };
    expect(await err(text, 'correct horse battery!')).toBe('exportErrorPassphrase');
    expect(await err(text, null)).toBe('exportErrorNeedsPassphrase');
    const file = JSON.parse(text);
    const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
    bytes[5] = bytes[5]! ^ 1;
    const flipped = JSON.stringify({ ...file, data: btoa(String.fromCharCode(...bytes)) });
    expect(await err(flipped, PASS)).toBe('exportErrorPassphrase');
    expect(await err(JSON.stringify({ ...file, exportedAt: '2020-01-01T00:00:00.000Z' }), PASS)).toBe('exportErrorPassphrase');
    expect(await err(JSON.stringify({ ...file, kdf: { ...file.kdf, iterations: 1000 } }), PASS)).toBe('exportErrorNotExport');
    expect(await err(JSON.stringify({ ...file, cipher: { ...file.cipher, iv: 'AAAA' } }), PASS)).toBe('exportErrorNotExport');
    expect(await err(JSON.stringify({ ...file, data: 'not base64!' }), PASS)).toBe('exportErrorNotExport');
    expect(await err(JSON.stringify({ ...file, version: 3 }), PASS)).toBe('exportErrorVersion');
  });

  it('the same passphrase typed full-width (Japanese IME) opens the file', async () => {
    const text = await writeExport(withAccount(), {}, NOW, 'pass1234word');
    expect((await readExport(text, 'ｐａｓｓ１２３４ｗｏｒｄ', here)).ok).toBe(true);
  });

  it('a sealed file whose payload is invalid is refused like an open one', async () => {
    const broken = { ...withAccount(), accounts: 'x' } as unknown as StoredState;
    const text = await writeExport(broken, {}, NOW, PASS);
    expect(await readExport(text, PASS, here)).toEqual({ ok: false, error: 'exportErrorInvalidState' });
  });
});

describe('export files without the salt (no passphrase)', () => {
  const here = {
    ...emptyState('ffffffffffffffffffffffffffffffff'),
    accounts: [account({ id: 'c0ffee00c0ffee00', hint: 'ta***@g***.com' })],
    checklist: { email: NOW },
  };

  it('leave out the salt and the listing records', async () => {
    const text = await writeExport(withAccount(), { 'listings:s1': { rows: [1] } }, NOW, null);
    expect(text).not.toContain(SALT);
    expect(text).not.toContain('listings:s1');
    expect(isSealedExport(text)).toBe(false);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: 2, protection: 'none' });
    expect('salt' in file.state).toBe(false);
  });

  it('import the settings and checklist only; this browser keeps its salt, accounts and listing records; the file names the accounts to add again', async () => {
    const settings = { ...defaultSettings(), passwordAgeDays: 180 };
    const other = {
      ...withAccount(),
      settings,
      accounts: [
        ...withAccount().accounts, // ta***@g***.com, known here too
        account({ id: 'abcdef012346', hint: 'ow***@e***.com' }),
        account({ id: 'abcdef012347', kind: 'phone', hint: '+81 ***78', label: 'Mobile' }),
      ],
    };
    const text = await writeExport(other, {}, NOW, null);
    const r = await readExport(text, null, here);
    expect(r).toEqual({
      ok: true,
      state: { ...here, settings, checklist: { contact: NOW } },
      listings: null,
      // The one whose hint is already known here is not asked for again.
      readd: ['ow***@e***.com', '+81 ***78 (Mobile)'],
    });
  });

  it('are validated completely: a damaged state or one carrying a salt is refused', async () => {
    const file = JSON.parse(await writeExport(withAccount(), {}, NOW, null));
    const err = async (f: unknown) => { const r = await readExport(JSON.stringify(f), null, here); return r.ok ? 'ok' : r.error; };
    expect(await err({ ...file, state: { ...file.state, accounts: 'x' } })).toBe('exportErrorInvalidState');
    expect(await err({ ...file, state: { ...file.state, salt: SALT } })).toBe('exportErrorInvalidState');
    expect(await err({ ...file, state: { ...file.state, settings: { ...file.state.settings, passwordAgeDays: -1 } } })).toBe('exportErrorInvalidState');
    expect(await err({ ...file, protection: 'rot13' })).toBe('exportErrorNotExport');
  });
});

describe('version 1 files (salt in clear, from earlier releases)', () => {
  it('still import whole', async () => {
    const text = JSON.stringify(buildExport(withAccount(), { 'listings:s1': { rows: [1] } }, NOW));
    expect(await readExport(text, null, emptyState('ffffffffffffffffffffffffffffffff'))).toEqual({ ok: true, state: withAccount(), listings: { 'listings:s1': { rows: [1] } }, readd: [] });
  });
});
