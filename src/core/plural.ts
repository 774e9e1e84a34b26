// Plural forms of the extension's own counted sentences. chrome.i18n has no
// plurals, so a counted message has one key per form: `<key>One` for the
// singular, `<key>` for every other count. English has exactly these two
// forms (one / other); Japanese has one form, so its `<key>One` says the same
// as `<key>`. Picked where the sentence is made (the stored reason names its
// key), so the popup renders the right form in either language.

const EN = new Intl.PluralRules('en');

/** The key of the plural form for `n`: "listingReasonNewOne" for 1, "listingReasonNew" otherwise. */
export function countKey(key: string, n: number): string {
  return EN.select(n) === 'one' ? `${key}One` : key;
}
