// Preact hook: the background's state for a page, and a way to act on it.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser';
import type { UiMessage, PublicState, Reply } from '../core/types';
import { touchesState } from '../core/storage-keys';
import { send } from './api';

export type Loadable = { status: 'loading' } | { status: 'error' } | { status: 'ready'; state: PublicState };

/**
 * Send a message; the new state replaces the shown one. Resolves to the reply
 * (so a page can read an export or an error key); a refused message leaves the
 * shown state as it was, an unreachable background shows the error.
 */
export type Act = (m: UiMessage) => Promise<Reply | null>;

export function useGuardState(): [Loadable, Act] {
  const [value, setValue] = useState<Loadable>({ status: 'loading' });
  const act = useCallback<Act>(async (m) => {
    const reply: Reply | null = await send(m);
    if (!reply) setValue({ status: 'error' });
    else if (reply.ok && reply.state) setValue({ status: 'ready', state: reply.state });
    else if (!reply.ok && m.type === 'get-state') setValue({ status: 'error' });
    return reply;
  }, []);
  useEffect(() => {
    void act({ type: 'get-state' });
    // The state changes elsewhere too (a banner answered in a tab, a page
    // read in the background): show the latest while the page is open.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && touchesState(Object.keys(changes))) void act({ type: 'get-state' });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [act]);
  return [value, act];
}
