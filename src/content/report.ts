// Shared by every content script: send an observation to the background and
// show the banner it answers with, wired to the alert actions.

import { contentApi as browser } from '../platform/content-api';
import type { ContentMessage, Observation, Reply } from '../core/types';
import { showBanner, type Translate } from './banner';

export const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;

export async function send(message: ContentMessage): Promise<Reply | null> {
  try {
    return (await browser.runtime.sendMessage(message)) as Reply;
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
  return showBanner(document, reply.banner, t, {
    trust: alertIds.length ? () => void send({ type: 'alert-action', alertIds, action: 'trust' }) : undefined,
    checklist: () => void send({ type: 'open-checklist' }),
    dismiss: alertIds.length ? () => void send({ type: 'alert-action', alertIds, action: 'dismiss' }) : undefined,
  });
}
