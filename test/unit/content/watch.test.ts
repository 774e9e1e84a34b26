// @vitest-environment jsdom
// watchPage: when the sign-in and account scripts read the page — at
// DOMContentLoaded (or while parsing, the moment a cheap probe sees the
// account, with no record of the parse looked at), then at most once a
// frame on changes (text-only ones too), never for our own banner, idle while nothing changes, on client-side
// navigation, with no cut-off, and at a bounded share of the main thread.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_GAP_MS, POLL_MS, watchPage, type Watch } from '../../../src/content/watch';

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
/** Long enough for a change to be read: the gap after the last read, then a frame. */
const settle = () => new Promise((r) => setTimeout(() => requestAnimationFrame(() => setTimeout(r, 0)), MIN_GAP_MS));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const microtasks = () => new Promise((r) => queueMicrotask(() => r(undefined)));

let readyState: DocumentReadyState = 'complete';
let watch: Watch | null = null;
beforeEach(() => {
  document.body.innerHTML = '<main id="app"></main>';
  readyState = 'complete';
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
});
afterEach(() => {
  watch?.stop();
  watch = null;
  history.replaceState(null, '', '/');
});

function counter() {
  const calls: string[] = [];
  return { calls, read: () => void calls.push(location.pathname) };
}

describe('watchPage', () => {
  it('reads a parsed document at once, then batches a burst of changes into one read, MIN_GAP_MS later at the soonest', async () => {
    const c = counter();
    const started = performance.now();
    watch = watchPage(c.read);
    expect(c.calls).toHaveLength(1);
    for (let i = 0; i < 50; i++) document.getElementById('app')!.append(document.createElement('div'));
    await frame();
    expect(c.calls).toHaveLength(1); // not yet: the gap
    await expect.poll(() => c.calls.length, { timeout: 2000, interval: 5 }).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(MIN_GAP_MS - 1);
    await settle();
    expect(c.calls).toHaveLength(2);
  });

  it('while the document loads: observes nothing, and reads at DOMContentLoaded unless a probe sees something first', async () => {
    readyState = 'loading';
    const later = counter();
    watch = watchPage(later.read);
    document.body.append(document.createElement('section'));
    await sleep(150);
    expect(later.calls).toHaveLength(0);
    readyState = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(later.calls).toHaveLength(1);
    // From DOMContentLoaded on, changes are read.
    document.body.append(document.createElement('section'));
    await settle();
    expect(later.calls).toHaveLength(2);
    watch.stop();

    // With a probe that sees nothing, the parse is not read either: only probed, after batches and on a timer.
    readyState = 'loading';
    const probed = counter();
    let probes = 0;
    watch = watchPage(probed.read, { probe: () => (probes++, false) });
    for (let i = 0; i < 5; i++) {
      document.body.append(document.createElement('section'));
      await sleep(POLL_MS);
    }
    expect(probed.calls).toHaveLength(0);
    expect(probes).toBeGreaterThanOrEqual(2);
  });

  it('reads within a poll of the probe seeing the account, before DOMContentLoaded', async () => {
    readyState = 'loading';
    const c = counter();
    watch = watchPage(c.read, { probe: (doc) => doc.getElementById('auth-email-claim') !== null });
    document.body.append(Object.assign(document.createElement('span'), { id: 'other' }));
    await sleep(3 * POLL_MS);
    expect(c.calls).toHaveLength(0);
    document.body.append(Object.assign(document.createElement('span'), { id: 'auth-email-claim' }));
    await expect.poll(() => c.calls.length, { timeout: 10 * POLL_MS, interval: 2 }).toBe(1);
  });

  it('probes after each batch the parser adds: the account is read before the next poll', async () => {
    readyState = 'loading';
    const c = counter();
    let probes = 0;
    watch = watchPage(c.read, { probe: (doc) => (probes++, doc.getElementById('auth-email-claim') !== null) });
    await sleep(1);
    const before = probes;
    document.body.append(Object.assign(document.createElement('span'), { id: 'auth-email-claim' }));
    await microtasks();
    expect(probes).toBe(before + 1);
    expect(c.calls).toHaveLength(1);
  });

  it('keeps probing while read does not find it, stops once it does, and reads the whole document at DOMContentLoaded', async () => {
    readyState = 'loading';
    let reads = 0;
    let found = false;
    watch = watchPage(() => (reads++, found), { probe: (doc) => doc.getElementById('claim') !== null });
    document.body.append(Object.assign(document.createElement('span'), { id: 'claim' }));
    await expect.poll(() => reads, { timeout: 2000, interval: 2 }).toBeGreaterThanOrEqual(1);
    // Not found yet (the password field not parsed): probed and read again, at a bounded share.
    await expect.poll(() => reads, { timeout: 2000, interval: 2 }).toBeGreaterThanOrEqual(2);
    found = true;
    await expect.poll(() => found && reads, { timeout: 2000, interval: 2 }).toBeGreaterThanOrEqual(3);
    await sleep(5 * POLL_MS);
    const afterFound = reads;
    await sleep(10 * POLL_MS);
    expect(reads).toBe(afterFound); // no more probing
    readyState = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(reads).toBe(afterFound + 1);
  });

  it('counts text-only changes, ignores our own banner, and stays idle when nothing changes', async () => {
    const c = counter();
    const text = document.createTextNode('before');
    document.getElementById('app')!.append(text);
    watch = watchPage(c.read);
    await settle();
    const base = c.calls.length;

    text.data = 'after';
    await settle();
    expect(c.calls).toHaveLength(base + 1);

    const host = document.createElement('div');
    host.setAttribute('data-account-guard', 'banner');
    document.body.prepend(host);
    await settle();
    host.remove();
    await settle();
    expect(c.calls).toHaveLength(base + 1);

    await sleep(300);
    expect(c.calls).toHaveLength(base + 1);
  });

  it('reads again after client-side navigation (pushState with a change, popstate)', async () => {
    const c = counter();
    watch = watchPage(c.read);
    history.pushState(null, '', '/a/addresses');
    document.getElementById('app')!.textContent = 'Your Addresses';
    await settle();
    expect(c.calls.at(-1)).toBe('/a/addresses');

    history.pushState(null, '', '/a/settings/approval');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await settle();
    expect(c.calls.at(-1)).toBe('/a/settings/approval');
  });

  it('has no cut-off, and a costly read spaces out the next ones (bounded share of the main thread)', async () => {
    const reads: { start: number; end: number }[] = [];
    watch = watchPage(() => {
      const start = performance.now();
      while (performance.now() < start + 5); // a read costing at least 5 ms
      reads.push({ start, end: performance.now() });
    });
    const start = performance.now();
    while (performance.now() - start < 600) {
      document.getElementById('app')!.append(document.createElement('i'));
      await sleep(5);
    }
    // Changes keep being read, each read at least 10× the last one's cost after it (≤ 10% of the time).
    expect(reads.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < reads.length; i++) {
      const cost = reads[i - 1]!.end - reads[i - 1]!.start;
      expect(reads[i]!.start - reads[i - 1]!.end).toBeGreaterThanOrEqual(cost * 9);
    }

    // Much later, a change is still read.
    await sleep(100);
    const now = reads.length;
    document.getElementById('app')!.append(document.createElement('b'));
    await expect.poll(() => reads.length, { timeout: 2000, interval: 20 }).toBe(now + 1);
  });

  it('a read that throws does not stop the watch', async () => {
    let n = 0;
    watch = watchPage(() => {
      n++;
      throw new Error('bad markup');
    });
    document.body.append(document.createElement('p'));
    await settle();
    expect(n).toBe(2);
  });
});
