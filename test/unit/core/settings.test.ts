import { describe, expect, it } from 'vitest';
import { applySettingsPatch, parseWholeNumber, validateSettingsPatch } from '../../../src/core/settings';
import { defaultSettings, emptyState, isValidState } from '../../../src/core/state';
import { parseUiMessage } from '../../../src/core/messages';

describe('settings patches', () => {
  it('accepts known fields within their limits', () => {
    const r = validateSettingsPatch({ passwordAgeDays: 180, notifications: false, listing: { bulkCount: 5 }, disabledMarketplaces: ['amazon.de'] });
    expect(r.ok).toBe(true);
  });

  it('names every bad field with its limits', () => {
    const r = validateSettingsPatch({ dormancyDays: 0, passwordAgeDays: 1.5, listing: { underpricedPercent: 101, nope: 1 }, extra: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(['dormancyDays', 'extra', 'listing.nope', 'listing.underpricedPercent', 'passwordAgeDays']);
    expect(r.errors.find((e) => e.field === 'listing.underpricedPercent')).toEqual({ field: 'listing.underpricedPercent', key: 'settingsErrorRange', subs: ['1', '100'] });
  });

  it('rejects unknown marketplaces and wrong types', () => {
    expect(validateSettingsPatch({ disabledMarketplaces: ['example.com'] }).ok).toBe(false);
    expect(validateSettingsPatch({ notifications: 'yes' }).ok).toBe(false);
    expect(validateSettingsPatch({ listing: [] }).ok).toBe(false);
    expect(validateSettingsPatch(null).ok).toBe(false);
  });

  it('applies a patch without touching other settings, and the result is a valid state', () => {
    const s = applySettingsPatch(defaultSettings(), { listing: { bulkCount: 3 }, disabledMarketplaces: ['amazon.de', 'amazon.de'] });
    expect(s.listing.bulkCount).toBe(3);
    expect(s.listing.bulkWindowHours).toBe(24);
    expect(s.disabledMarketplaces).toEqual(['amazon.de']);
    expect(s.passwordAgeDays).toBe(90);
    expect(isValidState({ ...emptyState('0123456789abcdef0123456789abcdef'), settings: s })).toBe(true);
  });

  it('reads half- and full-width whole numbers only', () => {
    expect(parseWholeNumber(' 90 ')).toBe(90);
    expect(parseWholeNumber('９０')).toBe(90);
    expect(parseWholeNumber('9.5')).toBeNull();
    expect(parseWholeNumber('-1')).toBeNull();
    expect(parseWholeNumber('')).toBeNull();
  });

  it('the page message is refused unless the patch is valid', () => {
    expect(parseUiMessage({ type: 'update-settings', patch: { dormancyDays: 30 } }).ok).toBe(true);
    expect(parseUiMessage({ type: 'update-settings', patch: { dormancyDays: -1 } }).ok).toBe(false);
    expect(parseUiMessage({ type: 'update-settings', patch: {}, more: 1 }).ok).toBe(false);
  });
});

describe('other page messages from issue 5', () => {
  it('checks each strictly', () => {
    const ok = (m: unknown) => parseUiMessage(m).ok;
    expect(ok({ type: 'add-account', account: { kind: 'email', value: 'a@b.jp' }, marketplace: 'amazon.co.jp' })).toBe(true);
    expect(ok({ type: 'add-account', account: { kind: 'email', value: 'a@b.jp' }, marketplace: 'evil.example' })).toBe(false);
    expect(ok({ type: 'rename-account', accountId: 'abc123', label: 'Shop' })).toBe(true);
    expect(ok({ type: 'rename-account', accountId: 'abc123', label: null })).toBe(true);
    expect(ok({ type: 'rename-account', accountId: 'abc123', label: 'x'.repeat(61) })).toBe(false);
    expect(ok({ type: 'checklist-step', step: 'contact', done: true })).toBe(true);
    expect(ok({ type: 'checklist-step', step: 'hack', done: true })).toBe(false);
    expect(ok({ type: 'checklist-step', step: 'contact', done: 'yes' })).toBe(false);
    expect(ok({ type: 'export-state' })).toBe(true);
    expect(ok({ type: 'reset-state', now: true })).toBe(false);
    expect(ok({ type: 'import-state', text: '{}' })).toBe(true);
    expect(ok({ type: 'import-state', text: 5 })).toBe(false);
    // A sealed export file's passphrase (core/export): a string of sane length, nothing else.
    expect(ok({ type: 'export-state', passphrase: 'long enough phrase' })).toBe(true);
    expect(ok({ type: 'export-state', passphrase: 5 })).toBe(false);
    expect(ok({ type: 'export-state', passphrase: 'x'.repeat(1025) })).toBe(false);
    expect(ok({ type: 'import-state', text: '{}', passphrase: 'long enough phrase' })).toBe(true);
    expect(ok({ type: 'import-state', text: '{}', passphrase: null })).toBe(false);
    expect(ok({ type: 'export-state', passphrase: 'p', salt: 'x' })).toBe(false);
  });
});
