// The phishing guard in real Chromium. The test build (npm run build:test:
// GRANT_ALL_URLS=1, DIST_DIR=dist-test) holds the optional all-sites
// permission from the start, as if the user had switched the guard on; the
// ordinary build (dist/chrome) does not, and must register nothing.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, launchGuard, type Guard } from './harness';

const TEST_DIST = resolve(process.env.PHISHING_TEST_DIST ?? 'dist-test/chrome');
const KITS = JSON.parse(readFileSync('test/fixtures/phishing/kits/index.json', 'utf8')) as { file: string; url: string }[];
const QUIET = JSON.parse(readFileSync('test/fixtures/phishing/quiet/index.json', 'utf8')) as { file: string; url: string }[];
const PASSWORD = 'Tanuki-Kitsune-2026!';
const JP_SIGNIN = 'https://www.amazon.co.jp/ap/signin?openid.return_to=https%3A%2F%2Fwww.amazon.co.jp%2F';
const HOME = '<!doctype html><html><head><title>Amazon.co.jp</title></head><body><div id="nav-logo">Amazon.co.jp</div><p>ようこそ</p></body></html>';

let g: Guard | null = null;
afterEach(async () => {
  await g?.close();
  g = null;
});

interface WarningInfo {
  guard: string | null;
  kind: string | null;
  text: string;
  otp: boolean;
}

async function warningOn(page: Page, timeoutMs = 20_000): Promise<WarningInfo> {
  await page.waitForURL(/\/src\/warning\/index\.html\?/, { timeout: timeoutMs });
  await page.locator('main.warning').waitFor();
  return page.evaluate(() => ({
    guard: document.body.getAttribute('data-account-guard'),
    kind: document.body.getAttribute('data-kind'),
    text: document.body.textContent ?? '',
    otp: document.querySelector('[data-otp]') !== null,
  }));
}

async function stillOn(page: Page, url: string, waitMs = 1500): Promise<void> {
  await page.waitForTimeout(waitMs);
  expect(page.url()).toBe(url);
}

const stateOf = async (guard: Guard) => (await guard.state()) as unknown as { alerts: { kind: string; status: string; hint: string; severity: string }[] };

/** Sign in on amazon.co.jp with PASSWORD: the password step, submitted, then Amazon's home page (the proof). */
async function signInOnAmazon(guard: Guard): Promise<void> {
  // Trust rules: the owner's account is added first, so the sign-in page itself raises no unfamiliar-account warning.
  await guard.addAccount('taro.yamada@example.co.jp', 'amazon.co.jp');
  await guard.context.route('https://www.amazon.co.jp/**', (route) => {
    const req = route.request();
    // Amazon answers the password step by sending the browser on to the page it came for.
    if (req.method() === 'POST') return route.fulfill({ status: 200, body: '<meta http-equiv="refresh" content="0;url=https://www.amazon.co.jp/">', headers: { 'content-type': 'text/html' } });
    if (new URL(req.url()).pathname.startsWith('/ap/signin')) return route.fulfill({ status: 200, body: fixture('signin/ja-password-email.html'), headers: { 'content-type': 'text/html; charset=utf-8' } });
    return route.fulfill({ status: 200, body: HOME, headers: { 'content-type': 'text/html; charset=utf-8' } });
  });
  const page = await guard.open(JP_SIGNIN);
  await page.locator('#ap_password').fill('');
  await page.locator('#ap_password').pressSequentially(PASSWORD);
  await Promise.all([page.waitForURL('https://www.amazon.co.jp/', { waitUntil: 'commit' }), page.locator('#signInSubmit').click()]);
  await expect.poll(async () => ((await guard.storage()).phishingGuard as { passwords: unknown[] } | undefined)?.passwords.length ?? 0, { timeout: 10_000 }).toBe(1);
  await page.close();
}

async function expectNoPassword(guard: Guard): Promise<void> {
  const dump = JSON.stringify([await guard.storage(), await guard.session()]);
  expect(dump).not.toContain(PASSWORD);
  expect(dump).not.toContain(PASSWORD.slice(0, 10));
}

describe('phishing guard, permission held (test build)', () => {
  it('registers its content script at start-up and the popup says it is on', async () => {
    g = await launchGuard({ dist: TEST_DIST });
    const scripts = await (await g.worker()).evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts).toEqual([expect.objectContaining({ id: 'account-guard-phishing', runAt: 'document_start', js: ['src/content/phishing-guard.js'] })]);
    expect(scripts[0]!.excludeMatches).toEqual(expect.arrayContaining(['*://*.amazon.co.jp/*', '*://*.amazon.com/*']));
    const popup = await g.extensionPage('src/popup/index.html');
    await expect.poll(() => popup.locator('[data-phishing-guard]').getAttribute('data-phishing-guard')).toBe('on');
  });

  it('warns on sight about look-alike pages built after public kits (saved copies, hand-made, Cyrillic, injected by script)', async () => {
    g = await launchGuard({ dist: TEST_DIST, lang: 'ja' });
    for (const kit of KITS) {
      await g.serve(kit.url, `phishing/kits/${kit.file}`);
      const page = await g.open(kit.url);
      const w = await warningOn(page).catch((e: unknown) => {
        throw new Error(`${kit.file}: no warning (${String(e)})`);
      });
      expect(w, kit.file).toMatchObject({ guard: 'warning', kind: 'lookalike-page' });
      expect(w.text).toContain(new URL(kit.url).hostname);
      await page.close();
    }
    const state = await stateOf(g);
    expect(state.alerts.filter((a) => a.kind === 'phishing' && a.status === 'open')).toHaveLength(KITS.length);
    expect(await g.badge()).toBe(String(KITS.length));
  }, 240_000);

  it('stays quiet on ordinary login pages and on real Amazon pages', async () => {
    g = await launchGuard({ dist: TEST_DIST });
    const pages: Page[] = [];
    for (const q of QUIET) {
      await g.serve(q.url, `phishing/quiet/${q.file}`);
      pages.push(await g.open(q.url));
    }
    await g.serve('https://www.amazon.co.jp/ap/signin**', 'signin/ja-password-email.html');
    await g.serve('https://www.amazon.com/ap/signin**', 'signin/en-email-step.html');
    pages.push(await g.open(JP_SIGNIN), await g.open('https://www.amazon.com/ap/signin?x=1'));
    await pages[0]!.waitForTimeout(1500);
    for (const p of pages) expect(p.url()).not.toContain('/src/warning/');
    expect((await stateOf(g)).alerts.filter((a) => a.kind === 'phishing')).toEqual([]);
  }, 240_000);

  it('after a proven Amazon sign-in, warns when that password is typed on another site (worse with a code), not for another password', async () => {
    g = await launchGuard({ dist: TEST_DIST });
    await signInOnAmazon(g);
    await expectNoPassword(g);

    // Another password on an ordinary site: quiet.
    const forum = 'https://kitchen-notes.example/wp-login.php';
    await g.serve(forum, 'phishing/quiet/wordpress-admin.html');
    let page = await g.open(forum);
    await page.locator('#user_login').pressSequentially('taro');
    await page.locator('#user_pass').pressSequentially('Another-Password-99');
    await stillOn(page, forum);

    // The Amazon password: warned at once, before it is submitted.
    await page.locator('#user_pass').fill('');
    await page.locator('#user_pass').pressSequentially(PASSWORD);
    let w = await warningOn(page);
    expect(w).toMatchObject({ guard: 'warning', kind: 'password-reuse', otp: false });
    expect(w.text).toContain('kitchen-notes.example');
    expect(await page.locator('[data-action="change-password"]').getAttribute('href')).toBe('https://www.amazon.co.jp/ap/cnep');
    let state = await stateOf(g);
    expect(state.alerts.filter((a) => a.kind === 'phishing')).toEqual([expect.objectContaining({ kind: 'phishing', severity: 'danger', status: 'open', hint: 'kitchen-notes.example' })]);
    // The badge counts it (beside whatever the sign-in watch says about the new account).
    expect(Number(await g.badge())).toBe(state.alerts.filter((a) => a.status === 'open').length);

    // "Continue on this site once", then a 6-digit code within a minute: the warning comes back and says so.
    await Promise.all([page.waitForURL(forum), page.locator('[data-action="continue-once"]').click()]);
    await page.locator('#user_login').click();
    await page.keyboard.type('123456');
    w = await warningOn(page);
    expect(w).toMatchObject({ kind: 'password-reuse', otp: true });
    await expectNoPassword(g);
    await page.close();

    // Pasted, on yet another site: warned too.
    const other = 'https://jp.mercari.com/signin';
    await g.serve(other, 'phishing/quiet/mercari.html');
    await g.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://jp.mercari.com' });
    page = await g.open(other);
    await page.locator('#pw').focus();
    await page.evaluate((p) => navigator.clipboard.writeText(p), PASSWORD);
    await page.keyboard.press('Control+V');
    w = await warningOn(page);
    expect(w.kind).toBe('password-reuse');
    await expectNoPassword(g);
  }, 240_000);

  it('"Always allow this site" is stored and the site stays quiet afterwards; "Back to safety" goes to the real Amazon', async () => {
    g = await launchGuard({ dist: TEST_DIST });
    const kit = KITS[0]!;
    await g.serve(kit.url, `phishing/kits/${kit.file}`);
    await g.serve('https://www.amazon.co.jp/', { html: HOME });
    let page = await g.open(kit.url);
    await warningOn(page);
    await Promise.all([page.waitForURL('https://www.amazon.co.jp/'), page.locator('[data-action="back"]').click()]);
    await page.close();

    page = await g.open(kit.url);
    await warningOn(page);
    await Promise.all([page.waitForURL(kit.url), page.locator('[data-action="always-allow"]').click()]);
    expect(((await g.storage()).phishingGuard as { allowed: string[] }).allowed).toContain('account-verify-center.com');
    await page.close();
    page = await g.open(kit.url);
    await stillOn(page, kit.url);
    expect((await stateOf(g)).alerts.filter((a) => a.kind === 'phishing' && a.status === 'open')).toEqual([]);
  });
});

describe('phishing guard, permission not held (ordinary build)', () => {
  it('registers nothing, the popup and options say it is off, and a look-alike is not judged', async () => {
    g = await launchGuard();
    const scripts = await (await g.worker()).evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts).toEqual([]);
    for (const path of ['src/popup/index.html', 'src/options/index.html']) {
      const p = await g.extensionPage(path);
      await expect.poll(() => p.locator('[data-phishing-guard]').getAttribute('data-phishing-guard')).toBe('off');
      expect(await p.locator('[data-action="phishing-on"]').count()).toBe(1);
    }
    const kit = KITS[0]!;
    await g.serve(kit.url, `phishing/kits/${kit.file}`);
    const page = await g.open(kit.url);
    await stillOn(page, kit.url);
  });
});

declare const chrome: {
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; js?: string[]; runAt?: string; excludeMatches?: string[] }[]> };
};
