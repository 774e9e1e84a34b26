// Handles the passkey watch's observations: the account shown becomes the
// sign-in guard's fingerprint, each credential id a salted fingerprint, the
// tab's memory of the owner's own changes says whether a passkey set-up was
// just seen here, and the core judges the list against the last one.

import { hashValue } from '../core/account-fingerprint';
import { loginSecurityUrl } from '../core/checklist';
import { resolveAccountId } from '../core/judge-account';
import { judgePasskeys, noteOwnerPasskeySetup } from '../core/judge-passkeys';
import type { BannerSpec, Observation } from '../core/types';
import { claimedInFlow } from './flows';
import { ownerChangesIn } from './owner-changes';
import { toClaim } from './signin';
import { updateState } from './store';

export type PasskeyObservation = Extract<Observation, { page: 'signin-passkeys' }>;

/** WebAuthn lets a page name only its own site (or a parent domain) as relying party; anything else is not Amazon's list. */
export function isOwnRelyingParty(host: string, rpId: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return h === rpId || h.endsWith(`.${rpId}`);
}

export async function handlePasskeyObservation(tabId: number, host: string, obs: PasskeyObservation): Promise<BannerSpec | null> {
  if (!isOwnRelyingParty(host, obs.rpId)) return null;
  const now = Date.now();
  const ownerSetupInTab = (await ownerChangesIn(tabId, now)).has('passkeys');
  return updateState(async (state) => {
    const claim = await toClaim(obs.account, host, state.salt);
    if (!claim) return { state, result: null };
    // The relying party is part of the hash: the same authenticator id on two Amazon sites is two passkeys.
    const credentials = await Promise.all(obs.credentialIds.map((id) => hashValue('passkey', `${obs.rpId}\u0000${id}`, state.salt)));
    const { state: next, banner } = judgePasskeys(
      state,
      { accountId: claim.id, hint: claim.hint, marketplace: claim.marketplace, rpId: obs.rpId, credentials },
      { now, newId: () => crypto.randomUUID(), ownerSetupInTab, reviewUrl: loginSecurityUrl(claim.marketplace) },
    );
    return { state: next, result: banner };
  });
}

/**
 * The owner started Amazon's passkey set-up in this tab (the passkey row of
 * Login & Security): the account this tab signed in to — or the only one
 * known — may show a new passkey at its next sign-in, and it is theirs.
 */
export async function notePasskeySetup(tabId: number): Promise<void> {
  const claimed = await claimedInFlow(tabId);
  const now = Date.now();
  await updateState((s) => ({ state: noteOwnerPasskeySetup(s, resolveAccountId(s, null, claimed), now), result: null }));
}
