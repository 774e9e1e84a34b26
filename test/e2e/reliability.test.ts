// Reliability, security and privacy of the built extension in real Chromium:
// many tabs at once, the worker stopped mid-way, old and corrupt stored
// state, spoofed messages from pages and other extensions, and a privacy run
// over every fixture page (no request leaves, nothing stored in clear).

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { joinStateItems, loadState } from '../../src/core/state';
import { SCHEMA_VERSION } from '../../src/core/types';
import { fixture, FIXTURES, launchGuard, type Guard } from './harness';

const COM = 'https://www.amazon.com';
const JP = 'https://www.amazon.co.jp';
const SIGNIN = `${COM}/ap/signin?openid.return_to=https%3A%2F%2Fwww.amazon.com%2F&openid.mode=checkid_setup`;
const OWNER = 'owner.taro@example.com';
const V1 = JSON.parse(readFileSync('test/fixtures/state/v1.json', 'utf8')) as Record<string, unknown>;

interface StateLike {
  schemaVersion: number;
  accounts: { id: string; hint: string }[];
  alerts: { kind: string; status: string; hint: string; subjectId: string }[];
  notices: { kind: string; setAsideKey: string | null }[];
}
const stateOf = async (g: Guard) => (await g.state()) as unknown as StateLike;

/** The owner's password step with another account in place of the owner's. */
const signinShowing = (email: string) => fixture('signin/en-password-email.html').replaceAll(OWNER, email);
/** Distinct accounts whose masked hints differ too (aa***@…, bb***@…). */
const stranger = (i: number) => `${String.fromCharCode(97 + i).repeat(2)}.intruder${i}@mail${i}.example.net`;
const strangerUrl = (i: number) => `${COM}/ap/signin?openid.mode=checkid_setup&tab=${i}`;
const serveStranger = (g: Guard, i: number) => g.serve(new RegExp(`/ap/signin\\?openid\\.mode=checkid_setup&tab=${i}$`), { html: signinShowing(stranger(i)) });

/** The owner adds their account (trust rules: no sign-in page teaches it by being first), then their sign-in page is quiet. */
async function seedOwner(g: Guard) {
  await g.addAccount(OWNER, 'amazon.com');
  await g.serve(`${COM}/ap/signin?openid.return_to=**`, 'signin/en-password-email.html');
  const page = await g.open(SIGNIN);
  await g.noBanner(page);
  await page.close();
}

let g: Guard | null = null;
const temps: string[] = [];
afterEach(async () => {
  await g?.close();
  g = null;
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('concurrency', () => {
  it('20 tabs showing 20 unknown accounts at the same moment: 20 open alerts, none lost, no duplicates', async () => {
    g = await launchGuard();
    await seedOwner(g);
    for (let i = 0; i < 20; i++) await serveStranger(g, i);
    const pages = await Promise.all(Array.from({ length: 20 }, () => g!.context.newPage()));
    await Promise.all(pages.map((p, i) => p.goto(strangerUrl(i), { waitUntil: 'domcontentloaded' })));
    const banners = await Promise.all(pages.map((p) => g!.banner(p, 20_000)));
    banners.forEach((b, i) => {
      expect(b.kind, `tab ${i}`).toBe('unfamiliar-account');
      expect(b.text, `tab ${i}`).toContain(`${String.fromCharCode(97 + i).repeat(2)}***@m***.net`);
    });
    const state = await stateOf(g);
    expect(loadState(state).kind).toBe('ok');
    const open = state.alerts.filter((a) => a.kind === 'unfamiliar-account' && a.status === 'open');
    expect(open).toHaveLength(20);
    expect(new Set(open.map((a) => a.subjectId)).size).toBe(20);
    expect(new Set(open.map((a) => a.hint))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => `${String.fromCharCode(97 + i).repeat(2)}***@m***.net`)));
    expect(state.accounts).toHaveLength(1);
    expect(await g.badge()).toBe('20');

    // The same 20 again: counted on the existing alerts, not duplicated.
    await Promise.all(pages.map((p) => p.reload({ waitUntil: 'domcontentloaded' })));
    await Promise.all(pages.map((p) => g!.banner(p, 20_000)));
    const again = await stateOf(g);
    expect(again.alerts.filter((a) => a.kind === 'unfamiliar-account')).toHaveLength(20);
  });
});

describe('worker stopped mid-way', () => {
  it('stopped while observations are being handled, and between writes: state stays valid and the next observation is judged correctly', async () => {
    g = await launchGuard();
    await seedOwner(g);
    for (let i = 0; i < 12; i++) await serveStranger(g, i);

    // During: six tabs report, and the worker is stopped while they are handled.
    const pages = await Promise.all(Array.from({ length: 6 }, () => g!.context.newPage()));
    const loads = pages.map((p, i) => p.goto(strangerUrl(i), { waitUntil: 'domcontentloaded' }).catch(() => undefined));
    await new Promise((r) => setTimeout(r, 150));
    await g.stopWorker();
    await Promise.all(loads);
    let state = await stateOf(g);
    expect(loadState(state).kind).toBe('ok');
    expect(state.accounts.map((a) => a.hint)).toEqual(['ow***@e***.com']);
    const during = state.alerts.filter((a) => a.kind === 'unfamiliar-account');
    expect(new Set(during.map((a) => a.subjectId)).size).toBe(during.length);
    for (const p of pages) await p.close();

    // Between: observe, stop, observe, stop …: every finding is kept.
    for (let i = 6; i < 9; i++) {
      const page = await g.open(strangerUrl(i));
      expect((await g.banner(page)).kind).toBe('unfamiliar-account');
      await page.close();
      await g.stopWorker();
    }
    state = await stateOf(g);
    expect(loadState(state).kind).toBe('ok');
    const hints = state.alerts.map((a) => a.hint);
    for (let i = 6; i < 9; i++) expect(hints).toContain(`${String.fromCharCode(97 + i).repeat(2)}***@m***.net`);

    // Judged correctly afterwards: the owner is still known, a stranger is still a stranger.
    await g.stopWorker();
    const owner = await g.open(SIGNIN);
    await g.noBanner(owner);
    const next = await g.open(strangerUrl(11));
    expect(await g.banner(next)).toMatchObject({ kind: 'unfamiliar-account', severity: 'warning' });
    state = await stateOf(g);
    expect(loadState(state).kind).toBe('ok');
    expect(state.accounts).toHaveLength(1);
    expect(new Set(state.alerts.map((a) => a.subjectId)).size).toBe(state.alerts.length);
  });
});

describe('old and corrupt stored state', () => {
  async function popupNotice(guard: Guard, kind: string): Promise<Page> {
    const popup = await guard.extensionPage('src/popup/index.html');
    await popup.locator(`[data-notice="${kind}"]`).waitFor({ state: 'visible', timeout: 10_000 });
    return popup;
  }

  it('a version 1 state migrates on the next start, and the popup says so', async () => {
    g = await launchGuard();
    await g.setStorage({ state: V1 });
    await g.stopWorker();
    const popup = await popupNotice(g, 'state-migrated');
    const text = await popup.locator('body').innerText();
    expect(text).toContain('ow***@e***.com');
    expect(text).toContain('h1***@m***.net');
    const state = await stateOf(g);
    expect(state.schemaVersion).toBe(SCHEMA_VERSION);
    expect(Object.keys(await g.storage())).not.toContain('state'); // the single legacy key is gone
    expect(loadState(state).kind).toBe('ok');
    expect(state.accounts.map((a) => a.id)).toEqual(['a1b2c3d4e5f6', '0f1e2d3c4b5a']);
    expect(Object.keys(await g.storage()).filter((k) => k.startsWith('state.corrupt.'))).toEqual([]);
  });

  const CORRUPT: [string, unknown][] = [
    ['a truncated JSON string', JSON.stringify({ ...V1, schemaVersion: 2 }).slice(0, 120)],
    ['fields of the wrong type', { ...V1, schemaVersion: 2, accounts: 'none', alerts: [{ id: 7 }] }],
    ['an unknown version 99', { ...V1, schemaVersion: 99 }],
  ];
  for (const [name, raw] of CORRUPT) {
    it(`${name} is set aside with a notice; the worker and the popup keep working`, async () => {
      g = await launchGuard();
      await g.setStorage({ state: raw });
      await g.stopWorker();
      const popup = await popupNotice(g, 'state-reset');
      await expect.poll(() => popup.locator('h1').count()).toBeGreaterThan(0);
      const stored = await g.storage();
      const setAside = Object.keys(stored).filter((k) => k.startsWith('state.corrupt.'));
      expect(setAside).toHaveLength(1);
      expect(stored[setAside[0]!]).toEqual(raw);
      expect(loadState(joinStateItems(stored)).kind).toBe('ok');
      // The worker answers and judges again from a fresh start.
      await seedOwner(g);
      expect((await stateOf(g)).accounts).toHaveLength(1);
    });
  }
});

describe('spoofed messages', () => {
  it('a web page on an Amazon host cannot message the extension', async () => {
    g = await launchGuard();
    await g.serve(`${JP}/gp/help/customer/display.html`, { html: '<!DOCTYPE html><html><body><p>help</p></body></html>' });
    const page = await g.open(`${JP}/gp/help/customer/display.html`);
    const outcome = await page.evaluate(async (id) => {
      const rt = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
      if (!rt?.sendMessage) return { reached: false, why: 'no chrome.runtime.sendMessage in a web page' };
      try {
        const reply = await rt.sendMessage(id, { type: 'get-state' });
        return { reached: reply !== undefined, reply };
      } catch (e) {
        return { reached: false, why: String(e) };
      }
    }, g.extensionId);
    expect(outcome.reached, JSON.stringify(outcome)).toBe(false);
  });

  it('another extension gets no state back', async () => {
    // A tiny extension generated for the test, whose worker tries to reach ours.
    const dir = mkdtempSync(join(tmpdir(), 'spoof-extension-'));
    temps.push(dir);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'spoof', version: '1.0', background: { service_worker: 'spoof-worker.js' } }));
    writeFileSync(
      join(dir, 'spoof-worker.js'),
      `self.spoof = async (id) => {
        const out = {};
        try { out.reply = await chrome.runtime.sendMessage(id, { type: 'get-state' }); } catch (e) { out.error = String(e); }
        try {
          out.port = await new Promise((resolve) => {
            const port = chrome.runtime.connect(id);
            port.onMessage.addListener((m) => resolve({ message: m }));
            port.onDisconnect.addListener(() => resolve({ disconnected: String(chrome.runtime.lastError?.message) }));
            port.postMessage({ type: 'get-state' });
          });
        } catch (e) { out.portError = String(e); }
        return out;
      };`,
    );
    g = await launchGuard({ extraExtensions: [dir] });
    const isSpoof = (w: { url(): string }) => w.url().endsWith('/spoof-worker.js');
    const spoof = g.context.serviceWorkers().find(isSpoof) ?? (await g.context.waitForEvent('serviceworker', { predicate: isSpoof, timeout: 15_000 }));
    expect(new URL(spoof.url()).host).not.toBe(g.extensionId);
    const outcome = (await spoof.evaluate((id) => (self as unknown as { spoof(id: string): Promise<unknown> }).spoof(id), g.extensionId)) as {
      reply?: unknown;
      error?: string;
      port?: { message?: unknown };
    };
    expect(outcome.reply, JSON.stringify(outcome)).toBeUndefined();
    expect(outcome.error).toMatch(/Receiving end does not exist|Could not establish connection/);
    expect(outcome.port?.message).toBeUndefined();
    expect(JSON.stringify(outcome)).not.toContain('schemaVersion');
  });

  it('a malformed message from the content script world is refused with a logged reason', async () => {
    g = await launchGuard();
    const worker = await g.worker();
    const warnings: string[] = [];
    worker.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await g.addAccount(OWNER, 'amazon.com');
    await g.serve(`${COM}/ap/signin?openid.return_to=**`, 'signin/en-password-email.html');
    const page = await g.open(SIGNIN);
    await g.noBanner(page);
    // Evaluate in the content script's isolated world, where chrome.runtime is ours.
    const cdp = await g.context.newCDPSession(page);
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated')).toBe(true);
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated')!;
    const send = async (message: unknown) =>
      (
        await cdp.send('Runtime.evaluate', {
          contextId: isolated.id,
          awaitPromise: true,
          returnByValue: true,
          expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
        })
      ).result.value as { ok: boolean; error?: string };

    const malformed = [
      { type: 'observe', observation: { page: 'signin-claim', source: 'password-step', accounts: [] } },
      { type: 'observe', observation: { page: 'signin-claim', source: 'nowhere', accounts: [{ kind: 'email', value: 'a@b.co' }] } },
      { type: 'get-state' },
      { type: 'observe', observation: { page: 'inventory', ui: 'classic', seller: null, marketplaceId: null, rows: [{ sku: '<img src=x>' }] } },
      'not an object',
    ];
    for (const m of malformed) {
      const reply = await send(m);
      expect(reply.ok, JSON.stringify(m)).toBe(false);
      expect(reply.error).toMatch(/\w/);
    }
    await expect.poll(() => warnings.filter((w) => w.includes('message refused')).length).toBeGreaterThanOrEqual(malformed.length);
    expect(warnings.join('\n')).toContain('malformed observation');
    expect(warnings.join('\n')).toContain('type not allowed from a content script: get-state');
    // Nothing was stored from them.
    const state = await stateOf(g);
    expect(state.alerts).toEqual([]);
    expect(state.accounts).toHaveLength(1);
    await cdp.detach();
  });
});

// ------------------------------------------------------------------ privacy

/** Every fixture page under test/fixtures, with a plausible real URL for its folder and name. */
function fixturePages(): { file: string; url: string }[] {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
  return files(FIXTURES)
    .map((f) => relative(FIXTURES, f).split('\\').join('/'))
    .sort()
    .map((file) => ({ file, url: urlFor(file) }));
}

function urlFor(file: string): string {
  const [folder, name = ''] = file.split('/');
  const ja = name.startsWith('ja-');
  const retail = ja ? JP : COM;
  const seller = ja ? 'https://sellercentral.amazon.co.jp' : 'https://sellercentral.amazon.com';
  if (folder === 'signin') {
    if (name.includes('not-signin')) return `${retail}/dp/B0EXAMPLE01`;
    if (name.includes('unified-claim')) return `${retail}/ax/claim/signin?policy_handle=Retail-Checkout`;
    return `${retail}/ap/signin?openid.mode=checkid_setup`;
  }
  if (folder === 'inventory') {
    if (name.includes('upload-status')) return `${seller}/listing/status?ref=ag_invfile_xx`;
    if (name.includes('current')) return `${seller}/myinventory/inventory?fulfilledBy=all&page=1`;
    return `${seller}/inventory/ref=xx_invmgr_dnav_xx`;
  }
  if (folder === 'account') {
    const table: [RegExp, string][] = [
      [/login-security-edit-email/, `${retail}/ap/cnep?appAction=EDIT_EMAIL`],
      [/login-security-edit-password/, `${retail}/ap/cnep?appAction=EDIT_PASSWORD`],
      [/login-security/, `${retail}/ap/cnep?ref_=ya_d_l_login_security`],
      [/addresses-add/, `${retail}/a/addresses/add`],
      [/addresses/, `${retail}/a/addresses?ref_=ya_d_l_addr`],
      [/two-step/, `${retail}/a/settings/approval?ref_=ax_am_landing_change_settings`],
      [/orders/, `${retail}/your-orders/orders?ref_=ya_d_l_order`],
      [/seller-profile/, `${seller}/sw/AccountInfo/SellerProfile/step/SellerProfile`],
      [/seller-deposit/, `${seller}/sw/AccountInfo/DepositMethodView/step/DepositMethodView`],
      [/seller-notifications/, `${seller}/notifications/preferences/ref=xx_notifpref_dnav_xx`],
      [/seller-users/, `${seller}/gp/account-manager/home.html`],
      [/broken/, `${retail}/ap/cnep?ref_=ya_d_l_login_security`],
    ];
    return table.find(([re]) => re.test(name))?.[1] ?? `${retail}/gp/css/homepage.html`;
  }
  return `${retail}/${folder}/${name}`;
}

/** Personal data that appears in clear in the fixtures: emails, phone numbers, postcodes, street lines, bank digits. */
function personalData(): string[] {
  const found = new Set<string>();
  for (const { file } of fixturePages()) {
    const html = readFileSync(join(FIXTURES, file), 'utf8');
    const text = html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, '\n').replace(/&amp;/g, '&');
    for (const m of html.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g)) found.add(m[0].toLowerCase());
    // Phone numbers as shown (+1 206-555-0143, 090-1234-5678) and as digits.
    for (const m of text.matchAll(/(?:\+\d{1,3}[\s-]?)?\(?\d{2,4}\)?[\s-]\d{2,4}[\s-]\d{3,4}\b/g)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length >= 9) {
        found.add(m[0].trim());
        found.add(digits);
      }
    }
    for (const m of html.matchAll(/value="(\+?\d{10,13})"/g)) found.add(m[1]!);
    // Postcodes: 〒150-0041, WA 98109-5210.
    for (const m of text.matchAll(/(?<![\d-])(\d{3}-\d{4})(?![\d-])/g)) found.add(m[1]!);
    for (const m of text.matchAll(/\b[A-Z]{2},? (\d{5}(?:-\d{4})?)\b/g)) found.add(m[1]!);
    // Street lines: "410 Terry Ave N", "神南1-2-3".
    for (const m of text.matchAll(/\b\d{1,5} [A-Z][a-z]+ (?:Ave|Avenue|St|Street|Rd|Road|Blvd|Dr|Drive|Lane|Way)\b/g)) found.add(m[0]);
    for (const m of text.matchAll(/[\u4e00-\u9fff]{1,6}\d{1,4}-\d{1,4}(?:-\d{1,4})?/g)) found.add(m[0]);
    // Bank: IBANs and long account numbers on deposit pages (the pages themselves show only endings).
    for (const m of text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}\b/g)) found.add(m[0].replace(/ /g, ''));
    if (/deposit/.test(file)) for (const m of text.matchAll(/\b\d{6,}\b/g)) found.add(m[0]);
  }
  return [...found];
}

describe('privacy', () => {
  it('visiting every fixture page at its real URL: no request from the extension, nothing personal stored in clear', { timeout: 240_000 }, async () => {
    const pages = fixturePages();
    expect(pages.length).toBeGreaterThan(20);
    const secrets = personalData();
    expect(secrets).toEqual(expect.arrayContaining([OWNER, 'h1jack3r@mail-box.example.net', '+1 206-555-0143', '12065550143']));
    // The collectors find each kind the account pages show: postcodes and street lines too.
    expect(secrets.some((x) => /^\d{3}-\d{4}$|^\d{5}(-\d{4})?$/.test(x))).toBe(true);
    expect(secrets.some((x) => /[A-Za-z\u4e00-\u9fff]/.test(x) && /\d/.test(x) && !x.includes('@'))).toBe(true);
    console.info(`privacy: ${pages.length} pages, ${secrets.length} personal strings: ${secrets.join(' | ')}`);

    g = await launchGuard({ lang: 'ja' });
    for (const { file, url } of pages) {
      // The latest route wins: this page's fixture is served at its URL.
      await g.serve(url.split('?')[0]! + '**', file);
      const page = await g.open(url);
      // Let the content script read, report and show whatever it shows.
      await page.waitForTimeout(400);
      await page.close();
    }
    const popup = await g.extensionPage('src/popup/index.html');
    await popup.locator('h1').waitFor();
    await popup.waitForTimeout(500);
    await popup.close();

    expect(g.extensionRequests).toEqual([]);
    const dump = JSON.stringify([await g.storage(), await g.session()]);
    const lower = dump.toLowerCase();
    const leaked = secrets.filter((s) => {
      if (/^\d+$/.test(s)) return new RegExp(`(?<![0-9a-z])${s}(?![0-9a-z])`).test(lower);
      return lower.includes(s.toLowerCase());
    });
    expect(leaked).toEqual([]);
    // The run did store something: the watches saw the pages.
    const state = (await g.state()) as unknown as StateLike;
    expect(state.accounts.length + state.alerts.length).toBeGreaterThan(0);
  });
});
