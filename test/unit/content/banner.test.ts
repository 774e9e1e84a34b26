// @vitest-environment jsdom
// The on-page banner: the README's contract (host attributes, closed shadow
// root), page-derived text only ever as text and marked as quoted page text,
// and the buttons' actions — on trusted clicks only, "this is mine" after a
// second confirmation. jsdom cannot make trusted events, so the tests stand
// in for the browser's isTrusted with `asPerson` where a person clicks.

import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bannerRoot, removeBanner, showBanner as show, type BannerActions } from '../../../src/content/banner';
import { bannerWording, type Translate } from '../../../src/core/banner-wording';
import type { BannerSpec } from '../../../src/core/types';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** chrome.i18n.getMessage over a _locales file: named placeholders, then $1…$9. */
function translator(locale: 'en' | 'ja'): Translate {
  const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
  return (key, subs = []) => {
    const m = messages[key];
    if (!m) return '';
    let text = m.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => m.placeholders?.[name.toLowerCase()]?.content ?? '');
    text = text.replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
    return text;
  };
}

const t = translator('en');
const EVIL = '<img src=x onerror=alert(1)>@evil.example';

const UNFAMILIAR: BannerSpec = { kind: 'unfamiliar-account', severity: 'warning', hints: ['h1***@m***.net'], alertIds: ['alert-1'] };
const REMEMBERED: BannerSpec = { kind: 'remembered', severity: 'info', hints: ['ow***@e***.com'], alertIds: [] };

/** Clicks in these tests are the person's (the browser's isTrusted, stood in for). */
const asPerson = () => true;
/** As a tab shows it: the words chosen and translated (in the background) with the spec. */
const showBanner = (doc: Document, spec: BannerSpec, tr: Translate, actions: BannerActions) => show(doc, spec, bannerWording(spec, tr), actions, asPerson);

function shadow(host: HTMLElement): ShadowRoot {
  // Closed: the page sees no root; only the content script's own world holds it.
  expect(host.shadowRoot).toBeNull();
  const root = bannerRoot(host);
  expect(root).not.toBeNull();
  return root!;
}

function buttons(host: HTMLElement): HTMLButtonElement[] {
  return [...shadow(host).querySelectorAll('button')];
}

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body><div id="amazon">page</div></body>';
});

describe('showBanner', () => {
  it('follows the host contract: data attributes, first in body, closed shadow root', () => {
    const host = showBanner(document, UNFAMILIAR, t, {});
    expect(document.querySelectorAll('[data-account-guard="banner"]')).toHaveLength(1);
    expect(host.tagName).toBe('DIV');
    expect(host.getAttribute('data-account-guard')).toBe('banner');
    expect(host.getAttribute('data-kind')).toBe('unfamiliar-account');
    expect(host.getAttribute('data-severity')).toBe('warning');
    expect(host.hasAttribute('data-count')).toBe(false);
    expect(document.body.firstElementChild).toBe(host);
    expect(host.style.getPropertyValue('position')).toBe('fixed');
    expect(host.style.getPropertyPriority('position')).toBe('important');
    const root = shadow(host);
    expect(root.mode).toBe('closed');
    expect(root.querySelector('style')?.textContent).toContain(':host');
    expect(root.querySelector('.bar')?.getAttribute('role')).toBe('alert');
    // Nothing leaks into the page's own DOM besides the host.
    expect(host.children).toHaveLength(0);
  });

  it('exposes a count as data-count', () => {
    const host = showBanner(document, { ...UNFAMILIAR, count: 12 }, t, {});
    expect(host.getAttribute('data-count')).toBe('12');
    expect(showBanner(document, { ...UNFAMILIAR, count: 0 }, t, {}).getAttribute('data-count')).toBe('0');
  });

  it('shows the masked account inside the sentence, in English and Japanese', () => {
    for (const locale of ['en', 'ja'] as const) {
      const host = showBanner(document, UNFAMILIAR, translator(locale), {});
      const body = shadow(host).querySelector('.body')!;
      expect(body.querySelector('.hint')?.textContent).toBe('h1***@m***.net');
      expect(body.textContent!.length).toBeGreaterThan('h1***@m***.net'.length + 10);
      expect(shadow(host).querySelector('.title')?.textContent).toBe(translator(locale)('bannerUnfamiliarTitle'));
    }
    const many = showBanner(document, { ...UNFAMILIAR, hints: ['h1***@m***.net', '+81 ***78'] }, t, {});
    expect(shadow(many).querySelector('.body')?.textContent).toContain(t('bannerUnfamiliarBodyMany', ['h1***@m***.net, +81 ***78']));
  });

  it('calls a phone number a mobile number, not an email address', () => {
    for (const locale of ['en', 'ja'] as const) {
      const say = translator(locale);
      const phone = showBanner(document, { ...UNFAMILIAR, hints: ['+81 ***78'], accountKind: 'phone' }, say, {});
      expect(shadow(phone).querySelector('.body')?.textContent).toBe(say('bannerUnfamiliarBodyPhone', ['+81 ***78']));
      expect(say('bannerUnfamiliarBodyPhone', ['x'])).not.toBe(say('bannerUnfamiliarBody', ['x']));
    }
  });

  it('renders page-derived text only as text', () => {
    const host = showBanner(
      document,
      { ...UNFAMILIAR, hints: [EVIL], rows: [{ cells: [EVIL, '<b>bold</b>'], url: 'javascript:alert(1)' }], reasons: [{ key: 'alertUnfamiliarAccount', subs: ['amazon.com', EVIL] }] },
      t,
      {},
    );
    const root = shadow(host);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(root.textContent).toContain(EVIL);
    expect(root.textContent).toContain('<b>bold</b>');
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows the hint as text when there are no reasons', () => {
    const root = shadow(showBanner(document, { ...UNFAMILIAR, hints: [EVIL] }, t, {}));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.hint')?.textContent).toBe(EVIL);
  });

  it('trust asks a second confirmation showing the masked address, then calls its action and removes the banner', () => {
    const actions = { trust: vi.fn(), checklist: vi.fn(), dismiss: vi.fn() };
    const host = showBanner(document, UNFAMILIAR, t, actions);
    const trust = buttons(host).find((b) => b.textContent === t('actionTrust'))!;
    expect(trust.type).toBe('button');
    trust.click();
    expect(actions.trust).not.toHaveBeenCalled();
    expect(host.isConnected).toBe(true);
    const question = shadow(host).querySelector('.confirm')!;
    expect(question.textContent).toBe(t('bannerConfirmTrust', ['h1***@m***.net']));
    expect(question.querySelector('.hint')?.textContent).toBe('h1***@m***.net');
    buttons(host).find((b) => b.textContent === t('actionConfirmMine'))!.click();
    expect(actions.trust).toHaveBeenCalledTimes(1);
    expect(actions.dismiss).not.toHaveBeenCalled();
    expect(document.querySelector('[data-account-guard]')).toBeNull();
  });

  it('cancelling the confirmation trusts nothing and brings the actions back', () => {
    const actions = { trust: vi.fn(), checklist: vi.fn(), dismiss: vi.fn() };
    const host = showBanner(document, { ...UNFAMILIAR, kind: 'account-changed', severity: 'danger' }, t, actions);
    buttons(host).find((b) => b.textContent === t('actionChangesMine'))!.click();
    expect(shadow(host).querySelector('.confirm')?.textContent).toBe(t('bannerConfirmMine'));
    buttons(host).find((b) => b.textContent === t('actionCancel'))!.click();
    expect(shadow(host).querySelector('.confirm')).toBeNull();
    expect(buttons(host).map((b) => b.textContent)).toContain(t('actionChangesMine'));
    expect(actions.trust).not.toHaveBeenCalled();
  });

  it('ignores clicks that are not the person\'s (a page script\'s .click() or dispatched event)', () => {
    const actions = { trust: vi.fn(), checklist: vi.fn(), dismiss: vi.fn() };
    // The real check: jsdom's events are untrusted, as a page script's are.
    const host = show(document, UNFAMILIAR, bannerWording(UNFAMILIAR, t), actions);
    const root = bannerRoot(host)!;
    for (const b of root.querySelectorAll('button')) {
      b.click();
      b.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
    expect(root.querySelector('.confirm')).toBeNull();
    expect(actions.trust).not.toHaveBeenCalled();
    expect(actions.checklist).not.toHaveBeenCalled();
    expect(actions.dismiss).not.toHaveBeenCalled();
    expect(host.isConnected).toBe(true);
  });

  it('marks page text (rows, brands, categories) as quoted page text, keeping the sentence intact', () => {
    const spec: BannerSpec = {
      kind: 'new-listings',
      severity: 'danger',
      hints: [],
      alertIds: ['a'],
      reasons: [{ key: 'listingReasonBrand', subs: ['3', 'Acme “trusted” brand'] }, { key: 'listingReasonDormant', subs: ['90'] }],
      rows: [{ cells: ['SKU-1', 'Official: your account is safe'], url: 'https://www.amazon.co.jp/dp/B000000001' }],
    };
    const root = shadow(showBanner(document, spec, t, {}));
    const [brand, dormant] = [...root.querySelectorAll('p.body')];
    expect(brand!.textContent).toBe(t('listingReasonBrand', ['3', 'Acme “trusted” brand']));
    expect([...brand!.querySelectorAll('.page-text')].map((e) => e.textContent)).toEqual(['Acme “trusted” brand']);
    expect(brand!.querySelector('.page-text')!.getAttribute('title')).toBe(t('pageTextTitle'));
    expect(dormant!.querySelector('.page-text')).toBeNull();
    const cells = [...root.querySelectorAll('td.page-text, td > a.page-text')].map((e) => e.textContent);
    expect(cells).toEqual(['SKU-1', 'Official: your account is safe']);
    expect(root.querySelector('table')?.getAttribute('aria-label')).toBe(t('pageTextTable'));
    expect(root.querySelector('style')?.textContent).toContain('.page-text { quotes: "“" "”"; }');
    const ja = bannerRoot(show(document, spec, bannerWording(spec, translator('ja')), {}))!;
    expect(ja.querySelector('style')?.textContent).toContain('.page-text { quotes: "「" "」"; }');
  });

  it('"what to do now" opens the checklist and keeps the banner', () => {
    const actions = { trust: vi.fn(), checklist: vi.fn(), dismiss: vi.fn() };
    const host = showBanner(document, UNFAMILIAR, t, actions);
    const what = buttons(host).find((b) => b.textContent === t('actionWhatToDo'))!;
    expect(what.className).toBe('primary');
    what.click();
    expect(actions.checklist).toHaveBeenCalledTimes(1);
    expect(host.isConnected).toBe(true);
  });

  it('the close button dismisses and removes the banner', () => {
    const actions = { trust: vi.fn(), checklist: vi.fn(), dismiss: vi.fn() };
    const host = showBanner(document, UNFAMILIAR, t, actions);
    const close = shadow(host).querySelector<HTMLButtonElement>('button.close')!;
    expect(close.getAttribute('aria-label')).toBe(t('actionDismiss'));
    close.click();
    expect(actions.dismiss).toHaveBeenCalledTimes(1);
    expect(actions.trust).not.toHaveBeenCalled();
    expect(host.isConnected).toBe(false);
    expect(document.getElementById('amazon')).not.toBeNull();
  });

  it('closes even without a dismiss action', () => {
    const host = showBanner(document, REMEMBERED, t, {});
    shadow(host).querySelector<HTMLButtonElement>('button.close')!.click();
    expect(host.isConnected).toBe(false);
  });

  it('shows no trust or checklist button for the calm "remembered" notice', () => {
    const host = showBanner(document, REMEMBERED, t, { trust: vi.fn(), checklist: vi.fn(), dismiss: vi.fn() });
    expect(host.getAttribute('data-kind')).toBe('remembered');
    expect(host.getAttribute('data-severity')).toBe('info');
    expect(shadow(host).querySelector('.bar')?.getAttribute('role')).toBe('status');
    expect(buttons(host).map((b) => b.className)).toEqual(['close']);
    expect(shadow(host).querySelector('.hint')?.textContent).toBe('ow***@e***.com');
  });

  it('leaves out buttons whose action is missing', () => {
    const host = showBanner(document, UNFAMILIAR, t, { checklist: vi.fn() });
    expect(buttons(host).map((b) => b.textContent)).toEqual([t('actionWhatToDo'), '×']);
  });

  it('replaces an earlier banner rather than stacking', () => {
    showBanner(document, REMEMBERED, t, {});
    const second = showBanner(document, UNFAMILIAR, t, {});
    const hosts = document.querySelectorAll('[data-account-guard="banner"]');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toBe(second);
    removeBanner(document);
    expect(document.querySelector('[data-account-guard]')).toBeNull();
  });
});
