// The background's answers to page messages for component tests: the real
// shape checks, store and handlers on the fake storage.
import { applyAccountAction, applyAlertAction } from '../../../src/core/judge-signin';
import { parseUiMessage } from '../../../src/core/messages';
import { publicState } from '../../../src/core/state';
import type { Reply, StoredState } from '../../../src/core/types';
import { handleUiRequest } from '../../../src/background/ui-requests';
import { checkAccess } from '../../../src/background/permissions';
import { readState, storageProblem, updateState } from '../../../src/background/store';

function answer(next: StoredState): Reply {
  return { ok: true, state: publicState(next) };
}

export async function background(message: unknown): Promise<Reply> {
  const parsed = parseUiMessage(message);
  if (!parsed.ok) return { ok: false, error: parsed.reason };
  const m = parsed.message;
  switch (m.type) {
    case 'get-state':
      return answer(await readState());
    case 'get-status':
      return { ok: true, status: { access: await checkAccess((await readState()).settings), storage: await storageProblem() } };
    case 'alert-action':
      return answer(await updateState((s) => { const n = applyAlertAction(s, m.alertIds, m.action, Date.now()); return { state: n, result: n }; }));
    case 'account-action':
      return answer(await updateState((s) => { const n = applyAccountAction(s, m.accountId, m.action); return { state: n, result: n }; }));
    case 'dismiss-notice':
      return answer(await updateState((s) => { const n = { ...s, notices: s.notices.filter((x) => x.id !== m.noticeId) }; return { state: n, result: n }; }));
    default:
      return handleUiRequest(m);
  }
}
