// Fingerprints and the export file through the built extension in real
// Chromium: export sealed with a passphrase and import it back in a browser
// with another salt (wrong passphrase first), export without the salt and
// import that; a legacy 48-bit fingerprint upgraded on the next sign-in.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fingerprint, saltedDigest } from '../../src/core/fingerprint';
import { emptyState } from '../../src/core/state';
import type { KnownAccount, StoredState } from '../../src/core/types';
import { account as baseAccount } from '../support/states';
import { launchGuard, type Guard } from './harness';
import { storedState } from '../support/stored';

const SALT = '0123456789abcdef0123456789abcdef';
const OTHER_SALT = 'ffffffffffffffffffffffffffffffff';
const DAY = 86_400_000;
const OWNER = { kind: 'email', value: 'owner.taro@example.com' } as const;
const COM = 'https://www.amazon.com/ap/signin?openid.return_to=https%3A%2F%2Fwww.amazon.com%2F&openid.mode=checkid_setup';
const PASS = 'なつやすみ summer 2026';

function account(over: Partial<KnownAccount>): KnownAccount {
  const now = Date.now();
  return baseAccount({ marketplace: 'amazon.com', hint: 'ow***@e***.com', firstSeenAt: now - 300 * DAY, lastSeenAt: now - DAY, ...over });
}

async function ownerState(): Promise<StoredState> {
  return {
    ...emptyState(SALT),
    accounts: [account({ id: await fingerprint(OWNER, SALT), label: 'Personal' })],
    checklist: { contact: Date.now() - DAY },
  };
}

const stateOf = (all: Record<string, unknown>) => storedState(all);

/** Clicks Export and returns the downloaded file's text. */
async function exportFile(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export]')]);
  return readFileSync((await download.path())!, 'utf8');
}

async function importFile(page: Page, text: string, passphrase = ''): Promise<void> {
  await page.fill('#import-passphrase', passphrase);
  await page.setInputFiles('#import-file', { name: 'account-guard.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

let g: Guard | null = null;
afterEach(async () => {
  await g?.close();
  g = null;
});

describe('export file (options page, Chromium)', () => {
  it('sealed with a passphrase: nothing readable in the file; a wrong passphrase changes nothing; the right one restores salt, accounts and listing records', async () => {
    g = await launchGuard({ lang: 'en' });
    const original = await ownerState();
    const listing = { v: 1, rows: 'abc', batches: null, uploadsAt: 0 };
    await g.setStorage({ state: original, 'listings:sel333333333': listing });
    const options = await g.extensionPage('src/options/index.html');
    await options.locator('[data-account-id]').first().waitFor();

    await options.fill('#export-passphrase', PASS);
    await options.fill('#export-passphrase-again', PASS);
    const sealed = await exportFile(options);
    await options.locator('[data-export=ok]', { hasText: 'encrypted with your passphrase' }).waitFor();
    const file = JSON.parse(sealed);
    expect(file).toMatchObject({ format: 'account-guard-for-amazon/export', version: 2, protection: 'passphrase', cipher: { name: 'AES-GCM' }, kdf: { name: 'PBKDF2' } });
    for (const secret of [SALT, original.accounts[0]!.id, 'ow***@e***.com', 'Personal', 'listings:']) expect(sealed).not.toContain(secret);
    // The passphrase fields are emptied once the file is written.
    expect(await options.inputValue('#export-passphrase')).toBe('');

    // "A new computer": another salt, nothing known.
    await g.setStorage({ state: emptyState(OTHER_SALT) });
    await options.reload();
    await options.locator('#import-file').waitFor();
    const before = JSON.stringify(await g.storage());
    await importFile(options, sealed);
    await options.locator('[data-import=error]', { hasText: 'This file is encrypted' }).waitFor();
    await importFile(options, sealed, 'summer 2026');
    await options.locator('[data-import=error]', { hasText: 'The passphrase is wrong, or the file was changed' }).waitFor();
    expect(JSON.stringify(await g.storage())).toBe(before);

    await importFile(options, sealed, PASS);
    await options.locator('[data-import=ok]', { hasText: 'Imported' }).waitFor();
    const all = await g.storage();
    expect(stateOf(all).salt).toBe(SALT);
    expect(stateOf(all).accounts).toEqual(original.accounts);
    expect(all['listings:sel333333333']).toEqual(listing);
    await options.locator('[data-account-id]', { hasText: 'ow***@e***.com' }).waitFor();

    // The restored fingerprints match: signing in to the owner's account raises no warning.
    await g.serve('https://www.amazon.com/ap/signin**', 'signin/en-password-email.html');
    const signin = await g.open(COM);
    await g.noBanner(signin);
    expect(stateOf(await g.storage()).alerts).toEqual([]);
    // Export and import never touch the network (the fixture's own assets are the page's requests).
    expect(g.extensionRequests).toEqual([]);
    // Three derivations of 600,000 PBKDF2 iterations and two browser pages, on a shared machine.
  }, 120_000);

  it('without a passphrase: no salt in the file; its import keeps this browser\'s salt and accounts, brings the settings and names the accounts to add again', async () => {
    g = await launchGuard({ lang: 'en' });
    const original = await ownerState();
    original.settings.passwordAgeDays = 180;
    await g.setStorage({ state: original, 'listings:sel333333333': { v: 1, rows: 'abc', batches: null, uploadsAt: 0 } });
    const options = await g.extensionPage('src/options/index.html');
    await options.locator('[data-account-id]').first().waitFor();
    const open = await exportFile(options);
    await options.locator('[data-export=ok]', { hasText: 'without the salt' }).waitFor();
    expect(open).not.toContain(SALT);
    expect(open).not.toContain('listings:');
    expect(JSON.parse(open)).toMatchObject({ version: 2, protection: 'none' });

    // Another browser with its own salt and account.
    const here: StoredState = { ...emptyState(OTHER_SALT), accounts: [account({ id: 'c0ffee00c0ffee00', hint: 'sh***@e***.co.jp' })] };
    await g.setStorage({ state: here });
    await options.reload();
    await options.locator('[data-account-id]').first().waitFor();
    await importFile(options, open);
    await options.locator('[data-import=ok]', { hasText: 'The file has no salt' }).waitFor();
    expect(await options.locator('[data-readd]').textContent()).toBe('Add these accounts again on this page if they are yours: ow***@e***.com (Personal)');
    const after = stateOf(await g.storage());
    expect(after.salt).toBe(OTHER_SALT);
    expect(after.accounts).toEqual(here.accounts);
    expect(after.settings.passwordAgeDays).toBe(180);
    expect(Object.keys(after.checklist)).toEqual(['contact']);
    expect(g.offsiteRequests).toEqual([]);
  });

  it('Japanese: the passphrase error and the saltless note are in Japanese', async () => {
    g = await launchGuard({ lang: 'ja' });
    await g.setStorage({ state: await ownerState() });
    const options = await g.extensionPage('src/options/index.html');
    await options.locator('[data-account-id]').first().waitFor();
    await options.fill('#export-passphrase', 'みじかい');
    await options.fill('#export-passphrase-again', 'みじかい');
    await options.click('[data-action=export]');
    await options.locator('[data-export=error]', { hasText: 'パスフレーズが短すぎます' }).waitFor();
    expect(await options.locator('#data').textContent()).toContain('パスフレーズなしの場合、ファイルにソルトは入りません');
  });
});

describe('legacy fingerprints (stored before stretching)', () => {
  it('an account kept as a 48-bit SHA-256 id is recognised on its next sign-in and upgraded to the stretched id', async () => {
    g = await launchGuard({ lang: 'en' });
    const legacy = await saltedDigest(OWNER, SALT);
    await g.setStorage({ state: { ...emptyState(SALT), accounts: [account({ id: legacy })] } });
    await g.serve('https://www.amazon.com/ap/signin**', 'signin/en-password-email.html');
    const page = await g.open(COM);
    await g.noBanner(page);
    const state = stateOf(await g.storage());
    expect(state.accounts.map((a) => a.id)).toEqual([await fingerprint(OWNER, SALT)]);
    expect(JSON.stringify(state)).not.toContain(legacy);
    expect(state.alerts).toEqual([]);
  });
});
