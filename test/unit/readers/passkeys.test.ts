// @vitest-environment jsdom
// The passkey watch's reader, pinned to the fixtures (modelled on the real
// amazon.com password step: the options in hidden inputs and in links' URLs)
// and to every encoding and breakage it must survive without an exception.

import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { credentialsOf, decodeParameters, PASSKEYS, readPasskeyObservation, readPasskeys } from '../../../src/readers/passkeys';
import { readSignInPage } from '../../../src/readers/signin';

const DIR = fileURLToPath(new NodeURL('../../fixtures/signin/', import.meta.url));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const load = (name: string) => parse(readFileSync(DIR + name, 'utf8'));

const C1 = 'pK7xQ2mN9vR4tY6uW8zA1bC3dE5fG7hJ9kL0mN2pQ4r';
const C2 = 'Zx9Yw8Vu7Ts6Rq5Po4Nm_-3Lk2J';
const C3 = 'Mq3Nr4Os5Pt6Qu7Rv8Sw9Tx0Uy1';

/** The real capture's options (amazon.com, one credential), as Amazon encodes them. */
const REAL =
  'eyJycElkIjoiYW1hem9uLmNvbSIsImNoYWxsZW5nZSI6IjAxVVdLSGlVX0o2MjhRd0hxNWNiaW15UkhJU3hPbVlwIiwidGltZW91dCI6OTAwMDAwLCJhbGxvd0NyZWRlbnRpYWxzIjpbeyJpZCI6IjQwQkZXSEd4Y21GUzc5OGRXejlyRk1aMFRLNG1SMmhncVFCckFOeXdpcGhycFV0cVd2YlhNdVRQNmFJXzRraksiLCJ0eXBlIjoicHVibGljLWtleSIsInRyYW5zcG9ydHMiOlsiaW50ZXJuYWwiLCJoeWJyaWQiXX1dLCJ1c2VyVmVyaWZpY2F0aW9uIjoicHJlZmVycmVkIn0=';
const REAL_ID = '40BFWHGxcmFS798dWz9rFMZ0TK4mR2hgqQBrANywiphrpUtqWvbXMuTP6aI_4kjK';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const opts = (rpId: string, ids: string[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ rpId, challenge: 'c', allowCredentials: ids.map((id) => ({ id, type: 'public-key', transports: ['internal'] })), ...extra });

/** What readPasskeys must read from each passkey fixture. */
const EXPECTED: Record<string, { rpId: string; credentialIds: string[] } | null> = {
  'en-password-passkey-one.html': { rpId: 'amazon.com', credentialIds: [C1] },
  'en-password-passkey-two.html': { rpId: 'amazon.com', credentialIds: [C1, C2] },
  'ja-password-passkey-one.html': { rpId: 'amazon.co.jp', credentialIds: [C1] },
  'ja-password-passkey-two.html': { rpId: 'amazon.co.jp', credentialIds: [C1, C2] },
  // base64url without padding, in the passkey form's input and the link; extra JSON fields (extensions, hints).
  'en-password-passkey-several.html': { rpId: 'amazon.com', credentialIds: [C1, C2, C3] },
  // The account has no passkey: the options list none.
  'en-password-passkey-none.html': { rpId: 'amazon.com', credentialIds: [] },
  // Only the links carry the field (URL-encoded base64).
  'ja-password-passkey-link-only.html': { rpId: 'amazon.co.jp', credentialIds: [C1, C3] },
  // Cut-off base64 in the inputs, broken JSON in the links.
  'en-password-passkey-malformed.html': null,
  // Password steps without the field.
  'en-password-email.html': null,
  'ja-password-email.html': null,
  'en-otp-code.html': null,
  'not-signin.html': null,
  'broken.html': null,
};

/** How many elements each selector group matches per fixture (a markup change names the broken group). */
const MATCHES: Record<keyof typeof PASSKEYS, Record<string, number>> = {
  // In the sign-in form; in the "Sign in with a passkey" form on en-password-passkey-several (the real page has both).
  input: {
    'en-password-passkey-one.html': 1,
    'en-password-passkey-two.html': 1,
    'ja-password-passkey-one.html': 1,
    'ja-password-passkey-two.html': 1,
    'en-password-passkey-several.html': 1,
    'en-password-passkey-none.html': 1,
    'en-password-passkey-malformed.html': 1,
  },
  // The "Change" link (the real page also puts it on "Forgot your password?"; every link is read alike).
  url: {
    'en-password-passkey-one.html': 1,
    'en-password-passkey-two.html': 1,
    'ja-password-passkey-one.html': 1,
    'ja-password-passkey-two.html': 1,
    'en-password-passkey-several.html': 1,
    'en-password-passkey-none.html': 1,
    'en-password-passkey-malformed.html': 1,
    'ja-password-passkey-link-only.html': 1,
  },
};

describe('passkey fixtures', () => {
  it.each(Object.entries(EXPECTED))('readPasskeys(%s)', (name, expected) => {
    expect(readPasskeys(load(name))).toEqual(expected);
  });

  for (const [group, expected] of Object.entries(MATCHES)) {
    it(`selector group ${group} matches as pinned`, () => {
      const actual = Object.fromEntries(
        Object.keys(EXPECTED)
          .map((name) => {
            const doc = load(name);
            return [name, new Set(PASSKEYS[group as keyof typeof PASSKEYS].flatMap((s) => [...doc.querySelectorAll(s)])).size] as const;
          })
          .filter(([, n]) => n > 0),
      );
      expect(actual).toEqual(expected);
    });
  }

  it('pairs the list with the one account the password step shows', () => {
    const doc = load('ja-password-passkey-two.html');
    expect(readPasskeyObservation(doc, readSignInPage(doc))).toEqual({
      page: 'signin-passkeys',
      account: { kind: 'email', value: 'taro.yamada@example.co.jp' },
      rpId: 'amazon.co.jp',
      credentialIds: [C1, C2],
    });
    const none = load('en-password-passkey-none.html');
    expect(readPasskeyObservation(none, readSignInPage(none))).toMatchObject({ credentialIds: [] });
    expect(readPasskeyObservation(load('en-password-passkey-malformed.html'), readSignInPage(load('en-password-passkey-malformed.html')))).toBeNull();
  });

  it('reports nothing where the list cannot be tied to one account', () => {
    const doc = load('en-password-passkey-one.html');
    const owner = { kind: 'email' as const, value: 'owner.taro@example.com' };
    expect(readPasskeyObservation(doc, null)).toBeNull();
    expect(readPasskeyObservation(doc, { page: 'signin-claim', source: 'switcher', accounts: [owner, { kind: 'email', value: 'b@example.com' }] })).toBeNull();
    expect(readPasskeyObservation(doc, { page: 'signin-claim', source: 'prefilled', accounts: [owner] })).toBeNull();
    expect(readPasskeyObservation(doc, { page: 'signin-otp', phoneEnding: null })).toBeNull();
  });
});

describe('the real capture (test/fixtures/real, amazon.com password step)', () => {
  it('reads its one passkey, and pairs it with the account shown', () => {
    const doc = parse(readFileSync(fileURLToPath(new NodeURL('../../fixtures/real/signin-claim-password.html', import.meta.url)), 'utf8'));
    expect(readPasskeys(doc)).toEqual({ rpId: 'amazon.com', credentialIds: [REAL_ID] });
    expect(readPasskeyObservation(doc, readSignInPage(doc))).toEqual({
      page: 'signin-passkeys',
      account: { kind: 'email', value: 'some-username@gmail.com' },
      rpId: 'amazon.com',
      credentialIds: [REAL_ID],
    });
    // Both layouts carry it: the hidden inputs and the links' URLs.
    expect(doc.querySelectorAll(PASSKEYS.input.join(',')).length).toBe(2);
    expect(doc.querySelectorAll(PASSKEYS.url.join(',')).length).toBeGreaterThanOrEqual(2);
    for (const input of doc.querySelectorAll(PASSKEYS.input.join(','))) input.remove();
    expect(readPasskeys(doc)).toEqual({ rpId: 'amazon.com', credentialIds: [REAL_ID] });
  });
});

describe('decoding the field', () => {
  it('reads the real capture, in the hidden input and URL-encoded in a link', () => {
    const input = parse(`<form><input type="hidden" name="webAuthnGetParametersForButton" value="${REAL}"></form>`);
    expect(readPasskeys(input)).toEqual({ rpId: 'amazon.com', credentialIds: [REAL_ID] });
    const link = parse(
      `<a id="ap_change_login_claim" href="https://www.amazon.com/ap/signin?pageId=usflex&amp;webAuthnGetParametersForButton=${encodeURIComponent(REAL)}&amp;ref_=x">Change</a>`,
    );
    expect(readPasskeys(link)).toEqual({ rpId: 'amazon.com', credentialIds: [REAL_ID] });
  });

  it('takes base64 and base64url, padded or not, percent-encoded once or twice, or bare JSON', () => {
    const json = opts('amazon.co.jp', [C1, C2]);
    const want = { rpId: 'amazon.co.jp', credentialIds: [C1, C2] };
    for (const v of [b64(json), b64url(json), b64(json).replace(/=+$/, ''), encodeURIComponent(b64(json)), encodeURIComponent(encodeURIComponent(b64(json))), json, encodeURIComponent(json), ` ${b64(json)}\n`]) {
      expect(credentialsOf(decodeParameters(v)), v).toEqual(want);
    }
    // A relative link, and a "+" that a URL query turned into a space.
    const plus = b64(JSON.stringify({ rpId: 'amazon.com', allowCredentials: [{ id: C1, type: 'public-key' }], pad: '>>>?' }));
    expect(plus).toContain('+');
    const doc = parse(`<a href="/ap/signin?webAuthnGetParametersForButton=${plus}">x</a>`);
    expect(readPasskeys(doc)).toEqual({ rpId: 'amazon.com', credentialIds: [C1] });
  });

  it('gives one form per credential: base64 and base64url renderings of an id agree, duplicates collapse', () => {
    const std = 'ab+/cd+/ef+/gh+/ij==';
    const read = credentialsOf(JSON.parse(opts('amazon.com', [std, 'ab-_cd-_ef-_gh-_ij', C1])));
    expect(read).toEqual({ rpId: 'amazon.com', credentialIds: ['ab-_cd-_ef-_gh-_ij', C1] });
  });

  it('ignores extra fields, takes a missing type as public-key, lower-cases the relying party', () => {
    const read = credentialsOf({
      rpId: 'Amazon.COM',
      challenge: 'x',
      userVerification: 'preferred',
      extensions: { appid: 'https://www.amazon.com' },
      allowCredentials: [{ id: C1, transports: ['usb'], extra: { deep: [1, 2] } }],
    });
    expect(read).toEqual({ rpId: 'amazon.com', credentialIds: [C1] });
  });

  it('garbage is no observation, never an exception', () => {
    const bad: unknown[] = [
      '',
      '%',
      '%E0%A4%A',
      'not base64 at all!',
      'eyJycElk',
      b64('[1,2,3]'),
      b64('null'),
      b64('{"rpId":'),
      Buffer.from([0xff, 0xfe, 0x7b]).toString('base64'),
      'x'.repeat(30_000),
    ];
    for (const v of bad) {
      const doc = parse(`<input type="hidden" name="webAuthnGetParametersForButton" value="${String(v)}"><a href="?webAuthnGetParametersForButton=${String(v)}">x</a>`);
      expect(readPasskeys(doc), String(v).slice(0, 20)).toBeNull();
    }
  });

  it('rejects options that are not a clean credential list', () => {
    const cases: unknown[] = [
      null,
      'x',
      [],
      {},
      { rpId: 'amazon.com' },
      { rpId: 'amazon.com', allowCredentials: 'x' },
      { rpId: '', allowCredentials: [] },
      { rpId: 'not a host', allowCredentials: [] },
      { rpId: 'localhost', allowCredentials: [] },
      { rpId: 7, allowCredentials: [] },
      // One broken entry: the list is not trusted to be the whole list.
      { rpId: 'amazon.com', allowCredentials: [{ id: C1, type: 'public-key' }, { id: 5 }] },
      { rpId: 'amazon.com', allowCredentials: [{ id: C1, type: 'password' }] },
      { rpId: 'amazon.com', allowCredentials: [{ id: 'short' }] },
      { rpId: 'amazon.com', allowCredentials: [{ id: '<script>alert(1)</script>' }] },
      { rpId: 'amazon.com', allowCredentials: [{ id: 'A'.repeat(2000) }] },
      { rpId: 'amazon.com', allowCredentials: Array.from({ length: 21 }, (_, i) => ({ id: `${C1.slice(0, 40)}${String(i).padStart(4, '0')}` })) },
    ];
    for (const c of cases) expect(credentialsOf(c), JSON.stringify(c)?.slice(0, 60)).toBeNull();
  });

  it('reads the first candidate that decodes: a broken input does not hide a good link', () => {
    const good = b64(opts('amazon.com', [C2]));
    const doc = parse(
      `<input type="hidden" name="webAuthnGetParametersForButton" value="eyJyc"><a href="https://www.amazon.com/ap/signin?webAuthnGetParametersForButton=${encodeURIComponent(good)}">x</a>`,
    );
    expect(readPasskeys(doc)).toEqual({ rpId: 'amazon.com', credentialIds: [C2] });
  });

  it('survives odd documents', () => {
    expect(readPasskeys(parse(''))).toBeNull();
    expect(readPasskeys(document.implementation.createHTMLDocument(''))).toBeNull();
    expect(readPasskeys({} as Document)).toBeNull();
  });
});
