// Watching a page as it is parsed and as it changes afterwards, for the
// sign-in and account content scripts: when to call their `read`, at a cost
// the page does not notice.
//
// - Started at document_start. With `whileLoading`, the page is read while
//   the parser is still adding it, and an element `urgent` recognises (a
//   cheap test on the element itself, e.g. its id) is read the moment the
//   parser adds it, so a warning can show before DOMContentLoaded. Without
//   it, the first read is at DOMContentLoaded (a half-parsed account page
//   must never look like a changed one). Once `read` returns true (it found
//   what it looks for), added elements are no longer tested one by one.
// - After that, changes (elements, and text-only changes) are read at most
//   once per animation frame — with a timer fallback, since background tabs
//   get no frames — and never more often than 10× the last read's own cost,
//   so a page that changes forever costs a bounded share of its main thread.
//   Nothing is scheduled while nothing changes, and there is no cut-off after
//   which changes go unseen.
// - A new URL without a page load (history.pushState, popstate) is read too:
//   `read` works out afresh what the page is.

export interface WatchOptions {
  /** Read while the document is still being parsed (default: the first read is at DOMContentLoaded). */
  whileLoading?: boolean;
  /** A cheap test of one element the page adds: true reads at once instead of at the next frame. */
  urgent?: (element: Element) => boolean;
  /** Fallback when no frame comes (background tabs), in ms. */
  fallbackMs?: number;
}

export interface Watch {
  stop(): void;
}

/** Our own banner's host: its insertion is no page change. */
const OWN = 'data-account-guard';
/** Reads may take at most this share of the page's time: the next read waits 1/SHARE times the last one's cost. */
const SHARE = 0.1;

/** `read` returns true once it found what it looks for (ends the element-by-element test of `urgent`). */
export function watchPage(read: () => boolean | void, options: WatchOptions = {}, doc: Document = document): Watch {
  const win = doc.defaultView ?? window;
  const fallbackMs = options.fallbackMs ?? 100;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let notBefore = 0;
  let url = win.location.href;
  let stopped = false;
  let armed = Boolean(options.urgent);

  const parsed = () => doc.readyState !== 'loading';
  const mayRead = () => !stopped && (options.whileLoading || parsed());

  function run(): void {
    cancel();
    if (!mayRead()) return;
    const start = performance.now();
    if (start < notBefore) {
      timer = setTimeout(run, notBefore - start);
      return;
    }
    url = win.location.href;
    try {
      if (read() === true) armed = false;
    } catch {
      // Bad markup yields no observation, never a broken watch.
    }
    const end = performance.now();
    notBefore = end + (end - start) / SHARE;
  }
  function cancel(): void {
    if (frame) win.cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    timer = undefined;
  }
  function schedule(): void {
    if (frame || timer !== undefined || !mayRead()) return;
    frame = win.requestAnimationFrame(run);
    timer = setTimeout(run, fallbackMs);
  }

  const isOwn = (n: Node) => n.nodeType === 1 && (n as Element).hasAttribute(OWN);
  const observer = new MutationObserver((records) => {
    // The common case costs one look at the first record: anything but our own banner is a change.
    if (!armed) {
      if (records.some((r) => (r.type === 'characterData' ? !r.target.parentElement?.closest(`[${OWN}]`) : ![...r.addedNodes, ...r.removedNodes].every(isOwn)))) schedule();
      return;
    }
    let changed = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (!record.target.parentElement?.closest(`[${OWN}]`)) changed = true;
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) {
          changed = true;
          continue;
        }
        if ((node as Element).hasAttribute(OWN)) continue;
        changed = true;
        // The parser adds one element at a time: a test of the element itself catches the account as it arrives.
        if (armed && mayRead() && options.urgent!(node as Element)) {
          notBefore = 0;
          return run();
        }
      }
      if (record.removedNodes.length && ![...record.removedNodes].every(isOwn)) changed = true;
    }
    if (changed) schedule();
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });

  // The complete document is always read once, whatever was read while it loaded.
  const onParsed = () => {
    notBefore = 0;
    run();
  };
  if (parsed()) onParsed();
  else doc.addEventListener('DOMContentLoaded', onParsed, { once: true });
  if (options.whileLoading && !parsed()) schedule();

  // Client-side navigation: popstate fires here; pushState/replaceState fire
  // nothing a content script can hear, but come with page changes, after which
  // the URL is compared (and the Navigation API tells where it exists).
  const onUrl = () => {
    if (win.location.href !== url) {
      notBefore = 0;
      schedule();
    }
  };
  win.addEventListener('popstate', onUrl);
  win.addEventListener('hashchange', onUrl);
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', onUrl);

  return {
    stop() {
      stopped = true;
      cancel();
      observer.disconnect();
      win.removeEventListener('popstate', onUrl);
      win.removeEventListener('hashchange', onUrl);
      nav?.removeEventListener('currententrychange', onUrl);
      doc.removeEventListener('DOMContentLoaded', onParsed);
    },
  };
}
