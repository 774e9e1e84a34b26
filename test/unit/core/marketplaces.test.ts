// The marketplace table: hosts, match patterns and phone conventions.

import { describe, expect, it } from 'vitest';
import {
  allHosts,
  hostPermissionPatterns,
  isAmazonHost,
  MARKETPLACES,
  marketplaceById,
  marketplaceForHost,
  signInMatchPatterns,
} from '../../../src/core/marketplaces';

describe('MARKETPLACES', () => {
  it('puts amazon.co.jp first (Japanese users first)', () => {
    expect(MARKETPLACES[0]!.id).toBe('amazon.co.jp');
    expect(MARKETPLACES[0]).toMatchObject({ country: 'JP', callingCode: '81', trunkPrefix: '0', retailHost: 'www.amazon.co.jp' });
  });

  it('has unique ids and retail hosts, and well-formed phone conventions', () => {
    expect(new Set(MARKETPLACES.map((m) => m.id)).size).toBe(MARKETPLACES.length);
    expect(new Set(MARKETPLACES.map((m) => m.retailHost)).size).toBe(MARKETPLACES.length);
    for (const m of MARKETPLACES) {
      expect(m.country).toMatch(/^[A-Z]{2}$/);
      expect(m.callingCode).toMatch(/^[1-9]\d{0,2}$/);
      expect(m.trunkPrefix).toMatch(/^\d?$/);
      expect(m.retailHost).toBe(`www.${m.id}`);
      expect(m.sellerHosts.length).toBeGreaterThan(0);
    }
  });

  it('resolves every retail host, bare domain and Seller Central host to a marketplace', () => {
    for (const m of MARKETPLACES) {
      expect(marketplaceForHost(m.retailHost)).toBe(m);
      expect(marketplaceForHost(m.id)).toBe(m);
      expect(marketplaceForHost(m.retailHost.toUpperCase())).toBe(m);
      expect(marketplaceForHost(`${m.retailHost}.`)).toBe(m);
      expect(marketplaceById(m.id)).toBe(m);
      for (const h of m.sellerHosts) expect(marketplaceForHost(h)).not.toBeNull();
    }
    expect(marketplaceForHost('sellercentral-japan.amazon.com')!.id).toBe('amazon.co.jp');
    expect(marketplaceForHost('sellercentral.amazon.com')!.id).toBe('amazon.com');
    expect(marketplaceForHost('sellercentral-europe.amazon.com')!.id).toBe('amazon.co.uk');
  });

  it('knows no other host', () => {
    for (const h of ['amazon.co.jp.evil.example', 'www.amazon.co.jp.evil.example', 'evil.example', 'www.amaz0n.co.jp', 'aws.amazon.com', 'www.amazon.co.jp:443', '', 'localhost']) {
      expect(isAmazonHost(h)).toBe(false);
    }
    expect(marketplaceById('amazon.example')).toBeNull();
  });
});

describe('patterns', () => {
  it('asks for the listed hosts only: no <all_urls>, no wildcard host, https only', () => {
    const patterns = [...hostPermissionPatterns(), ...signInMatchPatterns()];
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) {
      expect(p).not.toContain('<all_urls>');
      expect(p).toMatch(/^https:\/\/[a-z0-9.-]+\/\S*$/);
      expect(p).not.toMatch(/^https:\/\/\*/);
      expect(isAmazonHost(new URL(p.replace(/\*$/, '')).host)).toBe(true);
    }
  });

  it('has one host permission per host and covers the sign-in paths on each', () => {
    const hosts = allHosts();
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(hostPermissionPatterns()).toEqual(hosts.map((h) => `https://${h}/*`));
    expect(signInMatchPatterns()).toContain('https://www.amazon.co.jp/ap/*');
    expect(signInMatchPatterns()).toContain('https://www.amazon.co.jp/ax/*');
    expect(signInMatchPatterns()).toContain('https://sellercentral-japan.amazon.com/ap/*');
    expect(hostPermissionPatterns()[0]).toBe('https://www.amazon.co.jp/*');
  });
});
