// The one message table (core/schemas/messages): every message type has a
// sender, an example each sender's parse accepts and every other refuses,
// strict objects everywhere (an extra key or an array refused at any depth),
// the settings gate agrees with the options form's field check, and no
// content script reaches valibot at run time or calls i18n.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseContentMessage, parseUiMessage } from '../../../src/core/messages';
import {
  isPhishingMessage,
  MESSAGES,
  parseFrom,
  parsePhishingMessage,
  sendersOf,
  type MessageType,
  type ReplyTo,
} from '../../../src/core/schemas/messages';
import { SettingsPatchSchema, validateSettingsPatch } from '../../../src/core/settings';
import type { PublicState, Reply, ShownBanner } from '../../../src/core/types';
import * as v from 'valibot';
import { buildManifest } from '../../../vite.config';

const ACCOUNT = { kind: 'email', value: 'owner.taro@example.co.jp' };
const ROW = { sku: 'SKU-1', asin: 'B000000001', title: 'タイトル', status: 'active', price: 1980, quantity: 3, created: null, featured: null, lowest: null, category: null, brand: null };
const EVIDENCE = {
  ids: ['ap_email', 'signInSubmit'],
  framework: 12,
  logoSprite: true,
  amazonCdn: false,
  password: true,
  identifier: true,
  widget: false,
  title: 'Amazonサインイン',
  formText: 'Eメールまたは携帯電話番号',
  logoText: 'amazon.co.jp',
};

/** One well-formed example of every message type: a new type fails here until it has one. */
const EXAMPLES: Record<MessageType, Record<string, unknown>> = {
  observe: { type: 'observe', observation: { page: 'inventory', ui: 'current', seller: 'A2EXAMPLE', marketplaceId: 'A1VC38T7YXB528', rows: [ROW] } },
  'typed-account': { type: 'typed-account', account: ACCOUNT },
  'alert-action': { type: 'alert-action', alertIds: ['a-1'], action: 'trust' },
  'open-checklist': { type: 'open-checklist' },
  'signin-submit': { type: 'signin-submit', account: null },
  'password-step-shown': { type: 'password-step-shown' },
  wake: { type: 'wake' },
  'owner-change': { type: 'owner-change', page: 'login-security', field: 'password' },
  'page-unreadable': { type: 'page-unreadable', pageType: 'inventory' },
  'get-state': { type: 'get-state' },
  'get-status': { type: 'get-status' },
  'account-action': { type: 'account-action', accountId: 'abc', action: 'remove' },
  'dismiss-notice': { type: 'dismiss-notice', noticeId: 'n-1' },
  'update-settings': { type: 'update-settings', patch: { dormancyDays: 30, listing: { bulkCount: 5 } } },
  'add-account': { type: 'add-account', account: { kind: 'phone', value: '090-1234-5678' }, marketplace: 'amazon.co.jp' },
  'rename-account': { type: 'rename-account', accountId: 'abc', label: '仕事用' },
  'checklist-step': { type: 'checklist-step', step: 'password', done: true },
  'export-state': { type: 'export-state', passphrase: 'correct horse' },
  'import-state': { type: 'import-state', text: '{}' },
  'reset-state': { type: 'reset-state' },
  'phish-page': { type: 'phish-page', evidence: EVIDENCE },
  'phish-keys': { type: 'phish-keys', field: 0, chars: 'ab' },
  'phish-signin-password': { type: 'phish-signin-password', password: 'hunter2!' },
  'phish-decision': { type: 'phish-decision', decision: 'back', kind: 'lookalike-page', url: 'https://amaz0n-jp.example/ap/signin', realm: 'amazon.co.jp' },
};

const TYPES = Object.keys(MESSAGES) as MessageType[];

describe('the message table', () => {
  it('has an example and at least one sender for every type', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...TYPES].sort());
    for (const t of TYPES) expect(sendersOf(t).length, t).toBeGreaterThan(0);
    expect(sendersOf('no-such-type')).toEqual([]);
    expect(sendersOf('toString')).toEqual([]); // not an inherited key
  });

  it.each(TYPES)('%s: accepted from its senders only', (type) => {
    const m = EXAMPLES[type];
    const from = sendersOf(type);
    expect(parseContentMessage(m).ok, 'content script').toBe(from.includes('content'));
    expect(parseUiMessage(m).ok, 'extension page').toBe(from.includes('extension-page'));
    const phishing = from.some((k) => k === 'guard' || k === 'signin' || k === 'warning-page');
    expect(isPhishingMessage(m)).toBe(phishing);
    expect(parsePhishingMessage(m) !== null).toBe(phishing);
    // The parsed message is what was sent, key for key (a copy: nothing the schema does not name).
    const parsed = parseFrom(from, m, 'test');
    expect(parsed).toEqual({ ok: true, message: m });
  });

  it.each(TYPES)('%s: an extra key is refused, with a short reason', (type) => {
    const parsed = parseFrom(sendersOf(type), { ...EXAMPLES[type], extra: 1 }, 'test');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeLessThan(120);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a listing row', { ...EXAMPLES.observe, observation: { ...(EXAMPLES.observe.observation as object), rows: [{ ...ROW, html: '<b>' }] } }],
    ['the settings listing block', { type: 'update-settings', patch: { listing: { bulkCount: 5, more: 1 } } }],
    ['the phishing evidence', { type: 'phish-page', evidence: { ...EVIDENCE, html: '' } }],
    ['an account', { type: 'signin-submit', account: { ...ACCOUNT, raw: 'x' } }],
  ])('an extra key deep in %s is refused', (_what, m) => {
    expect(parseFrom(sendersOf(m.type), m, 'test').ok).toBe(false);
  });

  it.each<[string, unknown]>([
    ['an array for the settings patch', { type: 'update-settings', patch: [] }],
    ['an array for the listing settings', { type: 'update-settings', patch: { listing: [] } }],
    ['an array for an account', { type: 'typed-account', account: [] }],
    ['an array for the evidence', { type: 'phish-page', evidence: [] }],
    ['a message that is an array', [EXAMPLES.wake]],
    ['a JSON __proto__ key', JSON.parse('{"type":"wake","__proto__":{"x":1}}')],
  ])('%s is refused', (_what, m) => {
    const senders = ['content', 'extension-page', 'guard', 'signin', 'warning-page'] as const;
    expect(parseFrom(senders, m, 'test').ok).toBe(false);
  });

  it('names where a message is malformed', () => {
    const bad = { ...EXAMPLES.observe, observation: { ...(EXAMPLES.observe.observation as object), rows: [{ ...ROW, asin: 'nope' }] } };
    const parsed = parseContentMessage(bad);
    expect(parsed).toEqual({ ok: false, reason: 'malformed observation (observation.rows.0.asin)' });
  });

  it('says which type was refused without echoing a long or non-string one', () => {
    expect(parseContentMessage({ type: 'get-state' })).toEqual({ ok: false, reason: 'type not allowed from a content script: get-state' });
    expect(parseUiMessage({ type: { toString: () => 'x' } })).toEqual({ ok: false, reason: 'type not allowed from an extension page: object' });
  });

  it('bounds the phishing messages as their guard did', () => {
    const ok = (m: unknown) => parsePhishingMessage(m) !== null;
    expect(ok({ type: 'phish-keys', field: 1e9, chars: 'a' })).toBe(false);
    expect(ok({ type: 'phish-keys', field: 1.5, chars: 'a' })).toBe(false);
    expect(ok({ type: 'phish-keys', field: 0, chars: '' })).toBe(false);
    expect(ok({ type: 'phish-keys', field: 0, chars: 'a'.repeat(65) })).toBe(false);
    expect(ok({ type: 'phish-signin-password', password: 'a'.repeat(257) })).toBe(false);
    expect(ok({ ...EXAMPLES['phish-decision'], url: 'javascript:alert(1)' })).toBe(false);
    expect(ok({ ...EXAMPLES['phish-decision'], realm: 'amazon.evil' })).toBe(false);
    expect(ok({ ...EXAMPLES['phish-decision'], realm: null })).toBe(true);
    expect(ok({ type: 'phish-page', evidence: { ...EVIDENCE, ids: ['not-an-amazon-id'] } })).toBe(false);
    expect(ok({ type: 'phish-page', evidence: { ...EVIDENCE, framework: 31 } })).toBe(false);
    expect(ok({ type: 'phish-page', evidence: { ...EVIDENCE, title: 'x'.repeat(601) } })).toBe(false);
  });

  it('types each answer from the table', () => {
    expectTypeOf<Extract<ReplyTo<'observe'>, { ok: true }>['banner']>().toEqualTypeOf<ShownBanner | null>();
    expectTypeOf<Extract<ReplyTo<'get-state'>, { ok: true }>['state']>().toEqualTypeOf<PublicState>();
    expectTypeOf<Extract<ReplyTo<'export-state'>, { ok: true }>['exportText']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<Reply, { ok: true }>['listen']>().toEqualTypeOf<boolean | undefined>();
  });
});

describe('the settings patch schema (core/settings) as update-settings carries it', () => {
  // The background's gate and the options form's per-field check must agree.
  it.each<unknown>([
    {},
    { passwordAgeDays: 90 },
    { passwordAgeDays: 0 },
    { passwordAgeDays: 3651 },
    { dormancyDays: 1.5 },
    { dormancyDays: '30' },
    { dormancyDays: undefined },
    { notifications: false },
    { notifications: 'yes' },
    { disabledMarketplaces: [] },
    { disabledMarketplaces: ['amazon.co.jp', 'amazon.com'] },
    { disabledMarketplaces: ['amazon.evil'] },
    { disabledMarketplaces: 'amazon.co.jp' },
    { listing: {} },
    { listing: { bulkCount: 100_000, quantityJumpFactor: 1 } },
    { listing: { underpricedPercent: 101 } },
    { listing: { priceDropPercent: 0 } },
    { listing: { unknown: 1 } },
    { listing: null },
    { salt: 'x' },
    [],
    null,
  ])('%j', (patch) => {
    expect(v.is(SettingsPatchSchema, patch)).toBe(validateSettingsPatch(patch).ok);
  });
});

// ------------------------------------------- valibot stays out of the pages

/** The relative modules a source file imports at run time (import type / export type are erased). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[2]) continue;
    out.push(m[3]!);
  }
  return out;
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return spec; // a package
  const base = normalize(join(dirname(from), spec));
  for (const f of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(f) && !f.endsWith('/') && /\.tsx?$/.test(f)) return f;
  return null;
}

/** Every module (and package) a file reaches at run time. */
function reach(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  if (!entry.startsWith('src/')) return seen;
  for (const spec of runtimeImports(entry)) {
    const next = resolve(entry, spec);
    if (next) reach(next, seen);
  }
  return seen;
}

describe('content scripts', () => {
  // What the manifest injects, and the guard's script the background registers.
  const entries = [...new Set([...(buildManifest('chrome').content_scripts as { js: string[] }[]).flatMap((c) => c.js), 'src/content/phishing-guard.ts'])];
  it('are the six scripts', () => expect(entries).toHaveLength(6));
  it.each(entries)('%s reaches neither valibot nor the schemas at run time', (entry) => {
    const reached = [...reach(entry)];
    expect(reached.length).toBeGreaterThan(3); // the walk follows imports
    expect(reached.filter((m) => m === 'valibot' || m.startsWith('valibot/') || m.includes('core/schemas/'))).toEqual([]);
  });

  // A content script's first i18n call waits on the browser process for the catalogue: the banner's words come with it instead.
  it.each(entries)('%s makes no i18n call', (entry) => {
    const calls = [...reach(entry)].filter((m) => m.startsWith('src/') && /\bi18n\s*\.|getMessage\s*\(/.test(readFileSync(m, 'utf8').replace(/\/\/.*$/gm, '')));
    expect(calls).toEqual([]);
  });

  it('the walk sees valibot where it is used', () => {
    expect([...reach('src/core/messages.ts')]).toContain('valibot');
  });
});
