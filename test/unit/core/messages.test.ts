// Who may talk to the background and what they may say: the sender classifier
// and the strict shape checks run before any handler.

import { describe, expect, it } from 'vitest';
import { classifySender, parseContentMessage, parseUiMessage, type SenderLike } from '../../../src/core/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const classify = (s: SenderLike) => classifySender(s, ID, ORIGIN);

describe('classifySender', () => {
  it('accepts our content script in the top frame of an Amazon tab', () => {
    expect(classify({ id: ID, url: 'https://www.amazon.co.jp/ap/signin?x=1', origin: 'https://www.amazon.co.jp', tab: { id: 7 }, frameId: 0 })).toEqual({
      kind: 'content',
      tabId: 7,
    });
    // Firefox gives no origin: the URL's host is used.
    expect(classify({ id: ID, url: 'https://sellercentral-japan.amazon.com/ap/signin', tab: { id: 0 }, frameId: 0 })).toEqual({
      kind: 'content',
      tabId: 0,
    });
  });

  it('accepts our own extension pages, with or without a tab', () => {
    expect(classify({ id: ID, origin: `chrome-extension://${ID}`, url: `${ORIGIN}src/popup/index.html` })).toEqual({ kind: 'extension-page' });
    expect(classify({ id: ID, url: `${ORIGIN}src/options/index.html`, tab: { id: 3 }, frameId: 0 })).toEqual({ kind: 'extension-page' });
    const moz = 'moz-extension://0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
    expect(classifySender({ id: 'guard@example', url: `${moz}/src/popup/index.html` }, 'guard@example', `${moz}/`)).toEqual({
      kind: 'extension-page',
    });
  });

  it.each<[string, SenderLike, string]>([
    ['another extension', { id: 'someoneelse', url: 'https://www.amazon.co.jp/ap/signin', tab: { id: 1 }, frameId: 0 }, 'another extension or a web page'],
    ['a web page (no id)', { url: 'https://www.amazon.co.jp/ap/signin', tab: { id: 1 }, frameId: 0 }, 'another extension or a web page'],
    ['a content script with no tab', { id: ID, url: 'https://www.amazon.co.jp/ap/signin', frameId: 0 }, 'no tab'],
    ['a tab id of -1 (devtools, prerender)', { id: ID, url: 'https://www.amazon.co.jp/ap/signin', tab: { id: -1 }, frameId: 0 }, 'no tab'],
    ['a sub-frame', { id: ID, url: 'https://www.amazon.co.jp/ap/signin', tab: { id: 1 }, frameId: 4 }, 'not the top frame'],
    ['no frame id', { id: ID, url: 'https://www.amazon.co.jp/ap/signin', tab: { id: 1 } }, 'not the top frame'],
    ['a non-Amazon host', { id: ID, url: 'https://amazon.co.jp.evil.example/ap/signin', tab: { id: 1 }, frameId: 0 }, 'not an Amazon page'],
    ['a look-alike host', { id: ID, origin: 'https://www.amaz0n.co.jp', tab: { id: 1 }, frameId: 0 }, 'not an Amazon page'],
    ['plain http', { id: ID, url: 'http://www.amazon.co.jp:8080/ap/signin', tab: { id: 1 }, frameId: 0 }, 'not an Amazon page'],
    ['an opaque origin', { id: ID, origin: 'null', tab: { id: 1 }, frameId: 0 }, 'not an Amazon page'],
    ['no URL at all', { id: ID, tab: { id: 1 }, frameId: 0 }, 'not an Amazon page'],
    ['another extension’s page', { id: ID, url: 'chrome-extension://otherextensionid/popup.html', tab: { id: 1 }, frameId: 0 }, 'not an Amazon page'],
  ])('rejects %s', (_what, sender, reason) => {
    expect(classify(sender)).toEqual({ kind: 'rejected', reason });
  });

  it('trusts the origin over the URL', () => {
    // A sender whose URL claims Amazon but whose origin does not is refused.
    expect(classify({ id: ID, origin: 'https://evil.example', url: 'https://www.amazon.com/ap/signin', tab: { id: 1 }, frameId: 0 }).kind).toBe('rejected');
  });
});

const OBSERVE = {
  type: 'observe',
  observation: { page: 'signin-claim', source: 'password-step', accounts: [{ kind: 'email', value: 'owner.taro@example.com' }] },
};

describe('parseContentMessage', () => {
  it.each([
    OBSERVE,
    { type: 'observe', observation: { page: 'signin-otp', phoneEnding: '43' } },
    { type: 'observe', observation: { page: 'signin-otp', phoneEnding: null } },
    { type: 'typed-account', account: { kind: 'phone', value: '090-1234-5678' } },
    { type: 'alert-action', alertIds: ['3f1d2c4b-aaaa-4bbb-8ccc-0d1e2f3a4b5c'], action: 'trust' },
    { type: 'alert-action', alertIds: ['a', 'b'], action: 'dismiss' },
    { type: 'open-checklist' },
    { type: 'signin-submit', account: { kind: 'email', value: 'owner.taro@example.com' } },
    { type: 'signin-submit', account: null },
    { type: 'password-step-shown' },
  ])('accepts %j', (message) => {
    expect(parseContentMessage(message)).toEqual({ ok: true, message });
  });

  const accounts = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'email', value: `u${i}@example.com` }));
  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'observe'],
    ['an array', [OBSERVE]],
    ['an unknown type', { type: 'get-state' }],
    ['a page-only type', { type: 'account-action', accountId: 'x', action: 'remove' }],
    ['an extra key', { ...OBSERVE, extra: 1 }],
    ['an extra key in the observation', { type: 'observe', observation: { ...OBSERVE.observation, html: '<b>' } }],
    ['an extra key in an account', { type: 'observe', observation: { ...OBSERVE.observation, accounts: [{ kind: 'email', value: 'a@b.example', raw: 'x' }] } }],
    ['an unknown page', { type: 'observe', observation: { page: 'orders', accounts: [] } }],
    ['an unknown source', { type: 'observe', observation: { ...OBSERVE.observation, source: 'cookie' } }],
    ['no accounts', { type: 'observe', observation: { ...OBSERVE.observation, accounts: [] } }],
    ['21 accounts', { type: 'observe', observation: { ...OBSERVE.observation, accounts: accounts(21) } }],
    ['accounts not an array', { type: 'observe', observation: { ...OBSERVE.observation, accounts: { 0: accounts(1)[0] } } }],
    ['an unknown account kind', { type: 'typed-account', account: { kind: 'name', value: 'Taro' } }],
    ['a sign-in submit carrying a password', { type: 'signin-submit', account: null, password: 'secret' }],
    ['a sign-in submit without its account field', { type: 'signin-submit' }],
    ['a sign-in submit with a malformed account', { type: 'signin-submit', account: { kind: 'email', value: '' } }],
    ['password-step-shown with extra fields', { type: 'password-step-shown', url: 'https://evil.example' }],
    ['an account value that is not a string', { type: 'typed-account', account: { kind: 'email', value: 42 } }],
    ['an empty account value', { type: 'typed-account', account: { kind: 'email', value: '' } }],
    ['an oversize account value', { type: 'typed-account', account: { kind: 'email', value: `${'a'.repeat(320)}@x.example` } }],
    ['a missing account', { type: 'typed-account' }],
    ['a phone ending with letters', { type: 'observe', observation: { page: 'signin-otp', phoneEnding: '4x' } }],
    ['a phone ending that is too long', { type: 'observe', observation: { page: 'signin-otp', phoneEnding: '12345' } }],
    ['a phone ending that is a number', { type: 'observe', observation: { page: 'signin-otp', phoneEnding: 43 } }],
    ['a missing phone ending', { type: 'observe', observation: { page: 'signin-otp' } }],
    ['an unknown alert action', { type: 'alert-action', alertIds: ['a'], action: 'delete' }],
    ['no alert ids', { type: 'alert-action', alertIds: [], action: 'trust' }],
    ['51 alert ids', { type: 'alert-action', alertIds: Array.from({ length: 51 }, (_, i) => `id${i}`), action: 'trust' }],
    ['an alert id with odd characters', { type: 'alert-action', alertIds: ['../../x'], action: 'trust' }],
    ['an oversize alert id', { type: 'alert-action', alertIds: ['a'.repeat(65)], action: 'trust' }],
    ['an alert id that is a number', { type: 'alert-action', alertIds: [1], action: 'trust' }],
    ['open-checklist with a URL', { type: 'open-checklist', url: 'https://evil.example' }],
  ])('rejects %s', (_what, message) => {
    const parsed = parseContentMessage(message);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeLessThan(120);
  });
});

describe('parseUiMessage', () => {
  it.each([
    { type: 'get-state' },
    { type: 'alert-action', alertIds: ['alert-1'], action: 'dismiss' },
    { type: 'account-action', accountId: 'a1b2c3d4e5f6', action: 'confirm' },
    { type: 'account-action', accountId: 'a1b2c3d4e5f6', action: 'remove' },
    { type: 'dismiss-notice', noticeId: 'n-1' },
  ])('accepts %j', (message) => {
    expect(parseUiMessage(message)).toEqual({ ok: true, message });
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a content-only type', OBSERVE],
    ['typed-account', { type: 'typed-account', account: { kind: 'email', value: 'a@b.example' } }],
    ['get-state with an extra key', { type: 'get-state', salt: true }],
    ['an unknown account action', { type: 'account-action', accountId: 'a1', action: 'rename' }],
    ['an account id with a space', { type: 'account-action', accountId: 'a 1', action: 'remove' }],
    ['an account id that is not a string', { type: 'account-action', accountId: 1, action: 'remove' }],
    ['an extra key on an account action', { type: 'account-action', accountId: 'a1', action: 'remove', all: true }],
    ['a notice id that is too long', { type: 'dismiss-notice', noticeId: 'n'.repeat(65) }],
    ['a missing notice id', { type: 'dismiss-notice' }],
    ['an oversize alert list', { type: 'alert-action', alertIds: Array.from({ length: 51 }, (_, i) => `id${i}`), action: 'dismiss' }],
  ])('rejects %s', (_what, message) => {
    expect(parseUiMessage(message).ok).toBe(false);
  });

  it('cuts an unknown type short in the reason', () => {
    const parsed = parseUiMessage({ type: 'x'.repeat(10_000) });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeLessThan(100);
  });
});
