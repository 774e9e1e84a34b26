// @vitest-environment jsdom
// Page-derived strings never reach the DOM as markup: the on-page banner and
// the popup and options pages render specs, alerts and accounts whose hints,
// reasons, rows, labels and links carry markup, and no element other than the
// expected ones appears — the markup shows up as text.

import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bannerRoot, showBanner as show } from '../../../src/content/banner';
import { bannerWording } from '../../../src/core/banner-wording';
import { emptyState, isValidState, publicState } from '../../../src/core/state';
import type { Alert, AlertKind, BannerKind, BannerSpec, KnownAccount, Severity, StoredState } from '../../../src/core/types';
import { MARKUP, prng, type Rng } from './hostile';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const EN = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;

/** chrome.i18n.getMessage over the real English messages: named placeholders, then $1…$9. */
function translate(key: string, subs: string | string[] = []): string {
  const m = EN[key];
  if (!m) return '';
  const list = Array.isArray(subs) ? subs : [subs];
  let text = m.message.replace(/\$([a-z0-9_]+)\$/gi, (_, name: string) => m.placeholders?.[name.toLowerCase()]?.content ?? '');
  text = text.replace(/\$(\d)/g, (_, d: string) => list[Number(d) - 1] ?? '');
  return text.replace(/\$\$/g, '$');
}
const t = (key: string, subs?: string[]) => translate(key, subs) || key;

const fake = vi.hoisted(() => ({ state: null as unknown, sent: [] as unknown[] }));
vi.mock('../../../src/platform/browser', () => ({
  browser: {
    i18n: { getMessage: (key: string, subs?: string | string[]) => translate(key, subs) },
    runtime: {
      id: 'abcdefghijklmnopabcdefghijklmnop',
      getURL: (p: string) => `chrome-extension://abcdefghijklmnopabcdefghijklmnop/${p.replace(/^\//, '')}`,
      sendMessage: async (m: unknown) => {
        fake.sent.push(m);
        return { ok: true, state: fake.state };
      },
    },
    storage: { onChanged: { addListener: () => undefined, removeListener: () => undefined } },
    permissions: {
      contains: async () => false,
      onAdded: { addListener: () => undefined, removeListener: () => undefined },
      onRemoved: { addListener: () => undefined, removeListener: () => undefined },
    },
  },
}));

const { Popup } = await import('../../../src/popup/Popup');
const { Options } = await import('../../../src/options/Options');

/** Tags a renderer could be tricked into creating from the MARKUP strings. */
const INJECTED = 'img, script, svg, iframe, object, embed, b#pwned, math, frame, frameset, base, meta, link';

function assertNoMarkup(root: ParentNode & Node, where: string) {
  expect(root.querySelector(INJECTED), `${where}: injected element`).toBeNull();
  for (const el of root.querySelectorAll('*')) {
    for (const a of el.attributes) expect(a.name.startsWith('on'), `${where}: <${el.tagName} ${a.name}>`).toBe(false);
    const href = el.getAttribute('href');
    if (href !== null) expect(href, `${where}: link`).toMatch(/^(https:|chrome-extension:|#)/);
  }
}

const hostile = (r: Rng) => `${r.pick(['ta***@e***.com', '+81 ***78', 'SKU-1', 'Listing title', ''])}${r.pick(MARKUP)}`;

// ------------------------------------------------------------------ banner

const BANNER_KINDS: BannerKind[] = ['remembered', 'unfamiliar-account', 'watching-listings', 'new-listings', 'account-changed', 'new-orders'];
const SEVERITIES: Severity[] = ['info', 'warning', 'danger'];
const REASON_KEYS = Object.keys(EN).filter((k) => /^reason|^banner/.test(k));
const BANNER_TAGS = new Set(['STYLE', 'DIV', 'SPAN', 'P', 'TABLE', 'TR', 'TH', 'TD', 'A', 'BUTTON', 'THEAD', 'TBODY']);

function randomSpec(r: Rng): BannerSpec {
  const spec: BannerSpec = {
    kind: r.pick(BANNER_KINDS),
    severity: r.pick(SEVERITIES),
    hints: Array.from({ length: 1 + r.int(3) }, () => hostile(r)),
    alertIds: r.chance(0.8) ? ['a1'] : [],
  };
  if (r.chance(0.5)) spec.count = r.int(1000);
  if (r.chance(0.5)) spec.reasons = Array.from({ length: 1 + r.int(3) }, () => ({ key: r.chance(0.8) ? r.pick(REASON_KEYS) : r.pick(MARKUP), subs: [hostile(r), hostile(r), hostile(r)] }));
  if (r.chance(0.5)) {
    spec.columns = [r.pick(MARKUP), 'columnSku', 'columnTitle'];
    spec.rows = Array.from({ length: r.int(40) }, () => ({
      cells: [hostile(r), hostile(r), hostile(r)],
      ...(r.chance(0.5) ? { url: r.pick(['javascript:alert(1)', 'https://www.amazon.co.jp/dp/B000000001', 'data:text/html,<script>alert(1)</script>', ' javascript:alert(1)', 'http://evil.example/']) } : {}),
    }));
  }
  if (r.chance(0.5)) spec.reviewUrl = r.pick(['javascript:alert(1)', 'https://sellercentral.amazon.co.jp/inventory', 'vbscript:x', '//evil.example']);
  return spec;
}

/** As a tab shows it: the spec with its words (chosen and translated in the background). */
const showBanner = (doc: Document, spec: BannerSpec, tr: typeof t, actions: Parameters<typeof show>[3]) => show(doc, spec, bannerWording(spec, tr), actions);

describe('banner (showBanner)', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('renders 500 specs whose hints, reasons, rows and links carry markup, creating only its own elements', { timeout: 30_000 }, () => {
    const r = prng(6);
    for (let i = 0; i < 500; i++) {
      const spec = randomSpec(r);
      const host = showBanner(document, spec, t, { trust: () => undefined, checklist: () => undefined, dismiss: () => undefined });
      const root = bannerRoot(host)!;
      const where = `spec ${i} ${JSON.stringify(spec).slice(0, 300)}`;
      expect(document.querySelectorAll('[data-account-guard="banner"]'), where).toHaveLength(1);
      // Outside the shadow root the page gets the host and nothing else.
      expect(host.children, where).toHaveLength(0);
      assertNoMarkup(root, where);
      for (const el of root.querySelectorAll('*')) expect(BANNER_TAGS.has(el.tagName), `${where}: <${el.tagName}>`).toBe(true);
      expect(root.querySelectorAll('style'), where).toHaveLength(1);
      // The markup is there, as text.
      const text = root.textContent ?? '';
      if (spec.reasons?.length) for (const x of spec.reasons) expect(text, where).toContain(t(x.key, x.subs));
      else expect(root.querySelector('.hint')?.textContent, where).toBe(spec.hints.join(', '));
      for (const cell of (spec.rows ?? []).slice(0, 30).flatMap((row) => row.cells)) expect(text, where).toContain(cell);
      expect(host.getAttribute('data-kind')).toBe(spec.kind);
      host.remove();
    }
  });

  it('shows hints as text in the default sentences', () => {
    const hint = '<img src=x onerror=alert(1)>';
    for (const kind of ['remembered', 'unfamiliar-account'] as const) {
      const host = showBanner(document, { kind, severity: 'warning', hints: [hint], alertIds: ['a'] }, t, {});
      assertNoMarkup(bannerRoot(host)!, kind);
      expect(bannerRoot(host)!.querySelector('.hint')?.textContent).toBe(hint);
      host.remove();
    }
  });
});

// ------------------------------------------------------------ popup, options

const ALERT_KINDS: AlertKind[] = ['unfamiliar-account', 'new-listings', 'account-changed', 'new-orders'];

function hostileState(r: Rng): StoredState {
  const s = emptyState('0123456789abcdef0123456789abcdef');
  const now = Date.UTC(2026, 10, 25);
  s.accounts = Array.from({ length: 4 }, (_, i): KnownAccount => ({
    id: `acct${i}`,
    kind: i % 2 ? 'phone' : 'email',
    hint: hostile(r),
    marketplace: r.pick(['amazon.co.jp', 'amazon.com', MARKUP[0]]),
    origin: r.pick(['auto', 'typed', 'user'] as const),
    confirmed: r.chance(0.5),
    firstSeenAt: now - 1e9,
    lastSeenAt: now - 1e8,
    twoStepSeenAt: null,
    label: r.chance(0.7) ? hostile(r) : null,
    roles: ['buyer', 'seller'],
    twoStep: r.pick(['on', 'off', null] as const),
    twoStepCheckedAt: null,
    passwordChangedAt: null,
  }));
  s.alerts = ALERT_KINDS.map(
    (kind, i): Alert => ({
      id: `alert${i}`,
      kind,
      severity: r.pick(SEVERITIES),
      status: 'open',
      createdAt: now - 1000,
      lastSeenAt: now,
      seenCount: 3,
      marketplace: r.pick(['amazon.co.jp', MARKUP[1]]),
      subjectId: `subject${i}`,
      hint: hostile(r),
      reasons: [
        { key: r.pick(REASON_KEYS), subs: [hostile(r), hostile(r)] },
        { key: MARKUP[4], subs: [] },
      ],
      rows: Array.from({ length: 25 }, () => ({ cells: [hostile(r), hostile(r)], url: r.pick(['javascript:alert(1)', 'https://www.amazon.co.jp/dp/B000000001', 'http://evil.example/']) })),
      columns: [MARKUP[2], 'columnSku'],
      reviewUrl: r.pick(['javascript:alert(1)', '/inventory', '//evil.example/x']),
    }),
  );
  s.notices = [
    { id: 'n1', kind: 'state-reset', at: now, setAsideKey: `state.corrupt.${MARKUP[0]}` },
    { id: 'n2', kind: 'state-migrated', at: now, setAsideKey: null },
  ];
  // sellers and snapshots are left empty: their shapes belong to the watches and the pages do not list them.
  s.checklist = {};
  return s;
}

async function settle(container: Element, selector: string) {
  for (let i = 0; i < 100 && !container.querySelector(selector); i++) await new Promise((res) => setTimeout(res, 10));
  expect(container.querySelector(selector), `rendered ${selector}`).not.toBeNull();
}

describe.each([
  ['popup', Popup],
  ['options', Options],
] as const)('%s page', (name, Page) => {
  it('shows alerts, accounts and notices whose strings carry markup as text only', async () => {
    for (let seed = 1; seed <= 5; seed++) {
      const state = hostileState(prng(seed));
      expect(isValidState(state)).toBe(true);
      fake.state = publicState(state);
      const container = document.createElement('div');
      document.body.append(container);
      render(<Page now={Date.UTC(2026, 10, 25)} />, container);
      await settle(container, '[data-alert-id]');
      assertNoMarkup(container, `${name} seed ${seed}`);
      const text = container.textContent ?? '';
      // Account hints and the first alert row cells appear literally.
      for (const a of state.accounts) expect(text).toContain(a.hint);
      expect(text).toContain(state.alerts[0]!.rows![0]!.cells[0]!);
      expect(container.querySelectorAll('[data-notice]').length).toBe(2);
      render(null, container);
      container.remove();
    }
  });
});
