// Handles what content scripts report from the sign-in flow: fingerprints the
// accounts, consults the tab's flow memory and lets the core judge; notes
// password submits as sign-in attempts and learns the account once the
// attempt is proven (background/signin-proof.ts).

import { legacyPairs } from '../core/fingerprint';
import { upgradeLegacyIds } from '../core/legacy-ids';
import { accountClaim, judgeSignIn, learnSignedIn, noteTwoStepSeen, type Claim } from '../core/judge-signin';
import { isSellerHost, marketplaceForHost } from '../core/marketplaces';
import type { BannerSpec, Observation, RawAccount, StoredState } from '../core/types';
import { claimedInFlow, claimInFlow, rememberClaimed, rememberTyped, typedRecently } from './flows';
import { noteSignInAttempt, patchSignInAttempt, voidSignInAttempt, type SignInAttempt } from './signin-proof';
import { readState, updateState } from './store';

/** The salt of the last state judged here (memory only): lets the next observation's accounts be fingerprinted before its turn. */
let lastSalt: string | null = null;

/** An account read from a page as the sign-in guard knows it (also the passkey watch's account id). */
export async function toClaim(raw: RawAccount, host: string, salt: string): Promise<Claim | null> {
  const claim = await accountClaim(raw, marketplaceForHost(host), salt, host);
  return claim && { ...claim, role: isSellerHost(host) ? 'seller' : 'buyer' };
}

export async function handleTyped(tabId: number, host: string, raw: RawAccount): Promise<void> {
  const state = await readState();
  const claim = await toClaim(raw, host, state.salt);
  if (claim) await rememberTyped(tabId, claim.id, Date.now(), state.settings.typedFlowMinutes);
}

export async function handleSignInObservation(
  tabId: number,
  host: string,
  obs: Extract<Observation, { page: 'signin-claim' | 'signin-otp' }>,
): Promise<BannerSpec | null> {
  if (obs.page === 'signin-otp') {
    // A code is being asked for the account this tab is signing in: 2SV is on.
    const id = await claimedInFlow(tabId);
    if (id) await updateState((s) => ({ state: noteTwoStepSeen(s, id, Date.now()), result: null }));
    return null;
  }
  // Stretched while waiting for the queue, in parallel with other tabs' (core/fingerprint caches them); a stale salt only wastes one.
  if (lastSalt) for (const a of obs.accounts) void toClaim(a, host, lastSalt).catch(() => null);
  return updateState(async (state: StoredState) => {
    lastSalt = state.salt;
    const now = Date.now();
    const claims = (await Promise.all(obs.accounts.map((a) => toClaim(a, host, state.salt)))).filter(
      (c): c is Claim => c !== null,
    );
    const typed = typedRecently(tabId, now, state.settings.typedFlowMinutes);
    // Noted for the steps that follow (2SV); the flow memory's own queue keeps the order, the banner need not wait.
    if (obs.source !== 'switcher' && claims.length === 1) void rememberClaimed(tabId, claims[0]!);
    const typedInFlow = await typed;
    // Entries stored under a legacy (fast) fingerprint of an account shown here take its stretched id first.
    const { state: next, banner } = judgeSignIn(upgradeLegacyIds(state, await legacyPairs(), now), claims, {
      source: obs.source,
      typedInFlow,
      now,
      newId: () => crypto.randomUUID(),
    });
    return { state: next, result: banner };
  });
}

/**
 * A trusted password submit on a sign-in page of this tab, for the account the
 * page showed (or, if it showed none readable, the one the flow is signing in).
 * The password itself never reaches this module.
 */
export async function handleSignInSubmit(tabId: number, host: string, raw: RawAccount | null): Promise<void> {
  // Noted at once, before any await: the tab's next page may already be on its way.
  const noted = noteSignInAttempt(tabId, host, {});
  const state = await readState();
  let claim = raw ? await toClaim(raw, host, state.salt) : null;
  if (claim) await rememberClaimed(tabId, claim);
  else claim = await claimInFlow(tabId);
  await noted;
  if (claim) await patchSignInAttempt(tabId, host, { accountId: claim.id });
}

/** The password step is shown (again) in this tab: an earlier attempt was refused or abandoned. */
export function handlePasswordStepShown(tabId: number): Promise<void> {
  return voidSignInAttempt(tabId);
}

/** A sign-in attempt was proven: its account becomes known, unconfirmed (trust rules). */
export async function handleSignInProven(attempt: SignInAttempt): Promise<void> {
  // The account the password step showed (fingerprinted when the page was read); it must be the attempt's, if the attempt names one.
  const claim = await claimInFlow(attempt.tabId);
  if (!claim || (attempt.accountId !== null && claim.id !== attempt.accountId)) return;
  await updateState((s) => ({ state: learnSignedIn(s, claim, Date.now()), result: null }));
}
