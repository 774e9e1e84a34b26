// Normalising account identifiers: the same account must always give the
// same value (and so the same fingerprint), however it was typed or shown.

import { describe, expect, it } from 'vitest';
import { marketplaceById, type Marketplace } from '../../../src/core/marketplaces';
import { classifyIdentifier, normaliseAccount, normaliseEmail, normalisePhone } from '../../../src/core/normalise';

const JP = marketplaceById('amazon.co.jp') as Marketplace;
const US = marketplaceById('amazon.com') as Marketplace;
const UK = marketplaceById('amazon.co.uk') as Marketplace;
const IT = marketplaceById('amazon.it') as Marketplace;

describe('classifyIdentifier', () => {
  it.each([
    ['owner.taro@example.com', 'email', 'owner.taro@example.com'],
    ['  Owner.Taro@Example.COM\n', 'email', 'Owner.Taro@Example.COM'],
    ['ｏｗｎｅｒ．ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'email', 'owner.taro@example.com'],
    ['taro+amazon@example.co.jp', 'email', 'taro+amazon@example.co.jp'],
    ['+1 206-555-0143', 'phone', '+1 206-555-0143'],
    ['090-1234-5678', 'phone', '090-1234-5678'],
    ['０９０－１２３４－５６７８', 'phone', '090-1234-5678'],
    ['090ー1234ー5678', 'phone', '090-1234-5678'], // long vowel mark typed for a dash
    ['090−1234−5678', 'phone', '090-1234-5678'], // U+2212 minus sign
    ['(206) 555-0143', 'phone', '(206) 555-0143'],
    ['\u200eowner.taro@example.com\u200f', 'email', 'owner.taro@example.com'], // direction marks around a dir=ltr claim
    ['owner.\u200btaro@example.com', 'email', 'owner.taro@example.com'], // zero-width space
  ])('%j is %s %j', (input, kind, value) => {
    expect(classifyIdentifier(input)).toEqual({ kind, value });
  });

  it.each([
    ['ta***@g***.com'], // masked by Amazon
    ['t*****o@example.com'],
    ['+81 ***-****-5678'],
    ['•••• 1234'],
    ['●●●●5678'],
    ['ta…@example.com'],
    ['ｔａ＊＊＊＠ｅｘａｍｐｌｅ．ｃｏｍ'], // full-width asterisks fold to "*"
    [''],
    ['   '],
    ['taro'],
    ['Change'],
    ['変更'],
    ['1234'], // too short for a phone
    ['1234567890123456'], // too long for a phone
    ['taro@localhost'],
    ['<img src=x onerror=alert(1)>@evil.example'],
    ['"><script>alert(1)</script>@x.example'],
    ['javascript:alert(1)//@x.example'],
    ['two@at@example.com'],
    ['owner.taro@example.com Change'],
    [`${'a'.repeat(320)}@example.com`],
  ])('%j is not an identifier', (input) => {
    expect(classifyIdentifier(input)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(classifyIdentifier(undefined as unknown as string)).toBeNull();
    expect(classifyIdentifier(42 as unknown as string)).toBeNull();
  });
});

describe('normaliseEmail', () => {
  it('lower-cases, folds full-width and trims', () => {
    expect(normaliseEmail(' Owner.Taro@Example.COM ')).toBe('owner.taro@example.com');
    expect(normaliseEmail('ＯＷＮＥＲ．ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＣＯＭ')).toBe('owner.taro@example.com');
  });

  it('gives the same value for every spelling of one address', () => {
    const spellings = ['owner.taro@example.com', 'OWNER.TARO@EXAMPLE.COM', 'ｏｗｎｅｒ．ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', '\u200eowner.taro@example.com'];
    expect(new Set(spellings.map(normaliseEmail))).toEqual(new Set(['owner.taro@example.com']));
  });

  it('refuses what is not an address', () => {
    expect(normaliseEmail('090-1234-5678')).toBeNull();
    expect(normaliseEmail('owner.taro@example')).toBeNull();
  });
});

describe('normalisePhone', () => {
  it.each([
    // Japan: trunk prefix 0, calling code 81
    ['090-1234-5678', JP, '819012345678'],
    ['09012345678', JP, '819012345678'],
    ['０９０－１２３４－５６７８', JP, '819012345678'],
    ['+81 90-1234-5678', JP, '819012345678'],
    ['+81-90-1234-5678', US, '819012345678'], // international: the marketplace does not matter
    ['+81 (0)90-1234-5678', JP, '819012345678'], // trunk prefix kept after the country code
    ['+81 090 1234 5678', US, '819012345678'],
    ['0081 90 1234 5678', JP, '819012345678'],
    ['81 90 1234 5678', JP, '819012345678'],
    ['810 90 1234 5678', JP, '819012345678'],
    // United States: trunk prefix 1, calling code 1
    ['(206) 555-0143', US, '12065550143'],
    ['206-555-0143', US, '12065550143'],
    ['1-206-555-0143', US, '12065550143'],
    ['+1 206-555-0143', US, '12065550143'],
    ['+1 206-555-0143', JP, '12065550143'],
    ['+12065550143', null, '12065550143'],
    // United Kingdom: trunk 0 after +44 dropped too
    ['07700 900123', UK, '447700900123'],
    ['+44 (0)7700 900123', JP, '447700900123'],
    // Italy has no trunk prefix: its leading 0 is part of the number
    ['06 1234 5678', IT, '390612345678'],
    ['+39 06 1234 5678', JP, '390612345678'],
  ])('%j on %s is %s', (input, market, expected) => {
    expect(normalisePhone(input, market as Marketplace | null)).toBe(expected);
  });

  it('reads a national number without a marketplace as given', () => {
    expect(normalisePhone('090-1234-5678', null)).toBe('09012345678');
  });

  it.each([['090-1234-567a'], ['12-34'], ['+1 206 555 0143 0000 1111'], ['owner.taro@example.com'], ['']])(
    'refuses %j',
    (input) => {
      expect(normalisePhone(input, JP)).toBeNull();
    },
  );
});

describe('normaliseAccount', () => {
  it('dispatches on the kind', () => {
    expect(normaliseAccount({ kind: 'email', value: 'Owner.Taro@Example.com' }, JP)).toEqual({
      kind: 'email',
      value: 'owner.taro@example.com',
    });
    expect(normaliseAccount({ kind: 'phone', value: '090-1234-5678' }, JP)).toEqual({ kind: 'phone', value: '819012345678' });
  });

  it('returns null when the value does not fit the kind', () => {
    expect(normaliseAccount({ kind: 'email', value: '090-1234-5678' }, JP)).toBeNull();
    expect(normaliseAccount({ kind: 'phone', value: 'owner.taro@example.com' }, JP)).toBeNull();
  });

  it('makes the account shown on the password step equal the one typed on the email step', () => {
    // ja-password-phone shows "090-1234-5678"; the user may have typed any of these.
    const shown = normaliseAccount({ kind: 'phone', value: '090-1234-5678' }, JP);
    for (const typed of ['09012345678', '+81 90 1234 5678', '０９０１２３４５６７８', '+81 (0)90-1234-5678']) {
      expect(normaliseAccount({ kind: 'phone', value: typed }, JP)).toEqual(shown);
    }
  });
});
