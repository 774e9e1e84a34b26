// Reads the evidence of a page presenting itself as an Amazon sign-in (on
// hosts that are not Amazon's): Amazon's sign-in ids, page-framework classes,
// logo sprites, hot-linked Amazon CSS, the credential fields and the text
// around them. Cheap (a handful of querySelector calls) and never throws:
// bad markup is "no evidence". Judged in the background (core/phishing/score).

import { AMAZON_SIGNIN_IDS, MAX_PAGE_TEXT, type PageEvidence } from '../core/phishing/evidence';

const CDN = /^https?:\/\/([a-z0-9-]+\.)*(media-amazon\.com|ssl-images-amazon\.com|images-amazon\.com)\//i;
const WIDGET =
  '[id*="LoginWithAmazon" i],[class*="loginwithamazon" i],[id*="AmazonPay" i],[class*="amazonpay" i],[class*="amazon-pay" i],' +
  'a[href*="/ap/oa"],script[src*="payments-amazon.com"],script[src*="loginwithamazon.com"],img[src*="/lwa/"]';
const IDENT = 'input[type=email],input[type=tel],input[autocomplete=username],input[autocomplete=email],input[name*=mail i],input[name*=login i],input[name*=user i],input[id*=mail i]';

const tidy = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const cap = (s: string) => s.slice(0, MAX_PAGE_TEXT);

function visible(el: Element): boolean {
  const input = el as HTMLInputElement;
  return input.type !== 'hidden' && !input.hidden;
}

/** The text of the smallest ancestor of `field` that holds some words (the sign-in box), plus field hints. */
function textAround(field: Element): string {
  // The form itself, or the few ancestors it takes to reach some words; never the whole page around it.
  let box: Element = field.closest('form') ?? field;
  for (let i = 0; i < 3 && box.parentElement && box.parentElement !== box.ownerDocument.body && tidy(box.textContent).length < 80; i++) box = box.parentElement;
  const hints = [...box.querySelectorAll('input')].map((i) => `${i.placeholder ?? ''} ${i.type === 'submit' || i.type === 'button' ? i.value : ''} ${i.getAttribute('aria-label') ?? ''}`);
  return cap(tidy(`${box.textContent ?? ''} ${hints.join(' ')}`));
}

export function readLookalikeEvidence(doc: Document): PageEvidence | null {
  try {
    const ids = AMAZON_SIGNIN_IDS.filter((id) =>
      id.startsWith('form:') ? doc.querySelector(`form[name="${id.slice(5)}"]`) : doc.getElementById(id),
    );
    const password = [...doc.querySelectorAll('input[type=password]')].find(visible) ?? null;
    const identifier = [...doc.querySelectorAll(IDENT)].find(visible) ?? null;
    const framework = new Set<string>();
    for (const el of doc.querySelectorAll('[class*="a-"]')) {
      for (const c of el.classList) if (/^a-[a-z]/.test(c)) framework.add(c);
      if (framework.size >= 30) break;
    }
    if (framework.size < 30 && doc.querySelector('[data-a-input-name],[data-a-target],[data-a-button],[data-a-popover],[data-a-modal]')) framework.add('data-a-*');
    const field = password ?? identifier;
    const logoText = [...doc.querySelectorAll('img[alt],img[title],[aria-label],h1,h2,[class*=logo i]')]
      .slice(0, 20)
      .map((el) => tidy(el.getAttribute('alt') ?? el.getAttribute('title') ?? el.getAttribute('aria-label') ?? el.textContent).slice(0, 60))
      .join(' ');
    return {
      ids,
      framework: Math.min(framework.size, 30),
      logoSprite: doc.querySelector('.nav-logo-sprites,.a-icon-logo,#nav-logo-sprites,.nav-sprite') !== null,
      amazonCdn: [...doc.querySelectorAll('link[href],script[src]')]
        .slice(0, 100)
        .some((el) => CDN.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '')),
      password: password !== null,
      identifier: identifier !== null,
      widget: doc.querySelector(WIDGET) !== null,
      title: cap(tidy(doc.title)),
      formText: field ? textAround(field) : '',
      logoText: cap(logoText),
    };
  } catch {
    return null;
  }
}
