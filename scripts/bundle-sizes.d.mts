// Types of scripts/bundle-sizes.mjs, for the TypeScript tests that use it.

export const CONTENT_SCRIPTS_BUDGET: number;
export function closure(dir: string, entry: string, seen?: Set<string>): Set<string>;
export function gzipSize(dir: string, files: Iterable<string>): number;
export interface PageContentScripts {
  url: string;
  /** gzip -9 of every file the page's content scripts load. */
  bytes: number;
  scripts: string[];
}
export function contentScriptsPerPage(dir: string): PageContentScripts[];
