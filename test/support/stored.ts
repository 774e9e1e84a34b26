// The stored state as tests seed and read it: the per-concern layout of
// storage.local (core/storage-keys), from and to the logical StoredState.
import { joinStateItems, loadState, stateItems } from '../../src/core/state';
import type { StoredState } from '../../src/core/types';

/** storage.local items holding `state` as the store lays it out. */
export function stateStorage(state: StoredState): Record<string, unknown> {
  return structuredClone(stateItems(state, { writeId: 'seeded-by-test' }));
}

/** The logical state in a storage.local dump (throws when it is not a readable current state). */
export function storedState(items: Record<string, unknown>): StoredState {
  const loaded = loadState(joinStateItems(items));
  if (loaded.kind !== 'ok') throw new Error(`stored state is ${loaded.kind}${loaded.kind === 'corrupt' ? `: ${loaded.reason}` : ''}`);
  return loaded.state;
}
