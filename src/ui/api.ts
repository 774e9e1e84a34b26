// Talking to the background from an extension page.
import { browser } from '../platform/browser';
import type { PageMessage, PublicState, Reply } from '../core/types';

/** The background's answer, or null when it could not be reached. */
export async function send(message: PageMessage): Promise<Reply | null> {
  try {
    return ((await browser.runtime.sendMessage(message)) as Reply | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function request(message: PageMessage): Promise<PublicState> {
  const reply = await send(message);
  if (!reply || !reply.ok || !reply.state) throw new Error(reply && !reply.ok ? reply.error : 'no reply');
  return reply.state;
}
