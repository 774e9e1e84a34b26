// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => import('./fake-browser'));

import { act } from 'preact/test-utils';
import { Options } from '../../../src/options/Options';
import { buildExport } from '../../../src/core/export';
import { memory } from './fake-browser';
import { click, mount, seed, settle, stored, submit, text, type } from './render';
import { account, alert, NOW, state } from '../../support/states';

const SEEDED = state({ accounts: [account()], alerts: [alert()] });

async function chooseFile(root: HTMLElement, content: string) {
  const input = root.querySelector('#import-file') as HTMLInputElement;
  const file = new File([content], 'export.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  await settle();
}

describe('options page: accounts', () => {
  beforeEach(() => seed(SEEDED));

  it('adds a typed account as a fingerprint and hint only', async () => {
    const root = await mount(<Options now={NOW} />);
    await type(root.querySelector('#add-account-value'), 'Hanako.Yamada@Example.co.jp');
    await submit(root.querySelector('form.add-account'));
    const added = stored().accounts[1]!;
    expect(added.hint).toBe('ha***@e***.co.jp');
    expect(added.origin).toBe('user');
    expect(added.confirmed).toBe(true);
    // A stretched fingerprint (core/fingerprint): 16 hex characters.
    expect(added.id).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(memory)).not.toMatch(/yamada/i);
    expect((root.querySelector('#add-account-value') as HTMLInputElement).value).toBe('');
    expect(text(root.querySelector('form.add-account [role=status]'))).toBe('Added.');
  });

  it('refuses text that is not an email or phone, storing nothing', async () => {
    const root = await mount(<Options now={NOW} />);
    await type(root.querySelector('#add-account-value'), 'not an address');
    await submit(root.querySelector('form.add-account'));
    expect(stored().accounts).toHaveLength(1);
    expect(text(root.querySelector('form.add-account [role=alert]'))).toContain('not an email address');
  });

  it('renames and removes an account', async () => {
    const root = await mount(<Options now={NOW} />);
    await click(root.querySelector('[data-action=rename]'));
    await type(root.querySelector('#rename-acc111111111'), '  Shop account ');
    await submit(root.querySelector('.inline-form'));
    expect(stored().accounts[0]!.label).toBe('Shop account');
    expect(text(root.querySelector('[data-account-id] .hint'))).toContain('Shop account');
    await click(root.querySelector('[data-action=remove]'));
    expect(stored().accounts).toHaveLength(0);
  });
});

describe('options page: settings', () => {
  beforeEach(() => seed(SEEDED));

  it('rejects out-of-range and non-numeric thresholds and saves nothing', async () => {
    const root = await mount(<Options now={NOW} />);
    await type(root.querySelector('#setting-dormancyDays'), '0');
    await type(root.querySelector('#setting-listing-underpricedPercent'), 'abc');
    await submit(root.querySelector('form.thresholds'));
    const errors = [...root.querySelectorAll('.field .error')].map(text);
    expect(errors).toEqual(['Enter a whole number from 1 to 3650.', 'Enter a whole number from 1 to 100.']);
    expect(root.querySelector('#setting-dormancyDays')!.getAttribute('aria-invalid')).toBe('true');
    expect(stored().settings.dormancyDays).toBe(120);
    expect(stored().settings.listing.underpricedPercent).toBe(70);
  });

  it('saves valid thresholds, full-width digits included', async () => {
    const root = await mount(<Options now={NOW} />);
    await type(root.querySelector('#setting-passwordAgeDays'), '１８０');
    await type(root.querySelector('#setting-listing-bulkCount'), '25');
    await submit(root.querySelector('form.thresholds'));
    expect(root.querySelectorAll('.field .error')).toHaveLength(0);
    expect(stored().settings.passwordAgeDays).toBe(180);
    expect(stored().settings.listing.bulkCount).toBe(25);
    expect(text(root.querySelector('form.thresholds [role=status]'))).toBe('Saved.');
  });

  it('toggles notifications and watched marketplaces', async () => {
    const root = await mount(<Options now={NOW} />);
    await click(root.querySelector('input[name=notifications]'));
    expect(stored().settings.notifications).toBe(false);
    await click(root.querySelector('input[name=market][value="amazon.de"]'));
    expect(stored().settings.disabledMarketplaces).toEqual(['amazon.de']);
    await click(root.querySelector('input[name=market][value="amazon.de"]'));
    expect(stored().settings.disabledMarketplaces).toEqual([]);
  });
});

describe('options page: export, import, reset', () => {
  afterEach(() => vi.restoreAllMocks());

  // Changed with the sealed export: without a passphrase the file leaves the salt (and the salted listing records) out.
  it('exports without a passphrase: the state without its salt, no listing records', async () => {
    seed(SEEDED, { 'listings:abc': { rows: [1] }, 'flow:3': { typed: [] }, other: 'x' });
    let blob: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => { blob = b; return 'blob:test'; });
    URL.revokeObjectURL = vi.fn();
    const root = await mount(<Options now={NOW} />);
    await click(root.querySelector('[data-action=export]'));
    await settle();
    const file = JSON.parse(await blob!.text());
    expect(file.format).toBe('account-guard-for-amazon/export');
    expect(file.protection).toBe('none');
    expect('salt' in file.state).toBe(false);
    expect(JSON.stringify(file)).not.toContain(SEEDED.salt);
    expect(file.state.accounts).toEqual(SEEDED.accounts);
    expect(Object.keys(file).sort()).toEqual(['exportedAt', 'format', 'protection', 'state', 'version']);
    expect(text(root.querySelector('[data-export=ok]'))).toContain('without the salt');
  });

  it('exports sealed with a passphrase typed twice, and imports it back only with that passphrase', async () => {
    seed(SEEDED, { 'listings:abc': { rows: [1] } });
    let blob: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => { blob = b; return 'blob:test'; });
    URL.revokeObjectURL = vi.fn();
    const root = await mount(<Options now={NOW} />);
    await type(root.querySelector('#export-passphrase'), 'short');
    await type(root.querySelector('#export-passphrase-again'), 'short');
    await click(root.querySelector('[data-action=export]'));
    expect(text(root.querySelector('[data-export=error]'))).toContain('too short');
    await type(root.querySelector('#export-passphrase'), 'long enough phrase');
    await type(root.querySelector('#export-passphrase-again'), 'long enough phrasE');
    await click(root.querySelector('[data-action=export]'));
    expect(text(root.querySelector('[data-export=error]'))).toContain('differ');
    expect(blob).toBeNull();
    await type(root.querySelector('#export-passphrase-again'), 'long enough phrase');
    await click(root.querySelector('[data-action=export]'));
    await vi.waitFor(() => expect(blob).not.toBeNull(), { timeout: 10_000 });
    const sealed = await blob!.text();
    expect(JSON.parse(sealed).protection).toBe('passphrase');
    expect(sealed).not.toContain(SEEDED.salt);
    expect(sealed).not.toContain(SEEDED.accounts[0]!.hint);

    // Another browser's state: only the right passphrase brings this one back.
    seed(state({ salt: 'ffffffffffffffffffffffffffffffff' }));
    const before = JSON.stringify(memory);
    const again = await mount(<Options now={NOW} />);
    await chooseFile(again, sealed);
    await vi.waitFor(() => expect(text(again.querySelector('[data-import=error]'))).toContain('encrypted'), { timeout: 10_000 });
    await type(again.querySelector('#import-passphrase'), 'wrong passphrase');
    await chooseFile(again, sealed);
    await vi.waitFor(() => expect(text(again.querySelector('[data-import=error]'))).toContain('passphrase is wrong'), { timeout: 10_000 });
    expect(JSON.stringify(memory)).toBe(before);
    await type(again.querySelector('#import-passphrase'), 'long enough phrase');
    await chooseFile(again, sealed);
    await vi.waitFor(() => expect(again.querySelector('[data-import=ok]')).not.toBeNull(), { timeout: 10_000 });
    expect(stored().salt).toBe(SEEDED.salt);
    expect(stored().accounts).toEqual(SEEDED.accounts);
    expect(memory['listings:abc']).toEqual({ rows: [1] });
    // Three derivations of 600,000 PBKDF2 iterations each, on a shared machine.
  }, 30_000);

  it('an invalid file gives a clear error and changes nothing', async () => {
    seed(SEEDED, { 'listings:abc': { rows: [1] } });
    const before = JSON.stringify(memory);
    const root = await mount(<Options now={NOW} />);
    const broken = buildExport(state({ accounts: [account({ id: 'new999999999' })] }), {}, NOW) as unknown as { state: { accounts: unknown[] } };
    broken.state.accounts = [{ id: 5 }];
    await chooseFile(root, JSON.stringify(broken));
    expect(text(root.querySelector('[data-import=error]'))).toBe("The file's data is incomplete or damaged. Nothing was changed.");
    expect(JSON.stringify(memory)).toBe(before);
    await chooseFile(root, '{not json');
    expect(text(root.querySelector('[data-import=error]'))).toContain('not a JSON file');
    expect(JSON.stringify(memory)).toBe(before);
    expect(root.querySelector('[data-account-id=acc111111111]')).not.toBeNull();
  });

  it('a valid file replaces the state and the listing records', async () => {
    seed(SEEDED, { 'listings:old': { rows: [] } });
    const root = await mount(<Options now={NOW} />);
    const other = state({ salt: 'ffffffffffffffffffffffffffffffff', accounts: [account({ id: 'new999999999', hint: 'ne***@e***.com' })] });
    await chooseFile(root, JSON.stringify(buildExport(other, { 'listings:new': { rows: [2] } }, NOW)));
    expect(text(root.querySelector('[data-import=ok]'))).toContain('Imported');
    expect(stored().salt).toBe('ffffffffffffffffffffffffffffffff');
    expect(stored().accounts.map((a) => a.id)).toEqual(['new999999999']);
    expect(memory['listings:new']).toEqual({ rows: [2] });
    expect(memory['listings:old']).toBeUndefined();
    expect(text(root.querySelector('[data-account-id]'))).toContain('ne***@e***.com');
  });

  it('reset asks first, and cancel keeps everything', async () => {
    seed(SEEDED, { 'listings:abc': { rows: [1] } });
    const root = await mount(<Options now={NOW} />);
    await click(root.querySelector('[data-action=reset]'));
    expect(stored().accounts).toHaveLength(1);
    await click(root.querySelector('[data-action=reset-cancel]'));
    expect(stored().accounts).toHaveLength(1);
    await click(root.querySelector('[data-action=reset]'));
    await click(root.querySelector('[data-action=reset-confirm]'));
    expect(stored().accounts).toHaveLength(0);
    expect(stored().alerts).toHaveLength(0);
    expect(stored().salt).not.toBe(SEEDED.salt);
    expect(memory['listings:abc']).toBeUndefined();
    expect(root.querySelectorAll('[data-account-id]')).toHaveLength(0);
  });
});

describe('options page: thresholds follow the stored settings', () => {
  it('shows imported values in the form', async () => {
    seed(SEEDED);
    const root = await mount(<Options now={NOW} />);
    expect((root.querySelector('#setting-dormancyDays') as HTMLInputElement).value).toBe('120');
    const other = state();
    other.settings.dormancyDays = 45;
    await chooseFile(root, JSON.stringify(buildExport(other, {}, NOW)));
    expect((root.querySelector('#setting-dormancyDays') as HTMLInputElement).value).toBe('45');
  });
});
