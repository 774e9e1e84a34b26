// The built bundles' sizes, read from a build directory (dist/chrome): what a
// built file loads, gzip -9 of a set of files, and per page the content scripts
// the manifest injects there. Used by `npm run bench` (scripts/bench.mjs, the
// README's Performance table) and by the unit test that holds every page's
// content scripts to the 12 KB budget (test/unit/content-size.test.ts).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for everything one page's content scripts load, gzip -9 (issue 13). */
export const CONTENT_SCRIPTS_BUDGET = 12 * 1024;

/** A built file and every file it loads (static and dynamic imports, modulepreload/stylesheet links), extension-relative. */
export function closure(dir, entry, seen = new Set()) {
  const path = normalize(entry).replace(/^\/+/, '');
  if (seen.has(path) || !existsSync(join(dir, path))) return seen;
  seen.add(path);
  const text = readFileSync(join(dir, path), 'utf8');
  const refs = [];
  if (path.endsWith('.html')) {
    for (const m of text.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)) refs.push(m[1]);
  } else if (path.endsWith('.js')) {
    for (const m of text.matchAll(/(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)["'`]([^"'`]+\.(?:js|css))["'`]/g)) refs.push(m[1]);
  }
  for (const ref of refs) {
    if (/^[a-z]+:/i.test(ref)) continue; // another origin: counted by the manifest test, never here
    closure(dir, ref.startsWith('/') ? ref : join(dirname(path), ref), seen);
  }
  return seen;
}

/** gzip -9 of the files together (each compressed on its own, as a browser fetches them), in bytes. */
export const gzipSize = (dir, files) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);

/** A match pattern (scheme://host/path with *) as a regular expression over URLs. */
const patternRe = (p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);

/**
 * Everything one page loads, per page: every URL a match pattern names
 * (its * filled in), the content scripts the manifest injects there
 * (exclude_matches honoured), gzip of their files together; largest first.
 */
export function contentScriptsPerPage(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const urls = new Set(manifest.content_scripts.flatMap((cs) => cs.matches.map((m) => m.replace(/\*/g, 'x'))));
  const pages = [];
  for (const url of urls) {
    const scripts = manifest.content_scripts.filter((cs) => cs.matches.some((m) => patternRe(m).test(url)) && !(cs.exclude_matches ?? []).some((m) => patternRe(m).test(url)));
    const files = new Set(scripts.flatMap((cs) => cs.js.flatMap((js) => [...closure(dir, js)])));
    pages.push({ url, bytes: gzipSize(dir, files), scripts: scripts.flatMap((cs) => cs.js) });
  }
  return pages.sort((a, b) => b.bytes - a.bytes);
}
