// Talking to the background from an extension page.
import { browser } from '../platform/browser';
import type { UiMessage, PublicState, ReplyTo } from '../core/types';

/** The background's answer (typed per message by the message table), or null when it could not be reached. */
export async function send<M extends UiMessage>(message: M): Promise<ReplyTo<M['type']> | null> {
  try {
    return ((await browser.runtime.sendMessage(message)) as ReplyTo<M['type']> | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function request(message: Extract<UiMessage, { type: 'get-state' | 'alert-action' | 'account-action' | 'dismiss-notice' | 'update-settings' | 'add-account' | 'rename-account' | 'checklist-step' | 'import-state' | 'reset-state' }>): Promise<PublicState> {
  const reply = await send(message);
  if (!reply || !reply.ok || !reply.state) throw new Error(reply && !reply.ok ? reply.error : 'no reply');
  return reply.state;
}
