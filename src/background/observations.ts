// Routes a content script's observation to the watch that judges that page type.

import type { BannerSpec, Observation } from '../core/types';
import { handleSignInObservation } from './signin';
import { handleAccountObservation } from './account-pages';
import { handleInventoryObservation, handleUploadObservation } from './listings';
import { handlePasskeyObservation } from './passkeys';

export function handleObservation(tabId: number, host: string, obs: Observation): Promise<BannerSpec | null> {
  switch (obs.page) {
    case 'signin-claim':
    case 'signin-otp':
      return handleSignInObservation(tabId, host, obs);
    case 'inventory':
      return handleInventoryObservation(host, obs);
    case 'upload-status':
      return handleUploadObservation(host, obs);
    case 'account':
      return handleAccountObservation(tabId, host, obs);
    case 'signin-passkeys':
      return handlePasskeyObservation(tabId, host, obs);
  }
}
