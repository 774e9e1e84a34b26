// Host rules: Amazon's own hosts by registrable domain (never by substring),
// realms, and what a host name adds as look-alike evidence.
import { describe, expect, it } from 'vitest';
import { AMAZON_DOMAINS, amazonExcludePatterns, isAmazonOwnHost, realmForHost } from '../../../src/core/amazon-domains';
import { MARKETPLACES } from '../../../src/core/marketplaces';
import { editDistance, hostSignals } from '../../../src/core/phishing/host';
import { decodeHost, decodeLabel } from '../../../src/core/phishing/punycode';

describe('isAmazonOwnHost', () => {
  it('accepts every marketplace, Seller Central, Amazon Pay and sign-in host', () => {
    for (const m of MARKETPLACES) {
      expect(isAmazonOwnHost(m.retailHost), m.retailHost).toBe(true);
      for (const h of m.sellerHosts) expect(isAmazonOwnHost(h), h).toBe(true);
    }
    for (const h of ['pay.amazon.com', 'pay.amazon.co.jp', 'payments.amazon.co.jp', 'na.account.amazon.com', 'apac.account.amazon.com', 'WWW.AMAZON.CO.JP.', 'amazon.jp', 'm.amazon.co.jp']) {
      expect(isAmazonOwnHost(h), h).toBe(true);
    }
  });

  it('refuses look-alikes and shared hosting, whatever their names contain', () => {
    for (const h of [
      'amazon.co.jp.example.com',
      'www.amazon.co.jp.verify-account.top',
      'amazon-co-jp.example',
      'amazonn.co.jp',
      'xn--mazon-3ve.com',
      'amazon-login.s3.amazonaws.com',
      'd3k81ch9hvuctc.cloudfront.net',
      'amazon-signin.github.io',
      'www-amazon-co-jp.translate.goog',
      'amazon.co',
      '192.168.0.1',
      '',
      'exa mple.com',
    ]) {
      expect(isAmazonOwnHost(h), h).toBe(false);
    }
  });

  it('lists registrable domains only, and excludes them with subdomains', () => {
    expect(AMAZON_DOMAINS).toContain('amazon.co.jp');
    expect(AMAZON_DOMAINS).toContain('amazon.com');
    expect(AMAZON_DOMAINS.every((d) => !d.startsWith('www.') && !d.startsWith('sellercentral'))).toBe(true);
    expect(amazonExcludePatterns()).toEqual(expect.arrayContaining(['*://*.amazon.co.jp/*', '*://amazon.co.jp/*']));
  });
});

describe('realmForHost', () => {
  it('keeps amazon.co.jp its own realm and maps Seller Central to its marketplace', () => {
    expect(realmForHost('www.amazon.co.jp')).toBe('amazon.co.jp');
    expect(realmForHost('sellercentral-japan.amazon.com')).toBe('amazon.co.jp');
    expect(realmForHost('sellercentral.amazon.co.jp')).toBe('amazon.co.jp');
    expect(realmForHost('www.amazon.com')).toBe('amazon.com');
    expect(realmForHost('www.amazon.de')).toBe('amazon.de');
    expect(realmForHost('amazon.co.jp.evil.example')).toBeNull();
  });
});

describe('punycode', () => {
  it('decodes IDN labels and survives garbage', () => {
    expect(decodeLabel('xn--mazon-3ve')).toBe('аmazon');
    expect(decodeHost('xn--wgv71a119e.jp')).toBe('日本語.jp');
    expect(decodeLabel('plain')).toBe('plain');
    expect(decodeLabel('xn--!!!')).toBeNull();
    for (const junk of ['xn--', 'xn--zzzzzzzzzzzzzzzzzzzz', 'xn--99999999999999-', 'xn--a-']) expect(() => decodeLabel(junk)).not.toThrow();
  });
});

describe('hostSignals', () => {
  it('sees the brand, a marketplace spelt in, typos and IDN look-alikes', () => {
    expect(hostSignals('amazon-co-jp.account-verify.com')).toEqual(expect.arrayContaining(['brand-in-host', 'marketplace-in-host']));
    expect(hostSignals('www.amazon.co.jp.secure-login.top')).toEqual(expect.arrayContaining(['marketplace-in-host']));
    expect(hostSignals('arnazon-support.com')).toContain('brand-in-host');
    expect(hostSignals('amazom-login.net')).toContain('typo-host');
    expect(hostSignals('xn--mazon-3ve.com')).toEqual(expect.arrayContaining(['idn-host', 'brand-in-host']));
  });

  it('treats shared hosting as no evidence, the customer part as evidence', () => {
    expect(hostSignals('d3k81ch9hvuctc.cloudfront.net')).toEqual([]);
    expect(hostSignals('bucket-1.s3.amazonaws.com')).toEqual([]);
    expect(hostSignals('someone.github.io')).toEqual([]);
    expect(hostSignals('amazon-signin.github.io')).toContain('brand-in-host');
  });

  it('says nothing about ordinary and Amazon hosts', () => {
    for (const h of ['accounts.google.com', 'github.com', 'login.yahoo.co.jp', 'jp.mercari.com', 'www.amazon.co.jp', 'sellercentral.amazon.com', '10.0.0.1', 'localhost']) {
      expect(hostSignals(h), h).toEqual([]);
    }
  });

  it('measures edit distance', () => {
    expect(editDistance('amazom', 'amazon')).toBe(1);
    expect(editDistance('amzon', 'amazon')).toBe(1);
    expect(editDistance('google', 'amazon', 2)).toBeGreaterThan(2);
  });
});
