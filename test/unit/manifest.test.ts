// The manifests ask only for what the README's permissions table announces:
// a new permission fails here until the README says why it is needed. Checked
// on the manifests the build config produces and, when a build exists, on the
// built dist/<browser>/manifest.json too.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../vite.config';
import { allHosts } from '../../src/core/marketplaces';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js: string[]; all_frames?: boolean }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: unknown[];
};

/** The README's "### Permissions" table: the backticked names in its first column. */
function announcedPermissions(): { names: Set<string>; hostsRow: boolean } {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split(/^### Permissions\s*$/m)[1]?.split(/^#{2,3} /m)[0] ?? '';
  const rows = section.split('\n').filter((l) => /^\|/.test(l) && !/^\|\s*-/.test(l)).slice(1); // skip the header
  const names = new Set<string>();
  let hostsRow = false;
  for (const row of rows) {
    const first = row.split('|')[1] ?? '';
    if (/host access/i.test(first)) hostsRow = true;
    else for (const m of first.matchAll(/`([^`]+)`/g)) names.add(m[1]!);
  }
  return { names, hostsRow };
}

const DIST = process.env.DIST_DIR ?? 'dist';
const manifests: [string, Manifest][] = [
  ['buildManifest(chrome)', buildManifest('chrome') as Manifest],
  ['buildManifest(firefox)', buildManifest('firefox') as Manifest],
  ...(['chrome', 'firefox'] as const)
    .map((b) => join(DIST, b, 'manifest.json'))
    .filter((p) => existsSync(p))
    .map((p): [string, Manifest] => [p, JSON.parse(readFileSync(p, 'utf8')) as Manifest]),
];

const AMAZON_HOSTS = new Set(allHosts());
/** "https://host/path*" -> host, when it is an https pattern on one exact host. */
function patternHost(pattern: string): string | null {
  const m = pattern.match(/^https:\/\/([a-z0-9.-]+)\/.*$/);
  return m ? m[1]! : null;
}

describe('README permissions table', () => {
  it('is found and lists the storage permission and the Amazon host access', () => {
    const { names, hostsRow } = announcedPermissions();
    expect(names.has('storage')).toBe(true);
    expect(hostsRow).toBe(true);
  });
});

describe.each(manifests)('%s', (_name, manifest) => {
  it('requests only the permissions the README announces; optional: only the phishing guard\'s all-sites access', () => {
    const { names } = announcedPermissions();
    const unannounced = [...(manifest.permissions ?? []), ...(manifest.optional_host_permissions ?? [])].filter((p) => !names.has(p));
    expect(unannounced, 'add a row to the README permissions table for each').toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // Issue 10: the phishing guard is opt-in, through this one optional permission.
    expect(manifest.optional_host_permissions ?? []).toEqual(['<all_urls>']);
  });

  it('has host access only to the Amazon hosts of the marketplace table, over https', () => {
    const hosts = manifest.host_permissions ?? [];
    expect(hosts.length).toBeGreaterThan(0);
    for (const h of hosts) {
      const host = patternHost(h);
      expect(host !== null && AMAZON_HOSTS.has(host), h).toBe(true);
    }
    for (const cs of manifest.content_scripts ?? []) {
      expect(cs.all_frames ?? false).toBe(false);
      for (const m of cs.matches) {
        const host = patternHost(m);
        expect(host !== null && AMAZON_HOSTS.has(host), m).toBe(true);
      }
    }
  });

  it('never asks for <all_urls> (except as the optional permission), wildcard hosts or other schemes', () => {
    const { optional_host_permissions: _optional, ...rest } = manifest;
    const text = JSON.stringify(rest);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/"\*:\/\/|:\/\/\*[./]|"http:\/\/|"file:\/\//);
  });

  it('loads no remote code: extension pages allow scripts from the extension only', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0]!, d.slice(1)]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    expect(manifest.content_security_policy?.sandbox).toBeUndefined();
    expect(manifest).not.toHaveProperty('sandbox');
  });

  it('cannot be messaged by web pages or other extensions', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('exposes no web-accessible resources a page could load or probe', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });
});

/** Built pages reference only the extension's own files. */
describe.runIf(existsSync(join(DIST, 'chrome', 'manifest.json')))('built HTML pages', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  it('load no script or style from another origin', () => {
    for (const f of files(join(DIST, 'chrome')).filter((p) => p.endsWith('.html'))) {
      const html = readFileSync(f, 'utf8');
      expect(html, f).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//i);
    }
  });
});
