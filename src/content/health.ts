// Watch health, content side: once the page has settled (a few seconds after
// load), a page whose type says it must yield an observation (readers/page-types)
// and that yielded none is reported to the background as unreadable — so a
// changed Amazon page shows in the popup instead of leaving the watch silent.
// Odd markup gives no report and never an exception.

import { shouldHaveYielded, type PageType } from '../readers/page-type';
import { send } from './report';

/** After the load event: parts render late (order cards, Seller Central widgets, the inventory table). */
export const SETTLE_MS = 5000;

export interface HealthWatch {
  /** Call whenever the page yielded an observation. */
  yielded(): void;
}

/**
 * Start watching this page's health as a page of `type` (null: not a page
 * type the script knows) on a retail or Seller Central (`seller`) host. Both
 * are passed in (the type from readers/page-type or readers/account/page-type;
 * the host's surface is known to a script the manifest injects on one surface
 * only) so a script carries only its own rules, and not the marketplace table.
 */
export function watchHealth(type: PageType | null, seller: boolean): HealthWatch {
  let yielded = false;
  const watch: HealthWatch = {
    yielded: () => {
      yielded = true;
    },
  };
  if (!type) return watch;
  const check = () => {
    if (yielded) return;
    let broken = false;
    try {
      broken = shouldHaveYielded(type, location.href, document, seller);
    } catch {
      broken = false;
    }
    if (broken) void send({ type: 'page-unreadable', pageType: type.id });
  };
  const arm = () => setTimeout(check, SETTLE_MS);
  if (document.readyState === 'complete') arm();
  else addEventListener('load', arm, { once: true });
  return watch;
}
