// What an account page leaves in storage: salted hashes and masked hints,
// never a value in clear — not even one the normaliser could not read.

import { describe, expect, it } from 'vitest';
import { fingerprintPage } from '../../../src/core/account-fingerprint';
import { emptyState } from '../../../src/core/state';
import { SALT } from '../../support/states';

const read = (fields: { name: 'email' | 'phone' | 'notification-email'; value: string }[]) =>
  fingerprintPage(emptyState(SALT), 'www.amazon.co.jp', { page: 'account', kind: 'login-security', fields, orders: [] });

describe('fingerprintPage', () => {
  it('masks a readable email and phone', async () => {
    const r = await read([
      { name: 'email', value: 'taro.yamada@example.co.jp' },
      { name: 'phone', value: '090-1234-5678' },
    ]);
    expect(JSON.stringify(r)).not.toContain('taro.yamada');
    expect(JSON.stringify(r)).not.toContain('1234-5678');
    expect(r.fields.email?.hint).toMatch(/^ta\*\*\*@/);
  });

  it('never keeps any of an address it cannot read in the hint', async () => {
    for (const value of ['taro.yamada@localhost', 'taro yamada at example dot com']) {
      const r = await read([{ name: 'email', value }, { name: 'notification-email', value }]);
      const dump = JSON.stringify(r.fields);
      expect(dump).not.toContain('taro');
      expect(dump).not.toContain('yamada');
    }
  });
});
