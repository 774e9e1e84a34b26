// Decoding of IDNA "xn--" labels (RFC 3492 Bootstring), so a host such as
// xn--mazon-3ve.com is judged by the letters it shows ("аmazon"). Bad input
// decodes to null, never throws.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digit(c: number): number {
  if (c >= 48 && c <= 57) return c - 22; // 0-9 -> 26-35
  if (c >= 97 && c <= 122) return c - 97; // a-z
  if (c >= 65 && c <= 90) return c - 65;
  return BASE;
}

/** One label's Unicode form ("xn--…" decoded), the label itself when not encoded, null when broken. */
export function decodeLabel(label: string): string | null {
  if (!label.toLowerCase().startsWith('xn--')) return label;
  const input = label.slice(4);
  const out: number[] = [];
  const basic = input.lastIndexOf('-');
  for (let j = 0; j < Math.max(basic, 0); j++) out.push(input.charCodeAt(j));
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let pos = basic > 0 ? basic + 1 : 0; pos < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const d = digit(input.charCodeAt(pos++));
      if (d >= BASE) return null;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (w > 1e12) return null;
    }
    const len = out.length + 1;
    bias = adapt(i - oldI, len, oldI === 0);
    n += Math.floor(i / len);
    i %= len;
    if (n > 0x10ffff) return null;
    out.splice(i++, 0, n);
  }
  try {
    return String.fromCodePoint(...out);
  } catch {
    return null;
  }
}

/** A host name with every label decoded. */
export function decodeHost(host: string): string {
  return host
    .split('.')
    .map((l) => decodeLabel(l) ?? l)
    .join('.');
}
