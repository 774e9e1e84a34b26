// One schema per stored value: every concern of the state, the meta record,
// the new messages and the import file's top level accept what the extension
// writes and refuse anything else; defaults and unknown fields as loadState reads them.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseContentMessage, parseUiMessage } from '../../../src/core/messages';
import { emptyState, isValidState, joinStateItems, loadState, readMeta, stateItems } from '../../../src/core/state';
import { CONCERN_SCHEMAS, HealthEntrySchema, NoticeSchema, StateMetaSchema } from '../../../src/core/state-schema';
import { SettingsSchema } from '../../../src/core/settings';
import { STATE_CONCERNS, STATE_KEYS } from '../../../src/core/storage-keys';
import { SCHEMA_VERSION } from '../../../src/core/types';
import { DANGER, SALT } from '../../support/states';

describe('state concerns', () => {
  it('each concern has its schema, and a state splits into its keys and joins back unchanged', () => {
    expect(Object.keys(CONCERN_SCHEMAS).sort()).toEqual([...STATE_CONCERNS].sort());
    const items = stateItems(DANGER, { writeId: 'w1' });
    expect(Object.keys(items).sort()).toEqual([...STATE_KEYS].sort());
    expect(loadState(joinStateItems(items))).toEqual({ kind: 'ok', state: DANGER });
    expect(joinStateItems({})).toBeUndefined();
  });

  it('health entries, notices and the meta record refuse the wrong shapes', () => {
    expect(v.is(HealthEntrySchema, { pageType: 'signin', marketplace: 'amazon.com', lastReadAt: null, unreadableCount: 0, unreadableAt: null })).toBe(true);
    expect(v.is(HealthEntrySchema, { pageType: 'signin', marketplace: 'amazon.com', lastReadAt: 'x', unreadableCount: 0, unreadableAt: null })).toBe(false);
    expect(v.is(NoticeSchema, { id: 'n', kind: 'listings-pruned', at: 1, setAsideKey: null, count: 3 })).toBe(true);
    expect(v.is(NoticeSchema, { id: 'n', kind: 'made-up', at: 1, setAsideKey: null })).toBe(false);
    expect(readMeta({ schemaVersion: SCHEMA_VERSION, salt: SALT, writeId: 'w' })).toEqual({ schemaVersion: SCHEMA_VERSION, salt: SALT, writeId: 'w' });
    expect(readMeta({ schemaVersion: SCHEMA_VERSION, salt: SALT, writeId: 'w', sweep: { keepListings: ['listings:a'] } })?.sweep).toEqual({ keepListings: ['listings:a'] });
    for (const bad of [null, [], { schemaVersion: 2, salt: SALT, writeId: 'w' }, { schemaVersion: SCHEMA_VERSION, salt: 'x', writeId: 'w' }, { schemaVersion: SCHEMA_VERSION, salt: SALT }]) {
      expect(v.is(StateMetaSchema, bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('arrays are never taken for objects (checklist, snapshot fields, settings)', () => {
    expect(isValidState({ ...emptyState(SALT), checklist: [] })).toBe(false);
    expect(v.is(SettingsSchema, [])).toBe(false);
    expect(v.is(SettingsSchema, emptyState(SALT).settings)).toBe(true);
  });

  it('the stored state drops fields it does not know (they cannot ride along into an export)', () => {
    const loaded = loadState({ ...emptyState(SALT), extra: 'x', accounts: [] });
    expect(loaded.kind).toBe('ok');
    if (loaded.kind === 'ok') expect(loaded.state).not.toHaveProperty('extra');
  });
});

describe('health and status messages', () => {
  it('page-unreadable names a known page type and nothing else', () => {
    expect(parseContentMessage({ type: 'page-unreadable', pageType: 'login-security' }).ok).toBe(true);
    expect(parseContentMessage({ type: 'page-unreadable', pageType: 'signin' }).ok).toBe(true);
    for (const bad of [{ type: 'page-unreadable', pageType: 'evil' }, { type: 'page-unreadable' }, { type: 'page-unreadable', pageType: 'signin', url: 'x' }]) {
      expect(parseContentMessage(bad).ok, JSON.stringify(bad)).toBe(false);
    }
    // Only from a content script: not a message an extension page sends.
    expect(parseUiMessage({ type: 'page-unreadable', pageType: 'signin' }).ok).toBe(false);
  });

  it('get-status only from an extension page, with no other field', () => {
    expect(parseUiMessage({ type: 'get-status' }).ok).toBe(true);
    expect(parseUiMessage({ type: 'get-status', all: true }).ok).toBe(false);
    expect(parseContentMessage({ type: 'get-status' }).ok).toBe(false);
  });
});
