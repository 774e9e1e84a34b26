// @vitest-environment jsdom
// watchPage: when the sign-in and account scripts read the page — at
// DOMContentLoaded (or while parsing, with the account element read the
// moment it is added), then at most once a frame on changes (text-only ones
// too), never for our own banner, idle while nothing changes, on client-side
// navigation, with no cut-off, and at a bounded share of the main thread.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchPage, type Watch } from '../../../src/content/watch';

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
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
  it('reads a parsed document at once, then batches a frame of changes into one read', async () => {
    const c = counter();
    watch = watchPage(c.read);
    expect(c.calls).toHaveLength(1);
    for (let i = 0; i < 50; i++) document.getElementById('app')!.append(document.createElement('div'));
    await frame();
    expect(c.calls).toHaveLength(2);
  });

  it('while the document loads: waits for DOMContentLoaded unless told to read while parsing', async () => {
    readyState = 'loading';
    const later = counter();
    watch = watchPage(later.read);
    document.body.append(document.createElement('section'));
    await sleep(150);
    expect(later.calls).toHaveLength(0);
    readyState = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(later.calls).toHaveLength(1);
    watch.stop();

    readyState = 'loading';
    const early = counter();
    watch = watchPage(early.read, { whileLoading: true });
    document.body.append(document.createElement('section'));
    await frame();
    expect(early.calls.length).toBeGreaterThanOrEqual(1);
  });

  it('reads the moment an urgent element is added, before any frame', async () => {
    readyState = 'loading';
    const c = counter();
    watch = watchPage(c.read, { whileLoading: true, urgent: (el) => el.id === 'auth-email-claim' });
    const before = c.calls.length;
    document.body.append(Object.assign(document.createElement('span'), { id: 'other' }));
    await microtasks();
    expect(c.calls).toHaveLength(before);
    document.body.append(Object.assign(document.createElement('span'), { id: 'auth-email-claim' }));
    await microtasks();
    expect(c.calls).toHaveLength(before + 1);
  });

  it('stops testing elements one by one once read found what it looks for', async () => {
    readyState = 'loading';
    let reads = 0;
    let found = false;
    watch = watchPage(() => (reads++, found), { whileLoading: true, urgent: (el) => el.id === 'claim' });
    await frame();
    const add = () => document.body.append(Object.assign(document.createElement('span'), { id: 'claim' }));
    found = true;
    add();
    await microtasks();
    const afterFound = reads;
    add();
    await microtasks();
    expect(reads).toBe(afterFound); // read at the next frame instead
    await frame();
    expect(reads).toBe(afterFound + 1);
  });

  it('counts text-only changes, ignores our own banner, and stays idle when nothing changes', async () => {
    const c = counter();
    const text = document.createTextNode('before');
    document.getElementById('app')!.append(text);
    watch = watchPage(c.read);
    await frame();
    const base = c.calls.length;

    text.data = 'after';
    await frame();
    expect(c.calls).toHaveLength(base + 1);

    const host = document.createElement('div');
    host.setAttribute('data-account-guard', 'banner');
    document.body.prepend(host);
    await frame();
    host.remove();
    await frame();
    expect(c.calls).toHaveLength(base + 1);

    await sleep(300);
    expect(c.calls).toHaveLength(base + 1);
  });

  it('reads again after client-side navigation (pushState with a change, popstate)', async () => {
    const c = counter();
    watch = watchPage(c.read);
    history.pushState(null, '', '/a/addresses');
    document.getElementById('app')!.textContent = 'Your Addresses';
    await frame();
    expect(c.calls.at(-1)).toBe('/a/addresses');

    history.pushState(null, '', '/a/settings/approval');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await frame();
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
    await frame();
    expect(n).toBe(2);
  });
});
