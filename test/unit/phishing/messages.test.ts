// The guard's messages: who may send each, and their shapes.
import { describe, expect, it } from 'vitest';
import { classifyPhishingSender, isPhishingMessage, parsePhishingMessage } from '../../../src/core/phishing/messages';
import { readWarningParams, warningUrl } from '../../../src/core/phishing/warning';

const ID = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const tab = (url: string, frameId = 0) => ({ id: ID, url, tab: { id: 7 }, frameId });
const evidence = { ids: [], framework: 0, logoSprite: false, amazonCdn: false, password: true, identifier: false, widget: false, title: 't', formText: '', logoText: '' };

describe('classifyPhishingSender', () => {
  it('takes page reports from the top frame of non-Amazon pages only', () => {
    expect(classifyPhishingSender('phish-page', tab('https://evil.example/x'), ID, ORIGIN)).toMatchObject({ kind: 'guard', tabId: 7, host: 'evil.example' });
    expect(classifyPhishingSender('phish-keys', tab('https://www.amazon.co.jp/'), ID, ORIGIN).kind).toBe('rejected');
    expect(classifyPhishingSender('phish-keys', tab('https://evil.example/', 3), ID, ORIGIN).kind).toBe('rejected');
    expect(classifyPhishingSender('phish-page', { ...tab('https://evil.example/'), id: 'other' }, ID, ORIGIN).kind).toBe('rejected');
    expect(classifyPhishingSender('phish-page', { id: ID, url: 'https://evil.example/', frameId: 0 }, ID, ORIGIN).kind).toBe('rejected');
    expect(classifyPhishingSender('phish-page', tab('file:///etc/passwd'), ID, ORIGIN).kind).toBe('rejected');
  });

  it('takes the sign-in password from Amazon sign-in hosts only, over https', () => {
    expect(classifyPhishingSender('phish-signin-password', tab('https://www.amazon.co.jp/ap/signin'), ID, ORIGIN)).toMatchObject({ kind: 'signin', host: 'www.amazon.co.jp' });
    expect(classifyPhishingSender('phish-signin-password', tab('https://www.amazon.co.jp.evil.example/ap/signin'), ID, ORIGIN).kind).toBe('rejected');
    expect(classifyPhishingSender('phish-signin-password', tab('http://www.amazon.co.jp/ap/signin'), ID, ORIGIN).kind).toBe('rejected');
  });

  it('takes decisions from the warning page only', () => {
    expect(classifyPhishingSender('phish-decision', tab(`${ORIGIN}src/warning/index.html?kind=x`), ID, ORIGIN).kind).toBe('warning-page');
    expect(classifyPhishingSender('phish-decision', tab(`${ORIGIN}src/popup/index.html`), ID, ORIGIN).kind).toBe('rejected');
    expect(classifyPhishingSender('phish-decision', tab('https://evil.example/src/warning/index.html'), ID, ORIGIN).kind).toBe('rejected');
  });
});

describe('parsePhishingMessage', () => {
  it('accepts well-formed messages and refuses the rest', () => {
    expect(isPhishingMessage({ type: 'phish-keys' })).toBe(true);
    expect(isPhishingMessage({ type: 'observe' })).toBe(false);
    expect(parsePhishingMessage({ type: 'phish-page', evidence })).not.toBeNull();
    expect(parsePhishingMessage({ type: 'phish-page', evidence: { ...evidence, ids: ['made-up'] } })).toBeNull();
    expect(parsePhishingMessage({ type: 'phish-page', evidence: { ...evidence, title: 'x'.repeat(601) } })).toBeNull();
    expect(parsePhishingMessage({ type: 'phish-keys', field: 1, chars: 'a' })).not.toBeNull();
    expect(parsePhishingMessage({ type: 'phish-keys', field: 1, chars: 'a'.repeat(65) })).toBeNull();
    expect(parsePhishingMessage({ type: 'phish-keys', field: -1, chars: 'a' })).toBeNull();
    expect(parsePhishingMessage({ type: 'phish-keys', field: 1, chars: 'a', extra: 1 })).toBeNull();
    expect(parsePhishingMessage({ type: 'phish-signin-password', password: '' })).toBeNull();
    expect(parsePhishingMessage({ type: 'phish-decision', decision: 'always-allow', kind: 'lookalike-page', url: 'https://evil.example/', realm: null })).not.toBeNull();
    expect(parsePhishingMessage({ type: 'phish-decision', decision: 'always-allow', kind: 'lookalike-page', url: 'javascript:alert(1)', realm: null })).toBeNull();
    expect(parsePhishingMessage({ type: 'phish-decision', decision: 'nuke', kind: 'lookalike-page', url: 'https://evil.example/', realm: null })).toBeNull();
    expect(parsePhishingMessage({ type: 'phish-decision', decision: 'back', kind: 'password-reuse', url: 'https://evil.example/', realm: 'evil.example' })).toBeNull();
  });
});

describe('warning page address', () => {
  it('round-trips and refuses what it did not build', () => {
    const url = warningUrl(ORIGIN, { kind: 'password-reuse', url: 'https://evil.example/a?b=1', why: [], realm: 'amazon.co.jp', otp: true });
    expect(url.startsWith(`${ORIGIN}src/warning/index.html?`)).toBe(true);
    expect(readWarningParams(new URL(url).search)).toEqual({ kind: 'password-reuse', url: 'https://evil.example/a?b=1', why: [], realm: 'amazon.co.jp', otp: true });
    expect(readWarningParams('?kind=lookalike-page&url=https%3A%2F%2Fx.example%2F&why=phishingWhyLogo,bogus&realm=evil')).toEqual({
      kind: 'lookalike-page', url: 'https://x.example/', why: ['phishingWhyLogo'], realm: null, otp: false,
    });
    expect(readWarningParams('?kind=other&url=https%3A%2F%2Fx.example%2F')).toBeNull();
    expect(readWarningParams('?kind=lookalike-page&url=javascript%3Aalert(1)')).toBeNull();
  });
});
