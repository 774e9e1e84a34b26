// Look-alike folding: the disguises kits use all read as the brand, and only
// real disguises count as disguised.
import { describe, expect, it } from 'vitest';
import { foldLookalikes, hasBrand, hasDisguisedBrand } from '../../../src/core/phishing/fold';

describe('foldLookalikes / hasBrand', () => {
  it.each([
    ['Amazon.co.jp', false],
    ['Amаzоnログイン', true], // Cyrillic а, о
    ['Аmazon', true], // Cyrillic А
    ['Ａｍａｚｏｎ', false], // full-width: folded, but ordinary Japanese typography
    ['Ama\u200Bzon', true], // zero-width space
    ['Am\u00ADazon', true], // soft hyphen
    ['amaz0n', true],
    ['arnazon', true], // rn looks like m
    ['Amαzon', true], // Greek alpha
    ['ámazon', true], // accent
    ['A m a z o n', false], // spaced out: still the brand, not a character disguise
    ['アマゾン', false],
    ['ｱﾏｿﾞﾝ', false], // half-width katakana
  ])('%s reads as the brand (disguised: %s)', (text, disguised) => {
    expect(hasBrand(text)).toBe(true);
    expect(hasDisguisedBrand(text)).toBe(disguised);
  });

  it.each(['Google アカウント', 'Amazing zones', 'amazement', 'Microsoft', '楽天会員ログイン', 'ama', ''])('%s is not the brand', (text) => {
    expect(hasBrand(text)).toBe(false);
    expect(hasDisguisedBrand(text)).toBe(false);
  });

  it('folds Cyrillic, Greek and width, keeps kana voicing', () => {
    expect(foldLookalikes('РауРаl')).toBe('paypal');
    expect(foldLookalikes('ログイン')).toBe('ログイン');
    expect(foldLookalikes('ｻｲﾝｲﾝ')).toBe('サインイン');
  });
});
