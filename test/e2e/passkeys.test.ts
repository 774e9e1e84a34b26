// The passkey watch in real Chromium: the owner adds their account on the
// options page (accounts are not learned from a sign-in page), a sign-in page
// lists its passkeys (learned quietly), and the same page with one more
// passkey on the next visit raises passkey-added (banner and a danger alert
// in storage) — unless the owner started Amazon's passkey set-up in the tab
// first. Storage never holds a credential id or an email in clear.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StoredState } from '../../src/core/types';
import { inBanner, launchGuard, type Guard } from './harness';

const US = 'https://www.amazon.com';
const JP = 'https://www.amazon.co.jp';
const C1 = 'pK7xQ2mN9vR4tY6uW8zA1bC3dE5fG7hJ9kL0mN2pQ4r';
const C2 = 'Zx9Yw8Vu7Ts6Rq5Po4Nm_-3Lk2J';

let g: Guard;
const state = async () => (await g.state()) as unknown as StoredState;

/** The owner types their account on the options page, as a new user would. */
async function addAccount(email: string, marketplace: string): Promise<void> {
  const options = await g.extensionPage('src/options/index.html');
  await options.locator('#add-account-value').fill(email);
  await options.locator('#add-account-market').selectOption(marketplace);
  const before = (await state()).accounts.length;
  await options.locator('[data-action=add-account]').click();
  await expect.poll(async () => (await state()).accounts.length).toBe(before + 1);
  await options.close();
}

async function listsOf(hintStart: string) {
  const s = await state();
  const ids = s.accounts.filter((a) => a.hint.startsWith(hintStart)).map((a) => a.id);
  return (s.passkeys ?? []).filter((p) => ids.includes(p.accountId));
}

beforeAll(async () => {
  g = await launchGuard({ lang: 'en' });
}, 60_000);
afterAll(async () => {
  await g?.close();
});

describe('passkey watch', () => {
  it('a passkey that appears between two visits of the sign-in page raises passkey-added', async () => {
    await addAccount('owner.taro@example.com', 'amazon.com');
    await g.serve(`${US}/ap/signin**`, 'signin/en-password-passkey-one.html');
    const first = await g.open(`${US}/ap/signin`);
    await g.noBanner(first);
    await first.close();
    await expect.poll(async () => (await listsOf('ow')).map((p) => [p.rpId, p.current.length])).toEqual([['amazon.com', 1]]);
    expect((await state()).alerts).toEqual([]);

    await g.serve(`${US}/ap/signin**`, 'signin/en-password-passkey-two.html');
    const second = await g.open(`${US}/ap/signin`);
    const banner = await g.banner(second);
    expect(banner).toMatchObject({ kind: 'passkey-added', severity: 'danger', count: '1' });
    expect(banner.text).toContain('ow***@e***.com');
    expect(banner.text).toContain('I added this passkey');
    const review = await inBanner<string | null>(second, 'function () { return this.querySelector("a.review")?.getAttribute("href") ?? null; }');
    expect(review).toBe('https://www.amazon.com/ap/cnep');
    await second.close();

    const s = await state();
    const alerts = s.alerts.filter((a) => a.kind === 'passkey-added');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'danger', status: 'open', marketplace: 'amazon.com', hint: 'ow***@e***.com' });
    expect(await g.badge()).toBe('1');
    const stored = JSON.stringify([await g.storage(), await g.session()]);
    for (const clear of [C1, C2, C1.slice(0, 16), 'owner.taro']) expect(stored, clear).not.toContain(clear);
    expect(g.offsiteRequests.filter((u) => !/images-amazon|media-amazon|siege-amazon|fls-na/.test(u))).toEqual([]);
  });

  it("the owner's own passkey set-up, seen in the tab first, makes the new passkey theirs: no alarm", async () => {
    await addAccount('taro.yamada@example.co.jp', 'amazon.co.jp');
    await g.serve(`${JP}/ap/signin**`, 'signin/ja-password-passkey-one.html');
    await g.serve(`${JP}/ap/cnep**`, 'account/ja-login-security.html');
    const page: Page = await g.open(`${JP}/ap/signin`);
    await g.noBanner(page);
    await expect.poll(async () => (await listsOf('ta')).map((p) => p.current.length)).toEqual([1]);

    // Login & Security: the passkey row's "Set up" (a trusted click; the form posts back to /ap/cnep).
    await page.goto(`${JP}/ap/cnep`, { waitUntil: 'domcontentloaded' });
    await page.locator('#auth-cnep-add-passkey-button').waitFor();
    await page.waitForTimeout(500);
    // Keyboard activation: without Amazon's stylesheets the row's label overlaps the button for a pointer click.
    await page.focus('#auth-cnep-add-passkey-button');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().startsWith(`${JP}/ap/cnep`));
    const navigated = page.waitForNavigation({ waitUntil: 'load' });
    await page.keyboard.press('Enter');
    await posted;
    await navigated;
    await expect.poll(async () => JSON.stringify(await g.session())).toContain('"field":"passkeys"');

    // Back to sign-in in the same tab: the list has the passkey the owner just set up.
    await g.serve(`${JP}/ap/signin**`, 'signin/ja-password-passkey-two.html');
    await page.goto(`${JP}/ap/signin`, { waitUntil: 'domcontentloaded' });
    await g.noBanner(page);
    await expect.poll(async () => (await listsOf('ta')).map((p) => [p.current.length, p.accepted.length])).toEqual([[2, 2]]);
    const s = await state();
    const jp = (await listsOf('ta'))[0]!;
    expect(s.alerts.filter((a) => a.subjectId.startsWith(jp.accountId))).toEqual([]);
    await page.close();

    // The options page shows both accounts as having a passkey.
    const options = await g.extensionPage('src/options/index.html');
    await options.locator('[data-hygiene=passkey]').first().waitFor();
    expect(await options.locator('[data-hygiene=passkey]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))).toEqual(['yes', 'yes']);
    await options.close();
  });
});
