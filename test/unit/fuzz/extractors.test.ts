// @vitest-environment jsdom
// Hostile pages: every extractor under src/readers (found automatically, so new
// page types are covered as they land) runs over at least 10,000 generated and
// mutated documents. None may throw, and whatever one returns must be null or
// something the background accepts (its own shape check, parseContentMessage):
// an extractor that produces what the background refuses silently stops
// watching that page.
//
// Reproduce a failure: FUZZ_SEED=<seed> FUZZ_CASE=<case> npx vitest run --project unit test/unit/fuzz/extractors.test.ts

import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContentMessage } from '../../../src/core/messages';
import { parsePhishingMessage } from '../../../src/core/phishing/messages';
import { caseSeed, DEGENERATE, damageText, mutate, prng, randomPage, vocabularyOf } from './hostile';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? null : Number(process.env.FUZZ_CASE);
const TARGET_DOCUMENTS = Number(process.env.FUZZ_DOCS ?? 10_000);

type Reader = (arg: unknown) => unknown;

/** Every exported `read…(x)` of every module under src/readers. */
const modules = import.meta.glob('../../../src/readers/**/*.ts', { eager: true }) as Record<string, Record<string, unknown>>;
const READERS: [string, Reader][] = Object.entries(modules)
  .flatMap(([path, mod]) =>
    Object.entries(mod)
      .filter(([name, f]) => /^read/.test(name) && typeof f === 'function' && f.length === 1)
      .map(([name, f]): [string, Reader] => [`${path.replace(/^.*src\/readers\//, '')}#${name}`, f as Reader]),
  )
  .sort(([a], [b]) => a.localeCompare(b));

/** Readers that take an element rather than the document, and which elements to give them. */
const ELEMENT_ARGUMENT: Record<string, string> = { readTypedAccount: 'input' };

const FIXTURES = import.meta.glob('../../fixtures/**/*.html', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const PAGES = Object.entries(FIXTURES)
  .map(([path, html]) => ({ name: path.replace(/^.*fixtures\//, ''), html }))
  .sort((a, b) => a.name.localeCompare(b.name));
const SMALL_PAGES = PAGES.filter((p) => p.html.length <= 30_000);
const VOCAB = vocabularyOf(PAGES.map((p) => p.html));

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A listing row the background accepts, to carry a seller reference through the inventory check. */
const GOOD_ROW = { sku: 'SKU-1', asin: 'B000000001', title: 't', status: 'active', price: 1, quantity: 1, created: null, featured: null, lowest: null, category: null, brand: null };

/** Why the background would refuse what a reader returned, or null when it would take it. */
function refusal(value: unknown): string | null {
  if (value === null) return null;
  if (!isObj(value)) return `returned ${typeof value}, not null or an object`;
  if ('page' in value) {
    const parsed = parseContentMessage({ type: 'observe', observation: value });
    return parsed.ok ? null : `observe: ${parsed.reason}`;
  }
  if ('kind' in value && 'value' in value) {
    const parsed = parseContentMessage({ type: 'typed-account', account: value });
    return parsed.ok ? null : `typed-account: ${parsed.reason}`;
  }
  if ('fields' in value && 'orders' in value && Object.keys(value).length === 2) {
    // An account page type's reading (readers/account/*): it ends up in an account observation.
    const kind = Array.isArray(value.orders) && value.orders.length > 0 ? 'orders' : 'login-security';
    const parsed = parseContentMessage({ type: 'observe', observation: { page: 'account', kind, ...value, identity: [] } });
    return parsed.ok ? null : `account reading: ${parsed.reason}`;
  }
  if ('seller' in value && 'marketplaceId' in value && Object.keys(value).length === 2) {
    // A seller identity ends up in an inventory observation: check it there.
    const parsed = parseContentMessage({ type: 'observe', observation: { page: 'inventory', ui: 'classic', ...value, rows: [GOOD_ROW] } });
    return parsed.ok ? null : `seller identity: ${parsed.reason}`;
  }
  if ('rpId' in value && 'credentialIds' in value && Object.keys(value).length === 2) {
    // A passkey list (readers/passkeys.ts) ends up in a signin-passkeys observation with the account shown.
    const parsed = parseContentMessage({ type: 'observe', observation: { page: 'signin-passkeys', account: { kind: 'email', value: 'a@example.com' }, ...value } });
    return parsed.ok ? null : `passkey list: ${parsed.reason}`;
  }
  if ('ids' in value && 'framework' in value) {
    // The phishing guard's page evidence (readers/lookalike.ts) travels in its own message.
    return parsePhishingMessage({ type: 'phish-page', evidence: value }) ? null : 'phish-page: refused';
  }
  return `returned an object of no message shape the background knows: ${JSON.stringify(value).slice(0, 200)}`;
}

interface Failure {
  seed: number;
  case: number;
  step: number;
  origin: string;
  mutations: string[];
  reader: string;
  problem: string;
  saved: string;
}

let documents = 0;
/** Non-null values per reader: shows the fuzz reaches past the readers' first checks. */
const readValues = new Map<string, number>();
const failures: Failure[] = [];

function check(doc: Document, where: Omit<Failure, 'reader' | 'problem' | 'saved'>): void {
  documents += 1;
  for (const [name, read] of READERS) {
    const fn = name.split('#')[1]!;
    const args: unknown[] = ELEMENT_ARGUMENT[fn] ? [...doc.querySelectorAll(ELEMENT_ARGUMENT[fn]!)] : [doc];
    for (const arg of args) {
      let problem: string | null;
      try {
        const value = read(arg);
        if (isObj(value) && Object.values(value).some((v) => v !== null)) readValues.set(name, (readValues.get(name) ?? 0) + 1);
        problem = refusal(value);
      } catch (e) {
        problem = `threw ${(e as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(e)}`;
      }
      if (problem && failures.length < 20) {
        const saved = join(tmpdir(), `fuzz-${where.seed}-${where.case}-${where.step}.html`);
        try {
          writeFileSync(saved, doc.documentElement?.outerHTML ?? '');
        } catch {
          /* best effort */
        }
        failures.push({ ...where, reader: name, problem, saved });
      }
    }
  }
}

const parser = new DOMParser();
/**
 * Cases run in one long-lived document whose content is swapped: jsdom pays
 * a set-up cost on each new Document's first queries, which made a fresh
 * document per case markedly slower (the whole run must stay well under a minute).
 */
const page = parser.parseFromString('<html><head></head><body></body></html>', 'text/html');
function show(root: Element | null): Document {
  for (const n of [...page.childNodes]) n.remove();
  if (root) page.append(page.adoptNode(root));
  return page;
}
const load = (html: string) => show(parser.parseFromString(html, 'text/html').documentElement);

/** One case: a random page, or a real fixture damaged as text and then mutated step by step (each step is a new document). */
function runCase(n: number): void {
  const r = prng(caseSeed(SEED, n));
  const where = { seed: SEED, case: n, step: 0, origin: '', mutations: [] as string[] };
  const roll = r.next();
  if (roll < 0.55 || PAGES.length === 0) {
    where.origin = 'random page';
    const doc = load(randomPage(r, VOCAB, 10 + r.int(80)));
    check(doc, where);
    for (let step = 1, steps = 1 + r.int(5); step <= steps; step++) {
      where.mutations.push(mutate(r, doc, VOCAB));
      check(doc, { ...where, step, mutations: [...where.mutations] });
    }
    return;
  }
  let fixture = r.pick(PAGES);
  let doc: Document;
  const whole = roll >= 0.8;
  // Whole pages only from the ordinary-sized fixtures (big inventory tables are used in parts): each document costs every reader.
  if (whole && SMALL_PAGES.length) fixture = r.pick(SMALL_PAGES);
  where.origin = fixture.name;
  if (!whole) {
    // A part of a real page (a form, a table, a section) on its own: the rest removed.
    const source = parsed(fixture);
    const parts = [...source.body.querySelectorAll('*')].filter((e) => {
      const n = e.getElementsByTagName('*').length;
      return n >= 5 && n <= 400;
    });
    doc = load(`<!DOCTYPE html><html><head><title></title></head><body></body></html>`);
    if (r.chance(0.5)) doc.title = source.title;
    if (parts.length) doc.body.append(doc.importNode(r.pick(parts), true));
    where.mutations.push('cropped');
  } else {
    let html = fixture.html;
    if (r.chance(0.4)) {
      html = damageText(r, html);
      where.mutations.push('text damage');
    }
    doc = load(html);
  }
  check(doc, where);
  for (let step = 1, steps = 2 + r.int(5); step <= steps; step++) {
    where.mutations.push(mutate(r, doc, VOCAB));
    check(doc, { ...where, step, mutations: [...where.mutations] });
  }
}

const parsedPages = new Map<string, Document>();
function parsed(fixture: { name: string; html: string }): Document {
  let doc = parsedPages.get(fixture.name);
  if (!doc) parsedPages.set(fixture.name, (doc = parser.parseFromString(fixture.html, 'text/html')));
  return doc;
}

describe('extractors under hostile pages', () => {
  it('finds the extractors and the fixtures', { timeout: 60_000 }, () => {
    expect(READERS.map(([n]) => n)).toContain('signin.ts#readSignInPage');
    expect(PAGES.some((p) => p.name.startsWith('signin/'))).toBe(true);
    // Every real fixture, unchanged, gives null or an accepted value.
    for (const p of PAGES) check(load(p.html), { seed: SEED, case: -1, step: 0, origin: p.name, mutations: [] });
    expect(failures).toEqual([]);
  });

  it('the check refuses what the background would refuse', () => {
    expect(refusal(null)).toBeNull();
    expect(refusal({ page: 'signin-otp', phoneEnding: '43' })).toBeNull();
    expect(refusal({ page: 'signin-claim', source: 'password-step', accounts: [{ kind: 'email', value: 'x'.repeat(400) }] })).toMatch(/observe/);
    expect(refusal({ page: 'signin-otp', phoneEnding: '<img src=x>' })).toMatch(/observe/);
    expect(refusal({ kind: 'email', value: '' })).toMatch(/typed-account/);
    expect(refusal({ seller: 'x'.repeat(101), marketplaceId: null })).toMatch(/seller identity/);
    expect(refusal('owner@example.com')).toMatch(/not null or an object/);
    expect(refusal({ something: 1 })).toMatch(/no message shape/);
  });

  it('never throw on empty and degenerate documents', () => {
    for (const [text, type] of DEGENERATE) {
      check(parser.parseFromString(text, type), { seed: SEED, case: -1, step: 0, origin: `degenerate ${type} ${JSON.stringify(text)}`, mutations: [] });
    }
    const bare = document.implementation.createHTMLDocument('');
    bare.documentElement.remove();
    check(bare, { seed: SEED, case: -1, step: 0, origin: 'document without a root', mutations: [] });
    expect(failures).toEqual([]);
  });

  it(`never throw and return only what the background accepts, over ${TARGET_DOCUMENTS}+ generated and mutated documents`, () => {
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    if (ONLY_CASE !== null) {
      runCase(ONLY_CASE);
    } else {
      for (let n = 0; documents < TARGET_DOCUMENTS; n++) runCase(n);
      expect(documents).toBeGreaterThanOrEqual(TARGET_DOCUMENTS);
    }
    console.info(`fuzz: seed ${SEED}, ${documents} documents, ${READERS.length} readers, ${PAGES.length} fixtures, ${Math.round(performance.now() - started)} ms (cpu ${Math.round((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000)} ms)`);
    console.info(`fuzz: values read: ${[...readValues].map(([k, v]) => `${k.split('#')[1]} ${v}`).join(', ')}`);
    expect(failures, `replay one with FUZZ_SEED=${SEED} FUZZ_CASE=<case>`).toEqual([]);
    if (ONLY_CASE === null) expect([...readValues.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(TARGET_DOCUMENTS / 20);
  }, 240_000);
});
