// Watching a page as it is parsed and as it changes afterwards, for the
// sign-in and account content scripts: when to call their `read`, at a cost
// the page does not notice.
//
// - Started at document_start. While the document is parsed, no record is
//   looked at: testing each node the parser adds (thousands on a real
//   sign-in page) cost the page more than everything else the script does.
//   With a `probe` (a cheap look at the document, e.g. a few querySelector
//   calls), the document is probed after each batch the parser adds (a
//   MutationObserver that only wakes the probe) and every POLL_MS, and read
//   the moment the probe sees what the script is after, so a warning can
//   show before DOMContentLoaded; once `read` returns true, the probing
//   stops. Without a probe nothing is observed until DOMContentLoaded, the
//   first read (a half-parsed account page must never look like a changed
//   one).
// - From DOMContentLoaded, changes (elements, and text-only changes) are read
//   at the next animation frame — with a timer fallback, since background
//   tabs get no frames — but at most every MIN_GAP_MS and never sooner than
//   1/SHARE times the last read's own cost after it, so the burst of changes
//   a page's own scripts make as it loads costs one or two reads, and a page
//   that changes forever costs a bounded share of its main thread. Nothing is scheduled while nothing changes, and
//   there is no cut-off after which changes go unseen.
// - A new URL without a page load (history.pushState, popstate) is read too:
//   `read` works out afresh what the page is.

export interface WatchOptions {
  /** A cheap look at the document while it is parsed: true reads at once (default: the first read is at DOMContentLoaded). */
  probe?: (doc: Document) => boolean;
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
/** The least time between two reads of the parsed document (its first read excepted). */
export const MIN_GAP_MS = 100;
/** How often a loading document is probed: a timer, since a page that is still parsing may paint no frame. */
export const POLL_MS = 15;

/** `read` returns true once it found what it looks for (ends the probing while the document loads). */
export function watchPage(read: () => boolean | void, options: WatchOptions = {}, doc: Document = document): Watch {
  const win = doc.defaultView ?? window;
  const fallbackMs = options.fallbackMs ?? 100;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let poll: ReturnType<typeof setTimeout> | undefined;
  let notBefore = 0;
  let url = win.location.href;
  let stopped = false;

  const parsed = () => doc.readyState !== 'loading';

  /** Reads now (or once the share allows); true when `read` found what it looks for. */
  function run(): boolean {
    cancel();
    if (stopped) return false;
    const start = performance.now();
    if (start < notBefore) {
      timer = setTimeout(run, notBefore - start);
      return false;
    }
    url = win.location.href;
    let found = false;
    try {
      found = read() === true;
    } catch {
      // Bad markup yields no observation, never a broken watch.
    }
    const end = performance.now();
    // While the page loads, a read that did not find the account yet is retried at the share's pace: the warning waits on it.
    notBefore = end + Math.max(parsed() ? MIN_GAP_MS : 0, (end - start) / SHARE);
    return found;
  }
  function cancel(): void {
    if (frame) win.cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    timer = undefined;
  }
  function schedule(): void {
    if (frame || timer !== undefined || stopped || !parsed()) return;
    frame = win.requestAnimationFrame(run);
    timer = setTimeout(run, fallbackMs);
  }

  // While the document loads: the probe after each batch the parser adds (a MutationObserver whose
  // callback looks at no record: the probe's few queries per batch, not a test per node), and every
  // POLL_MS, until read finds what it is after.
  const probe = options.probe;
  let found = false;
  const look = () => {
    if (found || stopped || parsed() || !probe) return;
    let seen = false;
    try {
      seen = probe(doc);
    } catch {
      // a probe that throws sees nothing
    }
    if (seen && performance.now() >= notBefore && run()) {
      found = true;
      parsing.disconnect();
    }
  };
  const parsing = new MutationObserver(look);
  const tick = () => {
    poll = undefined;
    look();
    if (!found && !stopped && !parsed()) poll = setTimeout(tick, POLL_MS);
  };

  const isOwn = (n: Node) => n.nodeType === 1 && (n as Element).hasAttribute(OWN);
  const isChange = (r: MutationRecord) =>
    r.type === 'characterData' ? !r.target.parentElement?.closest(`[${OWN}]`) : ![...r.addedNodes, ...r.removedNodes].every(isOwn);
  // Nothing to look at while a read is due anyway; otherwise the common case costs one look at
  // the first record: anything but our own banner is a change.
  const observer = new MutationObserver((records) => {
    if (frame || timer !== undefined) return;
    if (records.some(isChange)) schedule();
  });

  // The complete document is always read once, whatever was read while it loaded; changes are observed from then on.
  const onParsed = () => {
    clearTimeout(poll);
    poll = undefined;
    parsing.disconnect();
    if (stopped) return;
    notBefore = 0;
    run();
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  };
  if (parsed()) onParsed();
  else {
    doc.addEventListener('DOMContentLoaded', onParsed, { once: true });
    if (probe) {
      parsing.observe(doc, { childList: true, subtree: true });
      tick();
    }
  }

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
      clearTimeout(poll);
      parsing.disconnect();
      observer.disconnect();
      win.removeEventListener('popstate', onUrl);
      win.removeEventListener('hashchange', onUrl);
      nav?.removeEventListener('currententrychange', onUrl);
      doc.removeEventListener('DOMContentLoaded', onParsed);
    },
  };
}
