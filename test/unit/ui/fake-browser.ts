// A stand-in for src/platform/browser.ts in jsdom component tests: i18n from
// the real _locales files, storage.local in memory, and runtime.sendMessage
// answered by the real store and page handlers (after the real shape checks),
// as the background would.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

let lang: 'en' | 'ja' = 'en';
const locales: Record<string, Messages> = {
  en: JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as Messages,
  ja: JSON.parse(readFileSync(resolve('public/_locales/ja/messages.json'), 'utf8')) as Messages,
};

export function setLanguage(l: 'en' | 'ja'): void {
  lang = l;
}

/** chrome.i18n.getMessage: named placeholders, then $1…$9. */
export function getMessage(key: string, subs?: string | string[]): string {
  if (key === '@@ui_locale') return lang;
  const entry = locales[lang]![key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  let text = entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
  text = text.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  return text;
}

export const memory: Record<string, unknown> = {};
const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

type Handler = (message: unknown) => Promise<unknown>;
let handler: Handler = async () => undefined;
export function answerWith(h: Handler): void {
  handler = h;
}
export const sent: unknown[] = [];
let inFlight = 0;
/** Messages sent and not answered yet (component tests wait for none). */
export const pending = () => inFlight;

const noopEvent = { addListener(_fn: unknown) {}, removeListener(_fn: unknown) {} };
type StorageListener = (changes: Record<string, unknown>, area: string) => void;
const storageListeners = new Set<StorageListener>();

/** Host access as the fake browser grants it: origins listed here are withheld (Chrome's "on click", Firefox revocation). */
export const access = { withheld: new Set<string>(), requested: [] as { origins?: string[] }[], grant: true };
type PermissionListener = (p: { origins?: string[] }) => void;
const permissionListeners = { added: new Set<PermissionListener>(), removed: new Set<PermissionListener>() };
const session: Record<string, unknown> = {};

export const browser = {
  permissions: {
    async contains(p: { origins?: string[] }) {
      return (p.origins ?? []).every((o) => !access.withheld.has(o));
    },
    /** Grants (unless access.grant is false) and fires onAdded, as the browser does after the user agrees. */
    async request(p: { origins?: string[] }) {
      access.requested.push(clone(p));
      if (!access.grant) return false;
      for (const o of p.origins ?? []) access.withheld.delete(o);
      for (const fn of permissionListeners.added) fn(p);
      return true;
    },
    onAdded: {
      addListener: (fn: PermissionListener) => permissionListeners.added.add(fn),
      removeListener: (fn: PermissionListener) => permissionListeners.added.delete(fn),
    },
    onRemoved: {
      addListener: (fn: PermissionListener) => permissionListeners.removed.add(fn),
      removeListener: (fn: PermissionListener) => permissionListeners.removed.delete(fn),
    },
  },
  i18n: { getMessage },
  runtime: {
    id: 'test-extension',
    getURL: (p: string) => `chrome-extension://test-extension/${p.replace(/^\//, '')}`,
    async sendMessage(message: unknown) {
      sent.push(clone(message));
      inFlight += 1;
      try {
        return clone(await handler(clone(message)));
      } finally {
        inFlight -= 1;
      }
    },
    onMessage: noopEvent,
    onInstalled: noopEvent,
    // Its own object: tests spy on onInstalled.addListener alone.
    onStartup: { addListener(_fn: unknown) {}, removeListener(_fn: unknown) {} },
  },
  storage: {
    onChanged: {
      addListener(fn: StorageListener) {
        storageListeners.add(fn);
      },
      removeListener(fn: StorageListener) {
        storageListeners.delete(fn);
      },
    },
    session: {
      async get(keys: string | string[] | null) {
        const list = keys === null ? Object.keys(session) : Array.isArray(keys) ? keys : [keys];
        return Object.fromEntries(list.filter((k) => k in session).map((k) => [k, clone(session[k])]));
      },
      async set(items: Record<string, unknown>) {
        for (const [k, v] of Object.entries(items)) session[k] = clone(v);
      },
      async remove(keys: string | string[]) {
        for (const k of Array.isArray(keys) ? keys : [keys]) delete session[k];
      },
    },
    local: {
      async get(keys: string | string[] | null) {
        if (keys === null) return clone({ ...memory });
        const list = Array.isArray(keys) ? keys : [keys];
        return Object.fromEntries(list.filter((k) => k in memory).map((k) => [k, clone(memory[k])]));
      },
      async set(items: Record<string, unknown>) {
        for (const [k, v] of Object.entries(items)) memory[k] = clone(v);
        const changes = Object.fromEntries(Object.keys(items).map((k) => [k, { newValue: clone(items[k]) }]));
        for (const fn of storageListeners) fn(changes, 'local');
      },
      async remove(keys: string | string[]) {
        for (const k of Array.isArray(keys) ? keys : [keys]) delete memory[k];
      },
    },
  },
  tabs: { create: async (_options: unknown) => ({}) },
};

export function resetFake(): void {
  for (const k of Object.keys(memory)) delete memory[k];
  for (const k of Object.keys(session)) delete session[k];
  access.withheld.clear();
  access.requested.length = 0;
  access.grant = true;
  sent.length = 0;
  lang = 'en';
}
