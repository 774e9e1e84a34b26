// Talking to the background from an extension page.
import { browser } from '../platform/browser';
import type { PageMessage, PublicState, Reply } from '../core/types';

export async function request(message: PageMessage): Promise<PublicState> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply | undefined;
  if (!reply || !reply.ok || !reply.state) throw new Error(reply && !reply.ok ? reply.error : 'no reply');
  return reply.state;
}
