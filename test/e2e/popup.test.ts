// The popup and options pages of the built extension in real Chromium: acting
// on alerts, importing a valid and an invalid export file, what storage then
// holds, and the README's screenshots (en and ja).
import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildExport } from '../../src/core/export';
import { emptyState } from '../../src/core/state';
import type { Alert, KnownAccount, StoredState } from '../../src/core/types';
import { launchGuard, type Guard } from './harness';
import { account as baseAccount } from '../support/states';
import { storedState } from '../support/stored';

const SALT = '0123456789abcdef0123456789abcdef';
const DAY = 86_400_000;
// The README's screenshots are refreshed with UPDATE_SCREENSHOTS=1 (needs a CJK
// font such as Debian's fonts-noto-cjk); ordinary runs write to test-results/.
const SHOTS = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots';

/** An account as of the real clock (the popup judges ages against now). */
function account(over: Partial<KnownAccount>): KnownAccount {
  const now = Date.now();
  return baseAccount({ firstSeenAt: now - 300 * DAY, lastSeenAt: now - DAY, ...over });
}

/** A realistic state: a buyer and a seller account, an unfamiliar sign-in and suspicious listings. */
function seeded(): StoredState {
  const now = Date.now();
  const unfamiliar: Alert = {
    id: 'alert-signin', kind: 'unfamiliar-account', severity: 'warning', status: 'open',
    createdAt: now - 3 * 3600_000, lastSeenAt: now - 2 * 3600_000, seenCount: 2, marketplace: 'amazon.co.jp',
    subjectId: 'bad222222222', hint: 'zz***@m***.ru', accountKind: 'email', source: 'password-step',
    reasons: [{ key: 'alertUnfamiliarAccount', subs: ['amazon.co.jp', 'zz***@m***.ru'] }],
  };
  const listings: Alert = {
    id: 'alert-listings', kind: 'new-listings', severity: 'danger', status: 'open',
    createdAt: now - 3600_000, lastSeenAt: now - 600_000, seenCount: 1, marketplace: 'amazon.co.jp',
    subjectId: 'sel333333333', hint: 'A1***',
    reasons: [
      { key: 'listingReasonNew', subs: ['23', '2026-10-02'] },
      { key: 'listingReasonUnderpriced', subs: ['21', '40–70'] },
    ],
    columns: ['listingColSku', 'listingColTitle', 'listingColPrice', 'listingColCreated'],
    rows: [
      { cells: ['X1-CAM-001', 'Mirrorless camera body', '¥12,800', '2026-11-25'], url: 'https://www.amazon.co.jp/dp/B0TEST0001' },
      { cells: ['X1-LNS-002', '<b>Zoom lens</b> 24-70mm', '¥9,800', '2026-11-25'] },
    ],
    reviewUrl: 'https://sellercentral.amazon.co.jp/inventory',
  };
  return {
    ...emptyState(SALT),
    accounts: [
      account({ twoStep: 'on', twoStepCheckedAt: now - 5 * DAY, passwordChangedAt: now - 20 * DAY, label: 'Personal' }),
      account({ id: 'acc444444444', hint: 'sh***@e***.co.jp', roles: ['seller'], passwordChangedAt: now - 400 * DAY, lastSeenAt: now - 150 * DAY }),
    ],
    alerts: [unfamiliar, listings],
    checklist: { contact: now - DAY },
  };
}

let g: Guard | null = null;
afterEach(async () => {
  await g?.close();
  g = null;
});

async function stored(guard: Guard): Promise<StoredState> {
  return (await guard.state()) as unknown as StoredState;
}

describe('popup and options in Chromium', () => {
  it('the first-run page adds a typed account as a fingerprint and hint', async () => {
    g = await launchGuard({ lang: 'en' });
    const welcome = await g.extensionPage('src/welcome/index.html');
    await welcome.locator('#add-account-value').fill('Taro.Yamada@example.com');
    await welcome.locator('[data-action=add-account]').click();
    await welcome.locator('[data-welcome-accounts]').waitFor();
    const all = await g.storage();
    const s = storedState(all);
    expect(s.accounts).toHaveLength(1);
    expect(s.accounts[0]).toMatchObject({ hint: 'ta***@e***.com', marketplace: 'amazon.com', origin: 'user', confirmed: true });
    expect(JSON.stringify(all)).not.toMatch(/yamada/i);
    expect(g.offsiteRequests).toEqual([]);
  });

  it('the popup acts on alerts', async () => {
    g = await launchGuard({ lang: 'en' });
    await g.setState(seeded());
    const popup = await g.extensionPage('src/popup/index.html');
    await popup.setViewportSize({ width: 380, height: 700 });
    await popup.locator('[data-status=danger]').waitFor();
    const ids = await popup.locator('[data-alert-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-alert-id')));
    expect(ids).toEqual(['alert-listings', 'alert-signin']);
    // Page text stays text.
    expect(await popup.locator('[data-alert-id=alert-listings] b').count()).toBe(0);
    expect(await popup.locator('[data-alert-id=alert-listings] [data-action=review]').getAttribute('href')).toBe('https://sellercentral.amazon.co.jp/inventory');
    expect(await popup.locator('[data-account-id=acc444444444] [data-hygiene=dormancy]').getAttribute('data-value')).toBe('dormant');
    mkdirSync(SHOTS, { recursive: true });
    await popup.screenshot({ path: `${SHOTS}/popup-en.png`, fullPage: true });

    await popup.locator('[data-alert-id=alert-signin] [data-action=trust]').click();
    await popup.locator('[data-alert-id=alert-signin]').waitFor({ state: 'detached' });
    let s = await stored(g);
    expect(s.alerts.find((a) => a.id === 'alert-signin')!.status).toBe('trusted');
    expect(s.accounts.find((a) => a.id === 'bad222222222')).toMatchObject({ hint: 'zz***@m***.ru', origin: 'user', confirmed: true });
    // One open danger alert left: the badge counts it.
    expect(await g.badge()).toBe('1');

    // Keyboard only: Tab to the listing alert's Dismiss button and press Enter.
    await popup.locator('h1').click();
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await popup.keyboard.press('Tab');
      reached = await popup.evaluate(() => document.activeElement?.matches('[data-alert-id=alert-listings] [data-action=dismiss]') ?? false);
    }
    expect(reached).toBe(true);
    await popup.keyboard.press('Enter');
    await popup.locator('[data-status=safe]').waitFor();
    s = await stored(g);
    expect(s.alerts.find((a) => a.id === 'alert-listings')!.status).toBe('dismissed');
    expect(await g.badge()).toBe('');

    // The checklist keeps its progress in storage.
    // Started already (one step ticked): the checklist is open.
    expect(await popup.locator('details.takeover').getAttribute('open')).not.toBeNull();
    await popup.locator('#step-password').check();
    await expect.poll(async () => Object.keys((await stored(g!)).checklist).sort()).toEqual(['contact', 'password']);
    expect(g.offsiteRequests).toEqual([]);
  });

  it('options: imports a valid file, refuses an invalid one without changing anything', async () => {
    g = await launchGuard({ lang: 'en' });
    await g.setState(seeded(), { 'listings:old': { v: 1, rows: '', batches: null, uploadsAt: 0 } });
    const options = await g.extensionPage('src/options/index.html');
    await options.setViewportSize({ width: 900, height: 1000 });
    await options.locator('[data-account-id]').first().waitFor();
    mkdirSync(SHOTS, { recursive: true });
    await options.screenshot({ path: `${SHOTS}/options-en.png`, fullPage: true });

    const before = JSON.stringify(await g.storage());
    const bad = { ...buildExport(seeded(), {}, Date.now()), state: { schemaVersion: 2, salt: SALT, accounts: 'x' } };
    await options.setInputFiles('#import-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const error = options.locator('[data-import=error]');
    await error.waitFor();
    expect(await error.textContent()).toBe("The file's data is incomplete or damaged. Nothing was changed.");
    expect(JSON.stringify(await g.storage())).toBe(before);

    await options.setInputFiles('#import-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await options.locator('[data-import=error]', { hasText: 'not a JSON file' }).waitFor();
    expect(JSON.stringify(await g.storage())).toBe(before);

    const other: StoredState = {
      ...emptyState('ffffffffffffffffffffffffffffffff'),
      accounts: [account({ id: 'new999999999', hint: 'ne***@e***.com', marketplace: 'amazon.com' })],
    };
    const file = JSON.stringify(buildExport(other, { 'listings:new': { v: 1, rows: 'abc', batches: null, uploadsAt: 0 } }, Date.now()));
    await options.setInputFiles('#import-file', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await options.locator('[data-import=ok]').waitFor();
    const all = await g.storage();
    const s = storedState(all);
    expect(s.salt).toBe('ffffffffffffffffffffffffffffffff');
    expect(s.accounts.map((a) => a.id)).toEqual(['new999999999']);
    expect(s.alerts).toEqual([]);
    expect(all['listings:new']).toEqual({ v: 1, rows: 'abc', batches: null, uploadsAt: 0 });
    expect(all['listings:old']).toBeUndefined();
    await options.locator('[data-account-id=new999999999]').waitFor();
    expect(await g.badge()).toBe('');
    expect(g.offsiteRequests).toEqual([]);
  });

  it('Japanese popup and options (screenshots)', async () => {
    g = await launchGuard({ lang: 'ja' });
    await g.setState(seeded());
    const popup = await g.extensionPage('src/popup/index.html');
    await popup.setViewportSize({ width: 380, height: 700 });
    await popup.locator('[data-status=danger]').waitFor();
    expect(await popup.locator('h2#alerts-h').textContent()).toBe('未対応の警告');
    expect(await popup.locator('[data-account-id=acc444444444] [data-hygiene=two-step]').textContent()).toContain('2段階認証: 不明');
    mkdirSync(SHOTS, { recursive: true });
    await popup.screenshot({ path: `${SHOTS}/popup-ja.png`, fullPage: true });
    const options = await g.extensionPage('src/options/index.html');
    await options.setViewportSize({ width: 900, height: 1000 });
    await options.locator('[data-account-id]').first().waitFor();
    expect(await options.locator('#settings-h').textContent()).toBe('設定');
    // Follows the system's dark mode.
    const background = () => options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(17, 24, 39)');
    await options.emulateMedia({ colorScheme: 'light' });
    await options.screenshot({ path: `${SHOTS}/options-ja.png`, fullPage: true });
    expect(g.offsiteRequests).toEqual([]);
  });
});
