// The sign-in email guard in real Chromium: the built extension, real Amazon
// sign-in URLs served from fixtures. Under the trust rules the owner's account
// is known because the owner added it (options page) or typed it — no sign-in
// page teaches it by being the first one seen (test/e2e/trust.test.ts covers
// the rules themselves).

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { clickBanner, fixture, inBanner, launchGuard, type Guard } from './harness';
import { storedState } from '../support/stored';

const COM = 'https://www.amazon.com/ap/signin?openid.return_to=https%3A%2F%2Fwww.amazon.com%2F&openid.mode=checkid_setup';
const JP = 'https://www.amazon.co.jp/ap/signin?openid.return_to=https%3A%2F%2Fwww.amazon.co.jp%2F';
const PLAIN = ['owner.taro@example.com', 'h1jack3r@mail-box.example.net', 'taro.yamada@example.co.jp', 'x9.takeover@proton-mail.example', 'new.me@example.org', '12065550143', '9012345678'];

const messages = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;

interface StateLike {
  accounts: { hint: string; origin: string; confirmed: boolean }[];
  alerts: { kind: string; status: string; hint: string }[];
}
const stateOf = (s: Record<string, unknown>) => storedState(s) as unknown as StateLike;

/** Nothing in storage (local or session) may hold an account in clear. */
async function expectNoPlaintext(g: Guard) {
  const dump = JSON.stringify([await g.storage(), await g.session()]).toLowerCase();
  for (const p of PLAIN) expect(dump).not.toContain(p.toLowerCase());
}

let g: Guard | null = null;
afterEach(async () => {
  await g?.close();
  g = null;
});

describe('sign-in email guard (amazon.com, English)', () => {
  it('is quiet for the account the owner added, warns about a different one before any password, and stays quiet once trusted (after a confirmation)', async () => {
    g = await launchGuard({ lang: 'en' });
    // Nothing known yet: the badge asks for the owner's account.
    await expect.poll(() => g!.badge()).toBe('+');
    await g.addAccount('owner.taro@example.com', 'amazon.com');
    expect(await g.badge()).toBe('');
    await g.serve('https://www.amazon.com/ap/signin**', 'signin/en-password-email.html');
    let page = await g.open(COM);
    await g.noBanner(page);
    let state = stateOf(await g.storage());
    expect(state.accounts).toEqual([expect.objectContaining({ origin: 'user', confirmed: true, hint: 'ow***@e***.com' })]);
    await page.close();

    // The attacker's address on the password step: warned before a password is typed.
    await g.serve('https://www.amazon.com/ap/signin**', 'signin/en-password-attacker.html');
    page = await g.open(COM);
    const warning = await g.banner(page);
    expect(warning).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning' });
    expect(warning.text).toContain('h1***@m***.net');
    expect(await page.inputValue('#ap_password')).toBe('');
    expect(await g.badge()).toBe('1');
    state = stateOf(await g.storage());
    expect(state.alerts).toEqual([expect.objectContaining({ kind: 'unfamiliar-account', status: 'open', hint: 'h1***@m***.net' })]);

    // "This is my address" (a real click), then the confirmation naming the masked address: trusted, badge cleared, no warning next time.
    await clickBanner(page, 'This is my address');
    const question = await inBanner<string>(page, 'function () { return this.querySelector(".confirm")?.textContent ?? ""; }');
    expect(question).toContain('h1***@m***.net');
    expect(stateOf(await g.storage()).alerts[0]?.status).toBe('open');
    await clickBanner(page, messages('en').actionConfirmMine!.message);
    await expect.poll(async () => stateOf(await g!.storage()).alerts[0]?.status).toBe('trusted');
    expect(await g.badge()).toBe('');
    await page.close();
    page = await g.open(COM);
    await g.noBanner(page);
    state = stateOf(await g.storage());
    expect(state.accounts.map((a) => a.hint).sort()).toEqual(['h1***@m***.net', 'ow***@e***.com']);

    await expectNoPlaintext(g);
    expect(g.extensionRequests).toEqual([]);
  });

  it('does not warn about an account the user typed in this sign-in flow (unified /ax/claim step)', async () => {
    g = await launchGuard({ lang: 'en' });
    // Known: the owner's usual account.
    await g.addAccount('owner.taro@example.com', 'amazon.com');

    // The user adds another address of theirs: typed on the unified step, then shown on the password step.
    await g.serve('https://www.amazon.com/ax/claim**', 'signin/en-unified-claim.html');
    await g.serve('https://www.amazon.com/ax/claim/validate**', {
      html: fixture('signin/en-password-email.html').replaceAll('owner.taro@example.com', 'new.me@example.org'),
    });
    const page = await g.open('https://www.amazon.com/ax/claim/signin?policy_handle=Retail-Checkout');
    await g.noBanner(page, 500);
    await page.fill('#ap_email_login', 'new.me@example.org');
    await Promise.all([page.waitForURL('**/ax/claim/validate**'), page.click('#continue')]);
    const banner = await g.banner(page);
    expect(banner.kind).toBe('remembered');
    const state = stateOf(await g.storage());
    expect(state.alerts).toEqual([]);
    expect(state.accounts).toContainEqual(expect.objectContaining({ hint: 'ne***@e***.org', origin: 'typed', confirmed: true }));
    expect(await g.badge()).toBe('');
    await expectNoPlaintext(g);
  });

  it('keeps judging correctly after the service worker is stopped', async () => {
    g = await launchGuard({ lang: 'en' });
    await g.addAccount('owner.taro@example.com', 'amazon.com');
    await g.serve('https://www.amazon.com/ap/signin**', 'signin/en-password-email.html');
    await g.noBanner(await g.open(COM));
    await g.stopWorker();
    await g.serve('https://www.amazon.com/ap/signin**', 'signin/en-password-attacker.html');
    const page = await g.open(COM);
    expect(await g.banner(page)).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning' });
    const state = stateOf(await g.storage());
    expect(state.accounts).toHaveLength(1);
    expect(state.alerts).toHaveLength(1);
  });
});

describe('sign-in email guard (amazon.co.jp, Japanese)', () => {
  it('speaks Japanese, reads phone accounts and the account switcher', async () => {
    g = await launchGuard({ lang: 'ja' });
    const ja = messages('ja');
    // Before the owner adds theirs, even their own account is not taken for theirs.
    await g.serve('https://www.amazon.co.jp/ap/signin**', 'signin/ja-password-email.html');
    let page = await g.open(JP);
    const first = await g.banner(page);
    expect(first.kind).toBe('unfamiliar-account');
    expect(first.text).toContain(ja.bannerUnfamiliarTitle!.message);
    await page.close();
    // The owner adds it (their word): the first warning about it is settled with it.
    await g.addAccount('taro.yamada@example.co.jp', 'amazon.co.jp');
    expect(stateOf(await g.storage()).alerts).toEqual([expect.objectContaining({ status: 'trusted' })]);
    page = await g.open(JP);
    await g.noBanner(page);
    await page.close();

    await g.serve('https://www.amazon.co.jp/ap/signin**', 'signin/ja-password-attacker.html');
    page = await g.open(JP);
    const warning = await g.banner(page);
    expect(warning).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning' });
    expect(warning.text).toContain(ja.bannerUnfamiliarTitle!.message);
    expect(warning.text).toContain(ja.actionTrust!.message);
    await page.close();

    // A phone number the owner never used.
    await g.serve('https://www.amazon.co.jp/ap/signin**', 'signin/ja-password-phone.html');
    page = await g.open(JP);
    const phone = await g.banner(page);
    expect(phone.kind).toBe('unfamiliar-account');
    expect(phone.text).toContain(ja.bannerUnfamiliarBodyPhone!.message.split('$HINT$')[0]!);
    await page.close();

    // The switcher lists the owner's account, the phone and a masked entry Amazon hides: one warning for the phone.
    await g.serve('https://www.amazon.co.jp/ap/signin**', 'signin/ja-switcher.html');
    page = await g.open(JP);
    const switcher = await g.banner(page);
    expect(switcher.kind).toBe('unfamiliar-account');
    const state = stateOf(await g.storage());
    expect(state.alerts.filter((a) => a.status === 'open')).toHaveLength(2);
    expect(await g.badge()).toBe('2');
    await expectNoPlaintext(g);
    expect(g.extensionRequests).toEqual([]);
  });
});

describe('harness', () => {
  it('really stops the service worker (its globals are gone after the restart)', async () => {
    g = await launchGuard();
    await (await g.worker()).evaluate(() => {
      (globalThis as unknown as { marker: number }).marker = 42;
    });
    await g.stopWorker();
    expect(await (await g.worker()).evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBeUndefined();
  });
});
