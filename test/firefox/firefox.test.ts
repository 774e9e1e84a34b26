// The built Firefox add-on in real Firefox ESR (temporary add-on, WebDriver
// BiDi): the sign-in guard (an account the owner typed is quiet, another one
// is a warning before any password, "this is my address" trusts it), the
// Japanese UI, the event-page background stopped and started again with the
// state intact, one account page and one inventory page. Extension pages
// (popup, options) are tested in Chromium: BiDi cannot open moz-extension://.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ADD_ACCOUNT_BADGE } from '../../src/core/badge';
import { fixture } from '../e2e/harness';
import { launchFirefox, type FirefoxGuard } from './harness';
import { storedState } from '../support/stored';

const messages = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;

interface StateLike {
  accounts: { id: string; hint: string; origin: string; confirmed: boolean }[];
  alerts: { kind: string; status: string; hint?: string; severity: string }[];
  sellers: { listingCount: number }[];
}
const stateOf = (s: Record<string, unknown>) => storedState(s) as unknown as StateLike;

const COM = 'https://www.amazon.com';
const JP = 'https://www.amazon.co.jp';

let g: FirefoxGuard | null = null;
afterEach(async () => {
  await g?.close();
  g = null;
});

/** The owner types their own address on the unified claim step (real key presses), then sees it on the password step. */
async function typeOwnAccount(f: FirefoxGuard, lang: 'en' | 'ja', email: string): Promise<Page> {
  const origin = lang === 'ja' ? JP : COM;
  f.serve(`${origin}/ax/claim/signin**`, `signin/${lang}-unified-claim.html`);
  f.serve(`${origin}/ax/claim/validate**`, { html: fixture(`signin/${lang}-password-email.html`) });
  const page = await f.open(`${origin}/ax/claim/signin?policy_handle=Retail-Checkout`);
  await page.type('#ap_email_login', email);
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.keyboard.press('Enter')]);
  expect(page.url()).toContain('/ax/claim/validate');
  return page;
}

/** No warning: either no banner, or an informational one. */
async function expectNoWarning(f: FirefoxGuard, page: Page): Promise<void> {
  await new Promise((r) => setTimeout(r, 1500));
  if (await page.$('[data-account-guard="banner"]')) expect((await f.banner(page)).severity).toBe('info');
}

describe('sign-in guard in Firefox', () => {
  it('an account the owner typed is quiet; another one is a warning before any password; trusted, it is quiet', async () => {
    g = await launchFirefox({ lang: 'en' });
    const own = await typeOwnAccount(g, 'en', 'owner.taro@example.com');
    await expectNoWarning(g, own);
    let state = stateOf(await g.storage());
    expect(state.accounts).toEqual([expect.objectContaining({ hint: 'ow***@e***.com', origin: 'typed', confirmed: true })]);
    expect(state.alerts).toEqual([]);
    await own.close();

    // The attacker's address on the password step.
    g.serve(`${COM}/ap/signin**`, 'signin/en-password-attacker.html');
    const page = await g.open(`${COM}/ap/signin?openid.mode=checkid_setup`);
    const warning = await g.banner(page);
    expect(warning).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning' });
    expect(warning.text).toContain('h1***@m***.net');
    expect(warning.text).not.toContain('h1jack3r');
    state = stateOf(await g.storage());
    expect(state.alerts).toEqual([expect.objectContaining({ kind: 'unfamiliar-account', status: 'open', hint: 'h1***@m***.net' })]);
    expect(await g.badge()).toBe('1');

    // "This is my address", then the confirmation, each clicked as a person would (a trusted click at the button's place in the closed shadow root).
    await g.clickBannerButton(page, messages('en').actionTrust!.message);
    // The confirmation naming the masked address comes first; nothing is trusted until it is answered.
    expect(stateOf(await g.storage()).alerts[0]?.status).toBe('open');
    await g.clickBannerButton(page, messages('en').actionConfirmMine!.message);
    await expect.poll(async () => stateOf(await g!.storage()).alerts[0]?.status, { timeout: 10_000 }).toBe('trusted');
    expect(await g.badge()).toBe('');
    await page.close();
    await expectNoWarning(g, await g.open(`${COM}/ap/signin?openid.mode=checkid_setup`));

    // Nothing in storage is a clear address.
    const stored = JSON.stringify(await g.storage());
    for (const clear of ['owner.taro', 'h1jack3r', 'example.com', 'mail-box']) expect(stored).not.toContain(clear);
  });

  it('Japanese UI: the warning on amazon.co.jp is in Japanese', async () => {
    g = await launchFirefox({ lang: 'ja' });
    await (await typeOwnAccount(g, 'ja', 'taro.yamada@example.co.jp')).close();
    g.serve(`${JP}/ap/signin**`, 'signin/ja-password-attacker.html');
    const warning = await g.banner(await g.open(`${JP}/ap/signin?openid.mode=checkid_setup`));
    expect(warning).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning' });
    expect(warning.text).toContain(messages('ja').bannerUnfamiliarTitle!.message);
    expect(warning.text).toContain(messages('ja').actionTrust!.message);
  });

  it('state survives the event page being stopped: the known account stays quiet, the stranger still warns', async () => {
    g = await launchFirefox({ lang: 'en' });
    const own = await typeOwnAccount(g, 'en', 'owner.taro@example.com');
    // The password step's report (its fingerprint is stretched) lands before the page goes.
    await expect.poll(async () => stateOf(await g!.storage()).accounts.length, { timeout: 10_000 }).toBe(1);
    await own.close();
    const before = stateOf(await g.storage());

    await g.stopBackground();
    // The page's message starts the background again, which reads its state from storage.
    g.serve(`${COM}/ap/signin**`, 'signin/en-password-email.html');
    await expectNoWarning(g, await g.open(`${COM}/ap/signin?openid.mode=checkid_setup`));
    g.serve(`${COM}/ap/signin**`, 'signin/en-password-attacker.html');
    expect(await g.banner(await g.open(`${COM}/ap/signin?openid.mode=checkid_setup`))).toMatchObject({ kind: 'unfamiliar-account' });
    expect(await g.badge()).toBe('1');

    // Stopped again with an open alert: the badge is restored when the background starts.
    await g.stopBackground();
    g.serve(`${COM}/gp/css/order-history**`, 'account/en-orders.html');
    await g.open(`${COM}/gp/css/order-history`);
    expect(await g.badge()).toBe('1');
    const after = stateOf(await g.storage());
    const who = (s: StateLike) => s.accounts.map(({ id, hint, origin, confirmed }) => ({ id, hint, origin, confirmed }));
    expect(who(after)).toEqual(who(before));
    expect(after.alerts).toEqual([expect.objectContaining({ kind: 'unfamiliar-account', status: 'open' })]);
  });
});

describe('account and inventory pages in Firefox', () => {
  it('Login & Security: the first visit is remembered quietly, a changed mobile number is a danger', async () => {
    g = await launchFirefox({ lang: 'ja' });
    g.serve(`${JP}/ap/cnep**`, 'account/ja-login-security.html');
    await g.noBanner(await g.open(`${JP}/ap/cnep?ie=UTF8`));
    g.serve(`${JP}/ap/cnep**`, 'account/ja-login-security-changed.html');
    const banner = await g.banner(await g.open(`${JP}/ap/cnep?ie=UTF8`));
    expect(banner).toMatchObject({ kind: 'account-changed', severity: 'danger' });
    expect(banner.text).toContain('携帯電話番号が +81 ***32 に変更されました。');
    expect(JSON.stringify(await g.storage())).not.toContain('1234-5678');
  });

  it('Manage Inventory: the first visit starts watching the listings', async () => {
    g = await launchFirefox({ lang: 'ja' });
    g.serve('https://sellercentral.amazon.co.jp/inventory**', 'inventory/ja-classic-first.html');
    const banner = await g.banner(await g.open('https://sellercentral.amazon.co.jp/inventory/ref=xx_invmgr_dnav_xx'));
    expect(banner).toMatchObject({ kind: 'watching-listings', severity: 'info', count: '1' });
    await expect.poll(async () => stateOf(await g!.storage()).sellers[0]?.listingCount, { timeout: 10_000 }).toBe(1);
    // No account of the owner's is known yet: the badge asks to add one, as in Chromium.
    expect(await g.badge()).toBe(ADD_ACCOUNT_BADGE);
  });
});
