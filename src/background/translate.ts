// The background's translator: the browser's message catalogue, the key
// itself when a message is missing (never an empty string on screen).

import { browser } from '../platform/browser';
import type { Translate } from '../core/banner-wording';

export const translate: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;
