// @vitest-environment jsdom
// SCRATCH (h6): run extractors on excerpts of real captures in /tmp/h6/real. Deleted after use.
import { readFileSync, readdirSync } from 'node:fs';
import { it } from 'vitest';
import { readOrders } from '../../../src/pages/account/orders';
import { readSignInPage, findAccountInput } from '../../../src/pages/signin';

const DIR = '/tmp/h6/real/';
it('prints', () => {
  for (const name of readdirSync(DIR).filter((n) => n.endsWith('.html')).sort()) {
    const doc = new DOMParser().parseFromString(readFileSync(DIR + name, 'utf8'), 'text/html');
    const out = name.includes('order') && !name.includes('otp') ? readOrders(doc) : readSignInPage(doc);
    const input = findAccountInput(doc);
    console.log('### ' + name + '\n' + JSON.stringify(out) + (name.includes('order') ? '' : '\n  accountInput=' + (input ? input.id || input.name : 'null')));
  }
});
