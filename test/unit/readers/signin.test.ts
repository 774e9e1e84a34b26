// @vitest-environment jsdom
// Page knowledge of the sign-in flow, pinned to the fixtures: what
// readSignInPage must read from each page, how many elements each selector
// group matches on each page (so a markup change names the broken group), and
// that odd documents give null or a sane observation, never an exception.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { marketplaceById } from '../../../src/core/marketplaces';
import { normaliseAccount } from '../../../src/core/normalise';
import type { Observation } from '../../../src/core/types';
import { accountTyping, asksForPassword, findAccountInput, passwordFormOf, readSignInPage, readTypedAccount, sendsForm, signingInAccount, SIGNIN } from '../../../src/readers/signin';

const DIR = fileURLToPath(new NodeURL('../../fixtures/signin/', import.meta.url));

function load(name: string): Document {
  return parse(readFileSync(DIR + name, 'utf8'));
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const claim = (source: 'password-step' | 'prefilled' | 'switcher', ...accounts: [kind: 'email' | 'phone', value: string][]) =>
  ({ page: 'signin-claim', source, accounts: accounts.map(([kind, value]) => ({ kind, value })) }) satisfies Observation;

/** Passkey watch (issue 14): password steps that carry WebAuthn options (their passkeys: test/unit/readers/passkeys.test.ts). */
const PASSKEY_STEPS: Record<string, Observation> = {
  ...Object.fromEntries(
    ['one', 'two', 'several', 'none', 'malformed'].map((v) => [`en-password-passkey-${v}.html`, claim('password-step', ['email', 'owner.taro@example.com'])]),
  ),
  ...Object.fromEntries(
    ['one', 'two', 'link-only'].map((v) => [`ja-password-passkey-${v}.html`, claim('password-step', ['email', 'taro.yamada@example.co.jp'])]),
  ),
};

/** Every fixture and what the extractor must read from it. */
const EXPECTED: Record<string, Observation | null> = {
  ...PASSKEY_STEPS,
  'en-email-step.html': null,
  'ja-email-step.html': null,
  'en-email-step-prefilled.html': claim('prefilled', ['email', 'owner.taro@example.com']),
  'en-unified-claim.html': null,
  'ja-unified-claim.html': null,
  // Real /ax/claim layout: country-code select and a hidden type=password autofill field (not a password step).
  'en-unified-claim-country.html': null,
  // "Looks like you're new to Amazon": the typed email has no account yet, so no sign-in claim.
  'en-intent-new-account.html': null,
  // AWS WAF bot challenge served in place of the page: nothing to read, nothing thrown.
  'en-waf-challenge.html': null,
  'en-password-email.html': claim('password-step', ['email', 'owner.taro@example.com']),
  'ja-password-email.html': claim('password-step', ['email', 'taro.yamada@example.co.jp']),
  'en-password-attacker.html': claim('password-step', ['email', 'h1jack3r@mail-box.example.net']),
  'ja-password-attacker.html': claim('password-step', ['email', 'x9.takeover@proton-mail.example']),
  // The visible claim and the hidden "+12065550143" are one account: the visible form is kept.
  'en-password-phone.html': claim('password-step', ['phone', '+1 206-555-0143']),
  'ja-password-phone.html': claim('password-step', ['phone', '090-1234-5678']),
  'en-password-legacy.html': claim('password-step', ['email', 'owner.taro@example.com']),
  'ja-password-switch-link.html': claim('password-step', ['email', 'taro.yamada@example.co.jp']),
  'en-otp-code.html': { page: 'signin-otp', phoneEnding: '43' },
  'ja-otp-code.html': { page: 'signin-otp', phoneEnding: '43' },
  'en-otp-device.html': { page: 'signin-otp', phoneEnding: '43' },
  // The masked third entry (sa***@e***.org / +81 ***-****-5678) is skipped.
  'en-switcher.html': claim('switcher', ['email', 'owner.taro@example.com'], ['email', 'h1jack3r@mail-box.example.net']),
  'ja-switcher.html': claim('switcher', ['email', 'taro.yamada@example.co.jp'], ['email', 'x9.takeover@proton-mail.example']),
  'not-signin.html': null,
  // Cut off, unclosed claim span, password input swallowed by an unclosed
  // attribute quote: the claim is still read (claim + "Change" link).
  'broken.html': claim('password-step', ['email', 'owner.taro@example.com']),
};

/**
 * How many elements each selector group (all its alternatives together)
 * matches on each fixture; fixtures not listed must match none.
 */
const PASSWORD_STEPS = [
  'en-password-email.html',
  'ja-password-email.html',
  'en-password-attacker.html',
  'ja-password-attacker.html',
  'en-password-phone.html',
  'ja-password-phone.html',
  ...Object.keys(PASSKEY_STEPS),
];
const each = (names: string[], n: number) => Object.fromEntries(names.map((f) => [f, n]));
const MATCHES: Record<keyof typeof SIGNIN, Record<string, number>> = {
  visibleClaim: { ...each(PASSWORD_STEPS, 1), 'ja-password-switch-link.html': 1, 'broken.html': 1 },
  changeClaimLink: {
    ...each(PASSWORD_STEPS, 1),
    'en-password-legacy.html': 1,
    'ja-password-switch-link.html': 1,
    'broken.html': 1,
  },
  hiddenClaim: {
    ...each(PASSWORD_STEPS, 1),
    'en-password-legacy.html': 1,
    'ja-password-switch-link.html': 1,
    'broken.html': 1,
    // The new-account step posts the typed email on; without a password field or Change link it is not read.
    'en-intent-new-account.html': 1,
  },
  // The legacy layout predates the autofill hint.
  autofillHint: { ...each(PASSWORD_STEPS, 1), 'ja-password-switch-link.html': 1, 'broken.html': 1 },
  // broken.html: the password input is swallowed by an unclosed attribute quote.
  password: { ...each(PASSWORD_STEPS, 1), 'en-password-legacy.html': 1, 'ja-password-switch-link.html': 1 },
  accountInput: each(
    [
      'en-email-step.html',
      'ja-email-step.html',
      'en-email-step-prefilled.html',
      'en-unified-claim.html',
      'ja-unified-claim.html',
      'en-unified-claim-country.html',
    ],
    1,
  ),
  otpCode: each(['en-otp-code.html', 'ja-otp-code.html'], 1),
  // Two radios and their form.
  otpDevice: { 'en-otp-device.html': 3 },
  // The container and the three entries' spacing sections.
  switcherRoot: each(['en-switcher.html', 'ja-switcher.html'], 4),
  // Each entry: its link (.cvf-widget-btn-val) and its claim row.
  switcherEntry: each(['en-switcher.html', 'ja-switcher.html'], 6),
};

function countMatches(doc: Document, selectors: readonly string[]): number {
  const found = new Set<Element>();
  for (const s of selectors) for (const el of doc.querySelectorAll(s)) found.add(el);
  return found.size;
}

describe('sign-in fixtures', () => {
  it('lists every fixture file exactly once', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('readSignInPage(%s)', (name, expected) => {
    expect(readSignInPage(load(name))).toEqual(expected);
  });

  for (const [group, expected] of Object.entries(MATCHES)) {
    it(`selector group ${group} matches as pinned on every fixture`, () => {
      const selectors = SIGNIN[group as keyof typeof SIGNIN];
      const actual = Object.fromEntries(
        Object.keys(EXPECTED)
          .map((name) => [name, countMatches(load(name), selectors)] as const)
          .filter(([, n]) => n > 0),
      );
      expect(actual).toEqual(expected);
    });
  }

  it('every fixture is a reasonable size and names no real Amazon customer', () => {
    for (const name of Object.keys(EXPECTED)) {
      const html = readFileSync(DIR + name, 'utf8');
      expect(html.length).toBeGreaterThan(1_000);
      expect(html.length).toBeLessThan(9_000);
      for (const m of html.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) expect(m[0]).toMatch(/example(\.[a-z.]+)?$/);
    }
  });

  it('reads the Japanese pages by structure, not by English words', () => {
    const ja = load('ja-password-email.html');
    expect(ja.title).toBe('Amazonサインイン');
    expect(ja.querySelector('#ap_change_login_claim')?.textContent?.trim()).toBe('変更');
    expect(ja.body.textContent).not.toMatch(/\bChange\b|\bPassword\b/);
  });
});

describe('accountTyping: typing means the person typing', () => {
  const trusted = (input: HTMLInputElement) => ({ isTrusted: true, target: input });
  const scripted = (input: HTMLInputElement) => ({ isTrusted: false, target: input });

  it('a prefilled value left unchanged is not typed (pressing Continue on it teaches nothing)', () => {
    const input = findAccountInput(load('en-email-step-prefilled.html'))!;
    const typing = accountTyping();
    typing.seen(input);
    expect(input.value).not.toBe('');
    expect(typing.typed(input)).toBeNull();
  });

  it('trusted keystrokes that change the field are typed; retyping the page value unchanged is not', () => {
    const input = findAccountInput(load('en-email-step-prefilled.html'))!;
    const typing = accountTyping();
    typing.seen(input);
    const prefilled = input.value;
    input.value = 'new.me@example.org';
    typing.input(trusted(input), input);
    expect(typing.typed(input)).toEqual({ kind: 'email', value: 'new.me@example.org' });
    input.value = prefilled;
    typing.input(trusted(input), input);
    expect(typing.typed(input)).toBeNull();
  });

  it('a value set by script, with synthetic input/change events, is not typed', () => {
    const input = findAccountInput(load('en-email-step.html'))!;
    const typing = accountTyping();
    typing.seen(input);
    input.value = 'h1jack3r@mail-box.example.net';
    typing.input(scripted(input), input);
    expect(typing.typed(input)).toBeNull();
  });

  it('a script changing the value after the person typed undoes the typing', () => {
    const input = findAccountInput(load('en-email-step.html'))!;
    const typing = accountTyping();
    typing.seen(input);
    input.value = 'owner.taro@example.com';
    typing.input(trusted(input), input);
    input.value = 'h1jack3r@mail-box.example.net';
    expect(typing.typed(input)).toBeNull();
  });

  it('first seen while being typed in: the value in the markup is the page value', () => {
    const doc = parse('<form><input id="ap_email" name="email" type="email" value="h1jack3r@mail-box.example.net"></form>');
    const input = findAccountInput(doc)!;
    const typing = accountTyping();
    typing.input(trusted(input), input);
    expect(typing.typed(input)).toBeNull();
    input.value = 'owner.taro@example.com';
    typing.input(trusted(input), input);
    expect(typing.typed(input)).toEqual({ kind: 'email', value: 'owner.taro@example.com' });
  });

  it('ignores events on other elements and a missing field', () => {
    const doc = load('en-email-step.html');
    const input = findAccountInput(doc)!;
    const typing = accountTyping();
    typing.seen(input);
    input.value = 'owner.taro@example.com';
    typing.input({ isTrusted: true, target: doc.body }, input);
    expect(typing.typed(input)).toBeNull();
    expect(typing.typed(null)).toBeNull();
  });
});

describe('password submits (sign-in attempts)', () => {
  it('finds the password form of a submit, a click or Enter, only when a password was entered', () => {
    const doc = load('en-password-email.html');
    const password = doc.querySelector<HTMLInputElement>('#ap_password')!;
    const form = password.closest('form')!;
    expect(passwordFormOf(form)).toBeNull();
    password.value = 'secret';
    expect(passwordFormOf(form)).toBe(form);
    expect(passwordFormOf(password)).toBe(form);
    expect(passwordFormOf(doc.body)).toBeNull();
    expect(passwordFormOf(null)).toBeNull();
  });

  it('the email steps are no password form (their autofill hints are no password field)', () => {
    for (const name of ['en-email-step.html', 'en-unified-claim-country.html', 'ja-unified-claim.html']) {
      const doc = load(name);
      for (const p of doc.querySelectorAll<HTMLInputElement>('input[type=password]')) p.value = 'x';
      const input = findAccountInput(doc)!;
      expect(passwordFormOf(input), name).toBeNull();
      expect(asksForPassword(doc), name).toBe(false);
    }
    expect(asksForPassword(load('en-password-email.html'))).toBe(true);
    expect(asksForPassword(load('ja-password-phone.html'))).toBe(true);
  });

  it('tells a click on a submit control or Enter in a field from other clicks and keys', () => {
    const doc = parse('<form><input id="p" type="password"><button id="s">Sign in</button><button id="b" type="button">Show</button><input id="i" type="submit"></form>');
    const ev = (type: string, target: Element, key?: string) => {
      const e = type === 'keydown' ? new KeyboardEvent('keydown', { key }) : new MouseEvent('click');
      Object.defineProperty(e, 'target', { value: target });
      return e;
    };
    expect(sendsForm(ev('click', doc.getElementById('s')!))).toBe(true);
    expect(sendsForm(ev('click', doc.getElementById('i')!))).toBe(true);
    expect(sendsForm(ev('click', doc.getElementById('b')!))).toBe(false);
    expect(sendsForm(ev('click', doc.getElementById('p')!))).toBe(false);
    expect(sendsForm(ev('keydown', doc.getElementById('p')!, 'Enter'))).toBe(true);
    expect(sendsForm(ev('keydown', doc.getElementById('p')!, 'a'))).toBe(false);
  });

  it('names the one account the password step shows, and none elsewhere', () => {
    expect(signingInAccount(load('en-password-email.html'))).toEqual({ kind: 'email', value: 'owner.taro@example.com' });
    expect(signingInAccount(load('en-switcher.html'))).toBeNull();
    expect(signingInAccount(load('en-email-step-prefilled.html'))).toBeNull();
    expect(signingInAccount(load('not-signin.html'))).toBeNull();
  });
});

describe('findAccountInput / readTypedAccount on the email steps', () => {
  const EMAIL_STEPS: [string, string][] = [
    ['en-email-step.html', 'ap_email'],
    ['ja-email-step.html', 'ap_email'],
    ['en-email-step-prefilled.html', 'ap_email'],
    ['en-unified-claim.html', 'ap_email_login'],
    ['ja-unified-claim.html', 'ap_email_login'],
  ];

  it.each(EMAIL_STEPS)('finds the account field of %s (#%s)', (name, id) => {
    const input = findAccountInput(load(name));
    expect(input?.id).toBe(id);
    expect(input?.type).not.toBe('hidden');
    expect(input?.name).toBe('email');
  });

  it.each([
    'en-password-email.html',
    'ja-password-switch-link.html',
    'en-password-legacy.html',
    'en-otp-code.html',
    'en-switcher.html',
    'not-signin.html',
  ])('finds no editable account field on %s (the hidden claim and autofill hint are not it)', (name) => {
    expect(findAccountInput(load(name))).toBeNull();
  });

  it('reads what the user typed, e-mail or phone', () => {
    const input = findAccountInput(load('en-email-step.html'))!;
    input.value = '  Owner.Taro@Example.com ';
    expect(readTypedAccount(input)).toEqual({ kind: 'email', value: 'Owner.Taro@Example.com' });
    input.value = '(206) 555-0143';
    expect(readTypedAccount(input)).toEqual({ kind: 'phone', value: '(206) 555-0143' });
    input.value = 'taro';
    expect(readTypedAccount(input)).toBeNull();
    input.value = '';
    expect(readTypedAccount(input)).toBeNull();
  });

  it('folds full-width input typed with a Japanese IME to the same account', () => {
    const input = findAccountInput(load('ja-unified-claim.html'))!;
    input.value = 'ｏｗｎｅｒ．ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ';
    const typed = readTypedAccount(input);
    expect(typed).toEqual({ kind: 'email', value: 'owner.taro@example.com' });
    const jp = marketplaceById('amazon.co.jp');
    expect(normaliseAccount(typed!, jp)).toEqual({ kind: 'email', value: 'owner.taro@example.com' });

    input.value = '０９０ー１２３４ー５６７８';
    const phone = readTypedAccount(input);
    expect(phone?.kind).toBe('phone');
    expect(normaliseAccount(phone!, jp)).toEqual({ kind: 'phone', value: '819012345678' });
  });

  it('does not take a typed value for an account Amazon prefilled', () => {
    // Typing changes the property, not the attribute: the page still shows no claim.
    const doc = load('en-email-step.html');
    findAccountInput(doc)!.value = 'someone.else@example.org';
    expect(readSignInPage(doc)).toBeNull();
  });
});

describe('extractors on odd documents', () => {
  const ODD: [string, () => Document, Observation | null][] = [
    ['an empty body', () => parse('<html><body></body></html>'), null],
    ['an empty string', () => parse(''), null],
    ['no head, only a claim row', () => parse('<body><span id="auth-email-claim">a@b.example</span><a id="ap_change_login_claim">Change</a>'), claim('password-step', ['email', 'a@b.example'])],
    ['a claim without a password field or Change link', () => parse('<span id="auth-email-claim">a@b.example</span>'), null],
    // The whole of a real captcha interstitial (alexdlaird/amazon-orders tests/resources/auth/acic-challenge.html).
    ['a captcha challenge page', () => parse('<html><head><title>Challenge Page</title></head><body><div id="aa-challenge-page-captcha-container"></div></body></html>'), null],
    [
      'an XML document without a body',
      () => new DOMParser().parseFromString('<root><input id="ap_email" value="a@b.example"/></root>', 'application/xml'),
      claim('prefilled', ['email', 'a@b.example']),
    ],
    ['an empty HTML document', () => document.implementation.createHTMLDocument(''), null],
    [
      'a giant data-claim attribute',
      () => parse(`<form><input type="hidden" id="ap_email" name="email" value="${'a'.repeat(1_000_000)}@x.example"><input id="ap-credential-autofill-hint" data-claim="${'b'.repeat(1_000_000)}@x.example"><input type="password" id="ap_password"></form>`),
      null,
    ],
    [
      'script-like text in the claim',
      () =>
        parse(
          '<span id="auth-email-claim">&lt;img src=x onerror=alert(1)&gt;@evil.example</span><a id="ap_change_login_claim">Change</a>' +
            '<input type="hidden" id="ap_email" name="email" value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;@x.example"><input type="password" id="ap_password">',
        ),
      null,
    ],
    [
      'markup inside the claim',
      () => parse('<span id="auth-email-claim"><img src=x onerror="alert(1)">@evil.example</span><a id="ap_change_login_claim">Change</a><input type="password" id="ap_password">'),
      null,
    ],
    [
      'an OTP field with a very long page text',
      () => parse(`<form><input name="otpCode"><p>${'x '.repeat(200_000)} ending in 12</p></form>`),
      { page: 'signin-otp', phoneEnding: '12' },
    ],
    [
      'an OTP page naming more digits than an ending',
      () => parse('<form><input name="otpCode"><p>sent to a number ending in 12345</p></form>'),
      { page: 'signin-otp', phoneEnding: null },
    ],
    [
      'an OTP page with "下4桁"',
      () => parse('<form id="auth-mfa-form"><input name="code"><p>携帯電話番号(下4桁が5678)に送信しました</p></form>'),
      { page: 'signin-otp', phoneEnding: '5678' },
    ],
    [
      'an older claim separated from its Change link',
      () =>
        parse(
          '<div><span dir="ltr">owner.taro@example.com</span><span class="a-color-tertiary">|</span><a id="ap_change_login_claim">Change</a></div><input type="password" id="ap_password">',
        ),
      claim('password-step', ['email', 'owner.taro@example.com']),
    ],
    [
      'a masked visible claim with the full account in the hidden input',
      () =>
        parse(
          '<span id="auth-email-claim">ow***@e***.com</span><a id="ap_change_login_claim">Change</a><input type="hidden" name="email" value="owner.taro@example.com"><input type="password" id="ap_password">',
        ),
      claim('password-step', ['email', 'owner.taro@example.com']),
    ],
    [
      'a visible claim and a hidden value that disagree (both reported)',
      () =>
        parse(
          '<span id="auth-email-claim">owner.taro@example.com</span><a id="ap_change_login_claim">Change</a><input type="hidden" id="ap_email" value="h1jack3r@mail-box.example.net"><input type="password" id="ap_password">',
        ),
      claim('password-step', ['email', 'owner.taro@example.com'], ['email', 'h1jack3r@mail-box.example.net']),
    ],
    [
      'a claim with a different letter case in the hidden value (one account)',
      () =>
        parse(
          '<span id="auth-email-claim">owner.taro@example.com</span><a id="ap_change_login_claim">Change</a><input type="hidden" id="ap_email" value="Owner.Taro@Example.COM"><input type="password" id="ap_password">',
        ),
      claim('password-step', ['email', 'owner.taro@example.com']),
    ],
    ['an OTP field and no ending', () => parse('<form><input id="auth-mfa-otpcode" name="otpCode"></form>'), { page: 'signin-otp', phoneEnding: null }],
    [
      'a switcher whose accounts are all masked',
      () => parse('<div id="ap-account-switcher-container"><div class="cvf-account-switcher-claim">ta***@g***.com</div><div class="cvf-account-switcher-claim">+81 ***-****-5678</div><div class="cvf-account-switcher-claim">•••• 1234</div><div class="cvf-account-switcher-claim">Taro 090-1234-****</div></div>'),
      null,
    ],
    [
      'a switcher with name and account in one element, and a script',
      () => parse('<div id="ap-account-switcher-container"><a class="cvf-widget-btn-val">Taro  +44 7700 900123</a><script>var x = "leak@script.example";</script></div>'),
      claim('switcher', ['phone', '+44 7700 900123']),
    ],
    [
      'a switcher row holding an international phone number (one account, not also its national-looking tail)',
      () => parse('<div id="ap-account-switcher-container"><div class="cvf-account-switcher-claim"><span>+81 90-1234-5678</span></div></div>'),
      claim('switcher', ['phone', '+81 90-1234-5678']),
    ],
    [
      'a switcher with unknown entry markup (leaf fallback)',
      () => parse('<div id="ap-account-switcher-container"><div><span>Taro</span><span>owner.taro@example.com</span></div></div>'),
      claim('switcher', ['email', 'owner.taro@example.com']),
    ],
    [
      'thirty accounts in a switcher (capped at 20)',
      () => parse(`<div id="ap-account-switcher-container">${Array.from({ length: 30 }, (_, i) => `<div class="cvf-account-switcher-claim">user${i}@example.com</div>`).join('')}</div>`),
      claim('switcher', ...Array.from({ length: 20 }, (_, i) => ['email', `user${i}@example.com`] as ['email', string])),
    ],
    [
      'deep nesting around the claim',
      () => parse(`${'<div>'.repeat(2_000)}<span id="auth-email-claim">deep@nest.example</span><a id="ap_change_login_claim">Change</a>${'</div>'.repeat(2_000)}`),
      claim('password-step', ['email', 'deep@nest.example']),
    ],
  ];

  it.each(ODD)('readSignInPage on %s', (_what, make, expected) => {
    const doc = make();
    expect(() => readSignInPage(doc)).not.toThrow();
    expect(readSignInPage(doc)).toEqual(expected);
  });

  it.each(ODD)('findAccountInput on %s does not throw', (_what, make) => {
    const doc = make();
    expect(() => findAccountInput(doc)).not.toThrow();
    const input = findAccountInput(doc);
    if (input) expect(() => readTypedAccount(input)).not.toThrow();
  });

  it('readTypedAccount refuses a giant or masked value', () => {
    const input = document.createElement('input');
    input.value = `${'a'.repeat(400)}@example.com`;
    expect(readTypedAccount(input)).toBeNull();
    input.value = 'ta***@example.com';
    expect(readTypedAccount(input)).toBeNull();
  });
});
