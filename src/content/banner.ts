// The on-page warning: one Shadow-DOM banner whose styles are isolated from
// the page, with every page-derived string set as text, never as markup, and
// marked as quoted page text. Its words come ready with the spec
// (core/banner-wording, translated in the background). Contract (README): host
// [data-account-guard="banner"] with data-kind, data-severity (and data-count
// where a count applies), CLOSED shadow root: the page's scripts see the host
// and its attributes, never the buttons. Buttons act only on trusted clicks,
// and "this is mine" asks a second, explicit confirmation.

import { MAX_BANNER_ROWS, type BannerWording, type WordingPiece } from '../core/banner-wording';
import type { BannerSpec } from '../core/types';

export interface BannerActions {
  trust?: () => void;
  checklist?: () => void;
  dismiss?: () => void;
}

/** Whether a click came from the person (the browser's own flag); tests may stand in for the browser. */
export type TrustedCheck = (e: Event) => boolean;
const isTrusted: TrustedCheck = (e) => e.isTrusted;

/** The closed roots, reachable only from this script's own world (unit tests read them here). */
const roots = new WeakMap<HTMLElement, ShadowRoot>();
export function bannerRoot(host: HTMLElement): ShadowRoot | null {
  return roots.get(host) ?? null;
}

const STYLE = `
:host { all: initial; }
.bar { box-sizing: border-box; display: flex; gap: 12px; align-items: flex-start; width: 100%;
  padding: 12px 16px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif;
  color: #111827; background: #EFF6FF; border-bottom: 3px solid #2563EB; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
.bar[data-severity=warning] { background: #FFFBEB; border-color: #D97706; }
.bar[data-severity=danger] { background: #FEF2F2; border-color: #DC2626; }
.icon { font-size: 20px; line-height: 1; }
.text { flex: 1; min-width: 0; }
.title { font-weight: 700; margin: 0 0 2px; }
.body { margin: 0; overflow-wrap: anywhere; }
.hint { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: 700; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
button { font: inherit; font-size: 13px; padding: 5px 12px; border-radius: 6px; border: 1px solid #9CA3AF;
  background: #fff; color: #111827; cursor: pointer; }
button.primary { background: #111827; color: #fff; border-color: #111827; }
button:focus-visible { outline: 3px solid #2563EB; outline-offset: 1px; }
.close { border: none; background: transparent; font-size: 20px; line-height: 1; padding: 2px 6px; }
a.review { font-size: 13px; padding: 5px 12px; border-radius: 6px; border: 1px solid #9CA3AF; color: inherit; text-decoration: none; }
.rows { max-height: 40vh; overflow: auto; margin-top: 8px; }
table { border-collapse: collapse; font-size: 12px; width: 100%; }
th, td { text-align: left; padding: 2px 8px 2px 0; vertical-align: top; border-bottom: 1px solid rgba(0,0,0,.12); overflow-wrap: anywhere; }
td a { color: inherit; }
.more { font-size: 12px; margin: 4px 0 0; }
.page-text { font-style: italic; background: rgba(0,0,0,.06); border-radius: 3px; padding: 0 2px; }
.page-text::before { content: open-quote; } .page-text::after { content: close-quote; }
.confirm { margin: 8px 0 0; font-weight: 600; }
@media (prefers-color-scheme: dark) {
  .bar { color: #F9FAFB; background: #1E3A8A; }
  .bar[data-severity=warning] { background: #451A03; }
  .bar[data-severity=danger] { background: #450A0A; }
  button { background: #1F2937; color: #F9FAFB; border-color: #6B7280; }
  button.primary { background: #F9FAFB; color: #111827; }
  .close { background: transparent; color: #F9FAFB; }
}`;

const ICONS = { info: 'ℹ', warning: '⚠', danger: '⛔' } as const;

function markPageText<E extends HTMLElement>(e: E, title: string): E {
  e.classList.add('page-text');
  e.title = title;
  return e;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, textValue?: string) {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (textValue !== undefined) e.textContent = textValue;
  return e;
}

/** A sentence as a paragraph: page text quoted and labelled as the page's words, masked accounts in monospace, all as text. */
function sentence(doc: Document, pieces: readonly WordingPiece[], words: BannerWording, cls = 'body'): HTMLElement {
  const p = el(doc, 'p', cls);
  for (const piece of pieces) {
    if (piece.kind === 'page') p.append(markPageText(el(doc, 'span', undefined, piece.text), words.quotes.title));
    else if (piece.kind === 'hints') p.append(el(doc, 'span', 'hint', piece.text));
    else p.append(doc.createTextNode(piece.text));
  }
  return p;
}

/** Only https links are shown (page-derived URLs could be javascript:). */
function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function rowsTable(doc: Document, spec: BannerSpec, words: BannerWording): HTMLElement {
  const box = el(doc, 'div', 'rows');
  const table = el(doc, 'table');
  table.setAttribute('aria-label', words.table?.label ?? '');
  if (words.table?.columns.length) {
    const head = el(doc, 'tr');
    for (const c of words.table.columns) head.append(el(doc, 'th', undefined, c));
    table.append(head);
  }
  const title = words.quotes.title;
  for (const r of (spec.rows ?? []).slice(0, MAX_BANNER_ROWS)) {
    const tr = el(doc, 'tr');
    const link = safeUrl(r.url);
    r.cells.forEach((cell, i) => {
      const td = el(doc, 'td');
      if (i === 0 && link) {
        const a = markPageText(el(doc, 'a', undefined, cell), title);
        a.href = link;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        td.append(a);
      } else if (cell) {
        markPageText(td, title).textContent = cell;
      }
      tr.append(td);
    });
    table.append(tr);
  }
  box.append(table);
  if (words.table?.more) box.append(el(doc, 'p', 'more', words.table.more));
  return box;
}

export function removeBanner(doc: Document): void {
  for (const old of doc.querySelectorAll('[data-account-guard="banner"]')) old.remove();
}

/** Show (or replace) the banner; returns its host element. */
export function showBanner(doc: Document, spec: BannerSpec, words: BannerWording, actions: BannerActions, trusted: TrustedCheck = isTrusted): HTMLElement {
  removeBanner(doc);
  const host = doc.createElement('div');
  host.setAttribute('data-account-guard', 'banner');
  host.setAttribute('data-kind', spec.kind);
  host.setAttribute('data-severity', spec.severity);
  if (spec.count !== undefined) host.setAttribute('data-count', String(spec.count));
  // CSSOM, not a style attribute: allowed under any page CSP.
  const hs = host.style;
  hs.setProperty('position', 'fixed', 'important');
  hs.setProperty('top', '0', 'important');
  hs.setProperty('left', '0', 'important');
  hs.setProperty('right', '0', 'important');
  hs.setProperty('z-index', '2147483647', 'important');
  hs.setProperty('display', 'block', 'important');

  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  const style = el(doc, 'style');
  // The quote marks of the user's language around page text (our own strings, as CSS strings).
  style.textContent = `${STYLE}\n.page-text { quotes: ${JSON.stringify(words.quotes.open)} ${JSON.stringify(words.quotes.close)}; }`;
  const bar = el(doc, 'div', 'bar');
  bar.setAttribute('data-severity', spec.severity);
  bar.setAttribute('role', spec.severity === 'info' ? 'status' : 'alert');

  const text = el(doc, 'div', 'text');
  text.append(el(doc, 'p', 'title', words.title));
  for (const pieces of words.body) text.append(sentence(doc, pieces, words));
  if (spec.rows?.length) text.append(rowsTable(doc, spec, words));

  const isWarning = spec.severity !== 'info';
  const row = el(doc, 'div', 'actions');
  // Only the person's own clicks count: a page script's .click() or dispatched event does nothing.
  const onTrusted = (b: HTMLElement, onClick: () => void) =>
    b.addEventListener('click', (e) => {
      if (trusted(e)) onClick();
    });
  const makeButton = (label: string, onClick: () => void, cls?: string) => {
    const b = el(doc, 'button', cls, label);
    b.type = 'button';
    onTrusted(b, onClick);
    return b;
  };
  const button = (label: string, onClick: (() => void) | undefined, primary = false) => {
    if (onClick) row.append(makeButton(label, onClick, primary ? 'primary' : undefined));
  };
  // "This was me" first asks again, naming the masked account(s) it would trust.
  const trustAction = actions.trust;
  const trust = words.trust;
  const askToConfirm = (trust: NonNullable<BannerWording['trust']>) => {
    const ask = el(doc, 'div', 'confirm-box');
    ask.setAttribute('role', 'group');
    const question = sentence(doc, trust.question, words, 'body confirm');
    const buttons = el(doc, 'div', 'actions');
    const cancel = makeButton(trust.cancel, () => {
      ask.replaceWith(row);
    });
    buttons.append(
      makeButton(trust.confirm, () => {
        trustAction?.();
        host.remove();
      }, 'primary'),
      cancel,
    );
    ask.append(question, buttons);
    row.replaceWith(ask);
    // Keyboard users land on the harmless answer: a second Enter never confirms by itself.
    cancel.focus();
  };
  if (trust) button(trust.label, trustAction && (() => askToConfirm(trust)), false);
  const review = safeUrl(spec.reviewUrl);
  if (review) {
    const a = el(doc, 'a', 'review', words.review);
    a.href = review;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    row.append(a);
  }
  if (isWarning) button(words.whatToDo, actions.checklist, true);
  if (row.childElementCount > 0) text.append(row);

  const close = el(doc, 'button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', words.dismiss);
  close.title = words.dismiss;
  onTrusted(close, () => {
    actions.dismiss?.();
    host.remove();
  });

  bar.append(el(doc, 'span', 'icon', ICONS[spec.severity]), text, close);
  root.append(style, bar);
  (doc.body ?? doc.documentElement).prepend(host);
  return host;
}
