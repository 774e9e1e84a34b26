// Preact hook: the background's state for a page, and a way to act on it.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PageMessage, PublicState } from '../core/types';
import { request } from './api';

export type Loadable = { status: 'loading' } | { status: 'error' } | { status: 'ready'; state: PublicState };

export function useGuardState(): [Loadable, (m: PageMessage) => Promise<void>] {
  const [value, setValue] = useState<Loadable>({ status: 'loading' });
  const act = useCallback(async (m: PageMessage) => {
    try {
      setValue({ status: 'ready', state: await request(m) });
    } catch {
      setValue({ status: 'error' });
    }
  }, []);
  useEffect(() => {
    void act({ type: 'get-state' });
  }, [act]);
  return [value, act];
}
