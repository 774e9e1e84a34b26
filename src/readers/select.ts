// The DOM helpers every page module reads with: selector lists tried in order
// (a selector this engine does not know is skipped, never thrown), the text
// of an element with whitespace collapsed, and a guard that turns any
// exception from odd markup into "no observation".

export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    try {
      const el = root.querySelector(s);
      if (el) return el;
    } catch {
      // a selector this engine does not know: try the next alternative
    }
  }
  return null;
}

/** Matches of every selector, once each (grouped by selector, not in document order). */
export function all(root: ParentNode, selectors: readonly string[]): Element[] {
  const seen = new Set<Element>();
  for (const s of selectors) {
    try {
      for (const el of root.querySelectorAll(s)) seen.add(el);
    } catch {
      // unknown selector: skip
    }
  }
  return [...seen];
}

/** Whitespace that text() must collapse: leading, trailing, doubled, or not a plain space. */
const UNTIDY = /^\s|\s$|\s\s|[^\S ]/;

/** An element's text, whitespace collapsed (tidy text, most table cells, is returned as is: cheaper). */
export function text(el: Element | null | undefined): string {
  const t = el?.textContent ?? '';
  return UNTIDY.test(t) ? t.replace(/\s+/g, ' ').trim() : t;
}

/** Elements whose text is never page content a reader wants. */
export const NOT_CONTENT = 'script, style, template, noscript, textarea';

/**
 * The non-empty texts of the elements without element children under
 * `scope` (itself included), in document order, skipping `skip` and
 * anything inside it. Leaf by leaf: textContent would glue adjacent cells
 * into one "word".
 */
export function leafTexts(scope: Element, skip = NOT_CONTENT): string[] {
  return [scope, ...scope.querySelectorAll('*')]
    .filter((el) => el.childElementCount === 0 && !el.closest(skip))
    .map((el) => text(el))
    .filter((t) => t.length > 0);
}

/** Run an extractor; odd markup gives null, never an exception. */
export function safely<T>(read: () => T | null): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
