// URL path patterns as the manifest writes them ("/ap/cnep*"), tested on a page's path and query.

/** "/ap/cnep*" -> a test on "path?query". */
export function pathTest(pattern: string): RegExp {
  const body = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${body}$`);
}
