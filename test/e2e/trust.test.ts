// The trust rules in real Chromium (README "Trust rules"): an account becomes
// the owner's only when they add it, type it, or sign in to it with a password
// that Amazon accepts; a page showing an account — prefilled field, switcher,
// first sign-in after install — never makes it theirs; page scripts cannot
// type, submit or press the banner's buttons for the person; a tab may only
// answer the alerts its own banner showed.

import { afterEach, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { clickBanner, fixture, launchGuard, type Guard } from './harness';

const COM = 'https://www.amazon.com';
const SIGNIN = `${COM}/ap/signin?openid.return_to=https%3A%2F%2Fwww.amazon.com%2F&openid.mode=checkid_setup`;
const OWNER = 'owner.taro@example.com';
const ATTACKER = 'h1jack3r@mail-box.example.net';
const ATTACKER_HINT = 'h1***@m***.net';
const OWNER_HINT = 'ow***@e***.com';
const HOME = `${COM}/?ref_=nav_signin`;

interface StateLike {
  accounts: { id: string; hint: string; origin: string; confirmed: boolean }[];
  alerts: { id: string; kind: string; status: string; hint: string }[];
}
const stateOf = async (g: Guard) => (await g.state()) as unknown as StateLike;

/** The email step, Amazon having prefilled the attacker's address. */
const prefilledAttacker = () => fixture('signin/en-email-step-prefilled.html').replaceAll(OWNER, ATTACKER);
const passwordStep = (email: string) => fixture('signin/en-password-email.html').replaceAll(OWNER, email);
const HOME_HTML = '<!doctype html><html><head><title>Amazon.com</title></head><body><div id="nav-main">Hello, Taro</div></body></html>';

/**
 * Amazon's sign-in flow, served: GET /ap/signin shows `first`; a POST without
 * a password (Continue on the email step) shows the password step for the
 * account posted; a POST with a password either redirects home (accepted) or
 * shows the password step again (refused).
 */
async function serveFlow(g: Guard, first: string, opts: { passwordAccepted: boolean }) {
  await g.context.route(`${COM}/ap/signin**`, async (route: Route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.fulfill({ status: 200, body: first, headers: { 'content-type': 'text/html; charset=utf-8' } });
    const form = new URLSearchParams(req.postData() ?? '');
    const email = form.get('email') ?? '';
    if (form.get('password')) {
      // Accepted: on to the page the sign-in was for (a refresh: the harness's routes do not see a fulfilled redirect's target).
      if (opts.passwordAccepted) return route.fulfill({ status: 200, body: `<!doctype html><meta http-equiv="refresh" content="0;url=${HOME}">`, headers: { 'content-type': 'text/html; charset=utf-8' } });
      return route.fulfill({ status: 200, body: passwordStep(email), headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
    return route.fulfill({ status: 200, body: passwordStep(email), headers: { 'content-type': 'text/html; charset=utf-8' } });
  });
  await g.serve(/^https:\/\/www\.amazon\.com\/\?ref_=nav_signin$/, { html: HOME_HTML });
}

/** Run a script in the page's own (main) world, as an ad or a compromised page would. */
const pageScript = <T>(page: Page, fn: () => T | Promise<T>) => page.evaluate(fn);

let g: Guard | null = null;
afterEach(async () => {
  await g?.close();
  g = null;
});

describe('trust rules: typing means typing', () => {
  it('a prefilled unfamiliar address + Continue: the warning holds through the password step and later visits', async () => {
    g = await launchGuard({ lang: 'en' });
    await g.addAccount(OWNER, 'amazon.com');
    await serveFlow(g, prefilledAttacker(), { passwordAccepted: false });
    const page = await g.open(SIGNIN);
    const onEmail = await g.banner(page);
    expect(onEmail).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning' });
    expect(onEmail.text).toContain(ATTACKER_HINT);

    // The owner presses Continue, typing nothing (a real click).
    await Promise.all([page.waitForURL(`${COM}/ap/signin`), page.click('#continue')]);
    await page.locator('#ap_password').waitFor();
    const onPassword = await g.banner(page);
    expect(onPassword).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning' });
    expect(onPassword.text).toContain(ATTACKER_HINT);
    let state = await stateOf(g);
    expect(state.accounts.map((a) => a.hint)).toEqual([OWNER_HINT]);
    expect(state.alerts).toEqual([expect.objectContaining({ kind: 'unfamiliar-account', status: 'open', hint: ATTACKER_HINT })]);

    // Later visits: still a stranger.
    await page.close();
    const later = await g.open(SIGNIN);
    expect((await g.banner(later)).kind).toBe('unfamiliar-account');
    state = await stateOf(g);
    expect(state.accounts).toHaveLength(1);
    expect(state.alerts.filter((a) => a.status === 'open')).toHaveLength(1);
    expect(await g.badge()).toBe('1');
  });

  it('what the person really types on the email step is theirs (trusted keystrokes)', async () => {
    g = await launchGuard({ lang: 'en' });
    await g.addAccount(OWNER, 'amazon.com');
    await serveFlow(g, fixture('signin/en-email-step.html'), { passwordAccepted: false });
    const page = await g.open(SIGNIN);
    await page.locator('#ap_email').click();
    await page.keyboard.type('new.me@example.org');
    await Promise.all([page.waitForURL(`${COM}/ap/signin`), page.click('#continue')]);
    expect((await g.banner(page)).kind).toBe('remembered');
    const state = await stateOf(g);
    expect(state.accounts).toContainEqual(expect.objectContaining({ hint: 'ne***@e***.org', origin: 'typed', confirmed: true }));
    expect(state.alerts).toEqual([]);
  });
});

describe('trust rules: page scripts change nothing', () => {
  it('a script setting the field, dispatching input/change and calling requestSubmit() types nothing', async () => {
    g = await launchGuard({ lang: 'en' });
    await g.addAccount(OWNER, 'amazon.com');
    await serveFlow(g, fixture('signin/en-email-step.html'), { passwordAccepted: false });
    const page = await g.open(SIGNIN);
    await page.locator('#ap_email').waitFor();
    await Promise.all([
      page.waitForURL(`${COM}/ap/signin`),
      pageScript(page, () => {
        const input = document.querySelector<HTMLInputElement>('#ap_email')!;
        input.focus();
        input.value = 'h1jack3r@mail-box.example.net';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        input.form!.requestSubmit();
      }),
    ]);
    await page.locator('#ap_password').waitFor();
    const banner = await g.banner(page);
    expect(banner).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning' });
    expect(banner.text).toContain(ATTACKER_HINT);
    const state = await stateOf(g);
    expect(state.accounts.map((a) => a.hint)).toEqual([OWNER_HINT]);
  });

  it('a script cannot reach or press the banner buttons; a synthetic click on the host does nothing; a person can', async () => {
    g = await launchGuard({ lang: 'en' });
    await g.addAccount(OWNER, 'amazon.com');
    await g.serve(`${COM}/ap/signin**`, 'signin/en-password-attacker.html');
    const page = await g.open(SIGNIN);
    expect((await g.banner(page)).kind).toBe('unfamiliar-account');

    const seen = await pageScript(page, () => {
      const host = document.querySelector<HTMLElement>('[data-account-guard="banner"]')!;
      const out = {
        shadowRoot: host.shadowRoot !== null,
        attrs: [host.getAttribute('data-kind'), host.getAttribute('data-severity')],
        buttonsInPage: document.querySelectorAll('[data-account-guard] button').length,
        attachAgain: 'no error',
      };
      host.shadowRoot?.querySelector('button')?.click();
      try {
        host.attachShadow({ mode: 'open' });
      } catch (e) {
        out.attachAgain = String((e as Error).name);
      }
      // Clicks and keys at the host reach the closed root's buttons only as untrusted events.
      const r = host.getBoundingClientRect();
      for (const type of ['mousedown', 'mouseup', 'click']) {
        host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: r.left + 40, clientY: r.top + 20 }));
      }
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      return out;
    });
    expect(seen).toEqual({ shadowRoot: false, attrs: ['unfamiliar-account', 'warning'], buttonsInPage: 0, attachAgain: 'NotSupportedError' });
    await page.waitForTimeout(500);
    let state = await stateOf(g);
    expect(state.alerts[0]).toMatchObject({ status: 'open' });
    expect(state.accounts).toHaveLength(1);
    expect(await page.locator('[data-account-guard="banner"]').count()).toBe(1);

    // The person's own clicks: "this is my address", then the confirmation.
    await clickBanner(page, 'This is my address');
    expect((await stateOf(g)).alerts[0]!.status).toBe('open');
    await clickBanner(page, 'Yes, it is mine');
    await expect.poll(async () => (await stateOf(g!)).alerts[0]?.status).toBe('trusted');
    state = await stateOf(g);
    expect(state.accounts.map((a) => a.hint).sort()).toEqual([ATTACKER_HINT, OWNER_HINT]);
  });
});

describe('trust rules: learn from evidence', () => {
  it('first install, first sign-in page shows a prefilled stranger: warned, nothing learned, the popup asks for the owner’s account', async () => {
    g = await launchGuard({ lang: 'en' });
    await expect.poll(() => g!.badge()).toBe('+');
    await serveFlow(g, prefilledAttacker(), { passwordAccepted: false });
    const page = await g.open(SIGNIN);
    expect(await g.banner(page)).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning' });
    await Promise.all([page.waitForURL(`${COM}/ap/signin`), page.click('#continue')]);
    await page.locator('#ap_password').waitFor();
    expect((await g.banner(page)).kind).toBe('unfamiliar-account');
    const state = await stateOf(g);
    expect(state.accounts).toEqual([]);
    expect(state.alerts.filter((a) => a.status === 'open')).toHaveLength(1);

    const popup = await g.extensionPage('src/popup/index.html');
    const prompt = popup.locator('[data-prompt=add-account]');
    await prompt.waitFor();
    expect(await prompt.innerText()).toContain('Add your account');
    expect(await prompt.locator('a').getAttribute('href')).toBe(`chrome-extension://${g.extensionId}/src/options/index.html#add-account-value`);
  });

  it('a proven sign-in (password accepted, next page outside the sign-in flow) makes the account known, unconfirmed until the owner confirms', async () => {
    g = await launchGuard({ lang: 'en' });
    await serveFlow(g, passwordStep(OWNER), { passwordAccepted: true });
    const page = await g.open(SIGNIN);
    // Nothing known yet: even the owner's own account is warned about until proven.
    expect((await g.banner(page)).kind).toBe('unfamiliar-account');
    await page.fill('#ap_password', 'correct horse battery staple');
    await Promise.all([page.waitForURL(HOME), page.click('#signInSubmit')]);
    await expect.poll(async () => (await stateOf(g!)).accounts.length, { timeout: 10_000 }).toBe(1);
    const state = await stateOf(g);
    expect(state.accounts[0]).toMatchObject({ hint: OWNER_HINT, origin: 'signed-in', confirmed: false });
    // The password never reached storage.
    const dump = JSON.stringify([await g.storage(), await g.session()]);
    expect(dump).not.toContain('correct horse');
    expect(dump.toLowerCase()).not.toContain(OWNER);

    // Known from now on: the next sign-in page is quiet; the popup shows it unconfirmed with confirm/remove.
    const again = await g.open(SIGNIN);
    await g.noBanner(again);
    const popup = await g.extensionPage('src/popup/index.html');
    const row = popup.locator(`[data-account-id="${state.accounts[0]!.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-confirmed')).toBe('false');
    expect(await row.innerText()).toContain('not confirmed');
    await row.locator('[data-action=confirm]').click();
    await expect.poll(async () => (await stateOf(g!)).accounts[0]?.confirmed).toBe(true);
  });

  it('a refused password proves nothing, even if the tab then goes to an Amazon page', async () => {
    g = await launchGuard({ lang: 'en' });
    await serveFlow(g, passwordStep(ATTACKER), { passwordAccepted: false });
    const page = await g.open(SIGNIN);
    await g.banner(page);
    await page.fill('#ap_password', 'guess');
    await Promise.all([page.waitForURL(`${COM}/ap/signin`), page.click('#signInSubmit')]);
    await page.locator('#ap_password').waitFor();
    await g.banner(page);
    await page.goto(HOME);
    await page.waitForTimeout(1000);
    expect((await stateOf(g)).accounts).toEqual([]);
  });

  it('a script-made submit (requestSubmit) is no sign-in attempt', async () => {
    g = await launchGuard({ lang: 'en' });
    await serveFlow(g, passwordStep(ATTACKER), { passwordAccepted: true });
    const page = await g.open(SIGNIN);
    await g.banner(page);
    await Promise.all([
      page.waitForURL(HOME),
      pageScript(page, () => {
        const p = document.querySelector<HTMLInputElement>('#ap_password')!;
        p.value = 'planted';
        p.form!.requestSubmit();
      }),
    ]);
    await page.waitForTimeout(1000);
    expect((await stateOf(g)).accounts).toEqual([]);
  });
});

describe('trust rules: a tab answers only the alerts it was shown', () => {
  it('an alert action from a tab for an alert id not offered to that tab is refused; its own alert is accepted', async () => {
    g = await launchGuard({ lang: 'en' });
    await g.addAccount(OWNER, 'amazon.com');
    // Tab A is shown the attacker's alert.
    await g.serve(new RegExp('/ap/signin\\?tab=a$'), { html: passwordStep(ATTACKER) });
    await g.serve(new RegExp('/ap/signin\\?tab=b$'), { html: passwordStep('second.stranger@elsewhere.example') });
    const a = await g.open(`${COM}/ap/signin?tab=a`);
    await g.banner(a);
    const b = await g.open(`${COM}/ap/signin?tab=b`);
    await g.banner(b);
    const alerts = (await stateOf(g)).alerts;
    const alertA = alerts.find((x) => x.hint === ATTACKER_HINT)!;
    const alertB = alerts.find((x) => x.hint !== ATTACKER_HINT)!;

    // From tab B's content-script world (as a compromised content context would): B's alert only.
    const cdp = await g.context.newCDPSession(b);
    const contexts: { id: number; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; auxData?: { type?: string } } }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated')).toBe(true);
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated')!;
    const send = async (message: unknown) =>
      (
        (await cdp.send('Runtime.evaluate', {
          contextId: isolated.id,
          awaitPromise: true,
          returnByValue: true,
          expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
        })) as { result: { value: { ok: boolean; error?: string } } }
      ).result.value;

    const refused = await send({ type: 'alert-action', alertIds: [alertA.id], action: 'trust' });
    expect(refused).toEqual({ ok: false, error: 'alert not offered to this tab' });
    const mixed = await send({ type: 'alert-action', alertIds: [alertB.id, alertA.id], action: 'dismiss' });
    expect(mixed.ok).toBe(false);
    let state = await stateOf(g);
    expect(state.alerts.every((x) => x.status === 'open')).toBe(true);
    expect(state.accounts).toHaveLength(1);

    const own = await send({ type: 'alert-action', alertIds: [alertB.id], action: 'dismiss' });
    expect(own).toEqual({ ok: true });
    state = await stateOf(g);
    expect(state.alerts.find((x) => x.id === alertB.id)!.status).toBe('dismissed');
    expect(state.alerts.find((x) => x.id === alertA.id)!.status).toBe('open');
    await cdp.detach();

    // The popup still acts on any alert.
    const popup = await g.extensionPage('src/popup/index.html');
    await popup.locator(`[data-alert-id="${alertA.id}"] [data-action=dismiss]`).click();
    await expect.poll(async () => (await stateOf(g!)).alerts.find((x) => x.id === alertA.id)?.status).toBe('dismissed');
  });
});
