// Shared by every content script: send an observation to the background and
// show the banner it answers with (its words come with it), wired to the alert actions.

import { contentApi as browser } from '../platform/content-api';
import type { ContentMessage, Observation, ReplyTo } from '../core/types';
import { showBanner } from './banner';

/** The background's answer (typed per message by the message table), or null when it could not be reached. */
export async function send<M extends ContentMessage>(message: M): Promise<ReplyTo<M['type']> | null> {
  try {
    return (await browser.runtime.sendMessage(message)) as ReplyTo<M['type']>;
  } catch {
    return null; // extension reloaded or worker unavailable: stay silent on the page
  }
}

/** The last observation reported per page type (a sign-in page may report its claim and its passkeys). */
const lastReported = new Map<string, string>();

/**
 * Report what the page shows (once per distinct observation) and show the
 * banner the background asks for. Returns the banner's host, if one is shown.
 */
export async function report(observation: Observation): Promise<HTMLElement | null> {
  const signature = JSON.stringify(observation);
  if (signature === lastReported.get(observation.page)) return null;
  lastReported.set(observation.page, signature);
  const reply = await send({ type: 'observe', observation });
  if (!reply || !reply.ok || !reply.banner) return null;
  const { alertIds } = reply.banner;
  return showBanner(document, reply.banner, reply.banner.wording, {
    trust: alertIds.length ? () => void send({ type: 'alert-action', alertIds, action: 'trust' }) : undefined,
    checklist: () => void send({ type: 'open-checklist' }),
    dismiss: alertIds.length ? () => void send({ type: 'alert-action', alertIds, action: 'dismiss' }) : undefined,
  });
}
