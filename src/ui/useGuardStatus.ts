// Preact hook: what the guard can and cannot do right now (host access per
// watched marketplace, a failed write), asked from the background when the
// page opens and again whenever the browser's permissions change.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from '../platform/browser';
import type { GuardStatus } from '../core/health';
import { send } from './api';

export function useGuardStatus(): [GuardStatus | null, () => Promise<void>] {
  const [status, setStatus] = useState<GuardStatus | null>(null);
  const refresh = useCallback(async () => {
    const reply = await send({ type: 'get-status' });
    if (reply?.ok && reply.status) setStatus(reply.status);
  }, []);
  useEffect(() => {
    void refresh();
    const changed = () => void refresh();
    browser.permissions.onAdded.addListener(changed);
    browser.permissions.onRemoved.addListener(changed);
    return () => {
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  }, [refresh]);
  return [status, refresh];
}
