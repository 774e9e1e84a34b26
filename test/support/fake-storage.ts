// An in-memory storage.local (and storage.session) for background unit tests,
// as the browsers behave: one set() is atomic, storage.onChanged fires after
// each write with the changed keys, and writes past the quota fail (Chrome's
// 10 MB without unlimitedStorage, counted as key length + JSON in UTF-8),
// leaving everything as it was. set() can also be made to fail or to take a while.

export const QUOTA_BYTES = 10 * 1024 * 1024;

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type ChangeListener = (changes: Changes, area: string) => void;

const encoder = new TextEncoder();
const sizeOf = (key: string, value: unknown) => encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;

export function fakeStorage() {
  const data: Record<string, unknown> = {};
  const sessionData: Record<string, unknown> = {};
  const control = { failNextSet: 0, maxDelayMs: 0, sets: 0, quota: QUOTA_BYTES, setLog: [] as string[][] };
  const listeners = new Set<ChangeListener>();
  const pause = () => (control.maxDelayMs ? new Promise((r) => setTimeout(r, Math.random() * control.maxDelayMs)) : Promise.resolve());
  const pick = (from: Record<string, unknown>, keys: string | string[] | null) => {
    const wanted = keys === null ? Object.keys(from) : Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(wanted.filter((k) => k in from).map((k) => [k, structuredClone(from[k])]));
  };
  const bytesInUse = () => Object.entries(data).reduce((n, [k, v]) => n + sizeOf(k, v), 0);
  const emit = (changes: Changes) => {
    for (const fn of listeners) fn(structuredClone(changes), 'local');
  };
  const local = {
    async get(keys: string | string[] | null) {
      await pause();
      return pick(data, keys);
    },
    async set(items: Record<string, unknown>) {
      await pause();
      if (control.failNextSet > 0) {
        control.failNextSet -= 1;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      const after = bytesInUse() + Object.entries(items).reduce((n, [k, v]) => n + sizeOf(k, v) - (k in data ? sizeOf(k, data[k]) : 0), 0);
      if (after > control.quota) throw new Error('QUOTA_BYTES quota exceeded');
      control.sets += 1;
      control.setLog.push(Object.keys(items));
      const changes: Changes = {};
      // One atomic write, as storage.local.set is.
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data[k], newValue: structuredClone(v) };
        data[k] = structuredClone(v);
      }
      emit(changes);
    },
    async remove(keys: string | string[]) {
      await pause();
      const changes: Changes = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) {
        if (!(k in data)) continue;
        changes[k] = { oldValue: data[k] };
        delete data[k];
      }
      if (Object.keys(changes).length) emit(changes);
    },
    async getBytesInUse() {
      return bytesInUse();
    },
  };
  const session = {
    async get(keys: string | string[] | null) {
      return pick(sessionData, keys);
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) sessionData[k] = structuredClone(v);
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete sessionData[k];
    },
  };
  const onChanged = {
    addListener: (fn: ChangeListener) => listeners.add(fn),
    removeListener: (fn: ChangeListener) => listeners.delete(fn),
  };
  function clear() {
    for (const k of Object.keys(data)) delete data[k];
    for (const k of Object.keys(sessionData)) delete sessionData[k];
    Object.assign(control, { failNextSet: 0, maxDelayMs: 0, sets: 0, quota: QUOTA_BYTES, setLog: [] });
  }
  return { data, sessionData, control, storage: { local, session, onChanged }, bytesInUse, clear };
}

/** One fake per test file, shared by the test and its vi.mock of platform/browser. */
export const sharedStorage = fakeStorage();
