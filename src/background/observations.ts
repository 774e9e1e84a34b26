// Routes a content script's observation to the watch that judges that page type.

import type { BannerSpec, Observation } from '../core/types';
import { handleSignInObservation } from './signin';

export function handleObservation(tabId: number, host: string, obs: Observation): Promise<BannerSpec | null> {
  switch (obs.page) {
    case 'signin-claim':
    case 'signin-otp':
      return handleSignInObservation(tabId, host, obs);
  }
}
