// The phishing guard's addresses: the http(s) page URL test, and where the
// warning page lives. Apart from ./messages so the warning page loads no schemas.

export const WARNING_PATH = 'src/warning/index.html';

/** An http(s) URL, parsed; null otherwise. */
export function httpUrl(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}
