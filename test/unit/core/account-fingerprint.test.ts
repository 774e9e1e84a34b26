// What an account page leaves in storage: salted hashes and masked hints,
// never a value in clear — not even one the normaliser could not read, nor
// the signals of whose account the page is (customer id, greeting name).

import { describe, expect, it } from 'vitest';
import { fingerprintPage } from '../../../src/core/account-fingerprint';
import { sameAccount } from '../../../src/core/judge-account';
import { emptyState } from '../../../src/core/state';
import type { AccountField, AccountIdentity, AccountPageKind } from '../../../src/core/types';
import { SALT } from '../../support/states';

const read = (kind: AccountPageKind, fields: AccountField[], identity: AccountIdentity[] = [], host = 'www.amazon.co.jp') =>
  fingerprintPage(emptyState(SALT), host, { page: 'account', kind, fields, orders: [], identity });

describe('fingerprintPage', () => {
  it('masks a readable email and phone', async () => {
    const r = await read('login-security', [
      { name: 'email', value: 'taro.yamada@example.co.jp' },
      { name: 'phone', value: '090-1234-5678' },
    ]);
    expect(JSON.stringify(r)).not.toContain('taro.yamada');
    expect(JSON.stringify(r)).not.toContain('1234-5678');
    expect(r.fields.email?.hint).toMatch(/^ta\*\*\*@/);
  });

  it('never keeps any of an address it cannot read in the hint', async () => {
    for (const value of ['taro.yamada@localhost', 'taro yamada at example dot com']) {
      const a = await read('login-security', [{ name: 'email', value }]);
      const b = await read('seller-notifications', [{ name: 'notification-email', value }]);
      const dump = JSON.stringify([a.fields, b.fields]);
      expect(dump).not.toContain('taro');
      expect(dump).not.toContain('yamada');
    }
  });

  it('keys the page by the account it belongs to: same account same snapshot, another account another', async () => {
    const taro: AccountIdentity[] = [{ source: 'customer', value: 'A2TAROYAMADAJP' }, { source: 'name', value: '太郎' }];
    const hanako: AccountIdentity[] = [{ source: 'customer', value: 'A2HANAKOSATOJP' }, { source: 'name', value: '花子' }];
    const t1 = await read('two-step', [{ name: 'two-step', value: 'on' }], taro);
    const t2 = await read('two-step', [{ name: 'two-step', value: 'off' }], taro);
    const h = await read('two-step', [{ name: 'two-step', value: 'off' }], hanako);
    expect(t1.snapshotId).toBe(t2.snapshotId);
    expect(h.snapshotId).not.toBe(t1.snapshotId);
    expect(sameAccount(t1.owner, t2.owner)).toBe(true);
    expect(sameAccount(t1.owner, h.owner)).toBe(false);
    const dump = JSON.stringify([t1, h]);
    for (const clear of ['A2TAROYAMADAJP', 'A2HANAKOSATOJP', '太郎', '花子']) expect(dump).not.toContain(clear);
    // The same customer on another host is another snapshot (each marketplace has its own pages).
    expect((await read('two-step', [{ name: 'two-step', value: 'on' }], taro, 'www.amazon.com')).snapshotId).not.toBe(t1.snapshotId);
  });

  it("Login & Security's email is an identity signal; a seller's contact email is not (it is only a setting)", async () => {
    const ls = await read('login-security', [{ name: 'email', value: 'taro@example.com' }]);
    expect(ls.owner).toEqual([`email:${ls.fields.email!.hash}`]);
    const sc = await read('seller-account-info', [{ name: 'email', value: 'cs@example.com' }], [{ source: 'merchant', value: 'A3SELLERTAROJP' }], 'sellercentral.amazon.co.jp');
    expect(sc.owner.map((t) => t.split(':')[0])).toEqual(['merchant']);
  });
});
