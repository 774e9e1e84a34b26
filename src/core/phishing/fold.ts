// Look-alike folding: text and host names reduced to what a reader sees, so
// "Аmazоn" (Cyrillic А, о), "Ａｍａｚｏｎ" (full-width), "Ama\u200Bzon"
// (zero-width), "amaz0n" and "arnazon" all read as "amazon". Also whether the
// brand needed such a disguise to be seen.

/** Invisible characters kits put between letters (soft hyphen, zero-width, bidi controls, word joiners). */
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

/** Characters that look like Latin letters: Cyrillic, Greek, Armenian and Latin variants. */
const CONFUSABLE: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's',
  і: 'i', ї: 'i', ј: 'j', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ү: 'y', ɡ: 'g', п: 'n', г: 'r',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ζ: 'z',
  // Armenian and Latin variants
  օ: 'o', ս: 'u', զ: 'q', ɑ: 'a', ı: 'i', ȷ: 'j', ɩ: 'i', ɪ: 'i', ʏ: 'y', ᴀ: 'a', ᴍ: 'm', ᴏ: 'o', ɴ: 'n', ᴢ: 'z',
};
/** Digits and signs standing in for letters ("amaz0n", "@mazon"). */
const LEET: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '@': 'a', $: 's', '!': 'i', '|': 'l' };

/** Case and width folded only (NFKC, lower case): what is not a disguise. */
export function plainFold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Everything a look-alike may hide behind, folded away. */
export function foldLookalikes(text: string): string {
  let s = plainFold(text).replace(INVISIBLE, '');
  // Accents on Latin letters ("ámazon"): drop the marks, but keep kana voicing marks (ゾ stays ゾ).
  s = s.normalize('NFKD').replace(/([a-z])[\u0300-\u036f]+/g, '$1').normalize('NFC');
  let out = '';
  for (const ch of s) out += CONFUSABLE[ch] ?? ch;
  return out;
}

/** A folded text with letter substitutes and the separators between letters removed, for brand search. */
function compact(folded: string): string {
  let out = '';
  for (const ch of folded) out += LEET[ch] ?? ch;
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/[\s._\-·・･|*'"`]+/g, '');
}

const BRAND = /amazon|アマゾン/;

/** The brand appears in the text once look-alikes are folded away. */
export function hasBrand(text: string): boolean {
  if (!text) return false;
  const folded = foldLookalikes(text);
  return BRAND.test(folded) || BRAND.test(compact(folded));
}

/** The brand appears only after folding: the text hides it behind look-alike or invisible characters. */
export function hasDisguisedBrand(text: string): boolean {
  if (!text || !hasBrand(text)) return false;
  const plain = plainFold(text);
  return !BRAND.test(plain) && !BRAND.test(plain.replace(/\s+/g, ''));
}
