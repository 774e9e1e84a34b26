// @vitest-environment jsdom
// The look-alike scorer over evidence read from real-looking pages: kits
// modelled on public phishing kits (saved copies, script-injected bodies,
// hand-made pages, Cyrillic brands) are look-alikes; ordinary login pages of
// other sites, shops offering "Sign in with Amazon" / Amazon Pay and blogs
// that mention Amazon stay quiet; Amazon's own pages are never judged.
import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';

// jsdom documents are slow to build on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });
import { isAmazonOwnHost } from '../../../src/core/amazon-domains';
import type { PageEvidence } from '../../../src/core/phishing/evidence';
import { isPageEvidence } from '../../../src/core/schemas/messages';
import { hostSignals } from '../../../src/core/phishing/host';
import { PAGE_ALONE, scoreLookalike } from '../../../src/core/phishing/score';
import { readLookalikeEvidence } from '../../../src/readers/lookalike';

const DIR = 'test/fixtures/phishing';
interface Entry {
  file: string;
  url: string;
  injected?: boolean;
}
const index = (kind: 'kits' | 'quiet') => JSON.parse(readFileSync(`${DIR}/${kind}/index.json`, 'utf8')) as Entry[];

/** Load a page as the browser would, running its scripts when the kit injects its body. */
async function evidenceOf(html: string, url: string, run = false): Promise<PageEvidence> {
  const dom = new JSDOM(html, { url, runScripts: run ? 'dangerously' : undefined, pretendToBeVisual: true });
  if (run) await new Promise((r) => setTimeout(r, 150));
  const ev = readLookalikeEvidence(dom.window.document);
  dom.window.close();
  expect(ev).not.toBeNull();
  expect(isPageEvidence(ev)).toBe(true);
  return ev!;
}

const judge = async (html: string, url: string, run = false) => scoreLookalike(await evidenceOf(html, url, run), hostSignals(new URL(url).hostname));

describe('look-alike kits', () => {
  it.each(index('kits'))('$file on $url is a look-alike', async ({ file, url, injected }) => {
    const v = await judge(readFileSync(`${DIR}/kits/${file}`, 'utf8'), url, injected);
    expect(v.lookalike, JSON.stringify(v)).toBe(true);
    expect(v.reasons.length).toBeGreaterThan(0);
  });

  it('judges a kit on its page alone, whatever host it is on', async () => {
    for (const { file, injected } of index('kits').filter((e) => e.file !== 'ja-cyrillic-email-step.html')) {
      const v = await judge(readFileSync(`${DIR}/kits/${file}`, 'utf8'), 'https://plain-host.example/', injected);
      expect(v.page, file).toBeGreaterThanOrEqual(PAGE_ALONE);
    }
  });

  it('reads nothing from a script-injected kit before its script ran, and the look-alike after', async () => {
    const html = readFileSync(`${DIR}/kits/ja-injected-body.html`, 'utf8');
    expect((await judge(html, 'https://jp-support-center.top/', false)).lookalike).toBe(false);
    const after = await judge(html, 'https://jp-support-center.top/', true);
    expect(after.lookalike).toBe(true);
    expect(after.reasons).toEqual(expect.arrayContaining(['phishingWhyMarkup', 'phishingWhyDisguised', 'phishingWhyLogo']));
  });

  it('warns on copies of the real Amazon sign-in steps put on another host', async () => {
    for (const f of ['ja-email-step.html', 'en-email-step.html', 'ja-password-email.html', 'en-password-email.html', 'en-unified-claim.html', 'ja-unified-claim.html']) {
      const v = await judge(readFileSync(`test/fixtures/signin/${f}`, 'utf8'), 'https://login-check.example/');
      expect(v.lookalike, f).toBe(true);
    }
  });
});

describe('ordinary login pages', () => {
  it.each(index('quiet'))('$file on $url stays quiet', async ({ file, url }) => {
    const v = await judge(readFileSync(`${DIR}/quiet/${file}`, 'utf8'), url);
    expect(v.lookalike, JSON.stringify(v)).toBe(false);
  });

  it('stays quiet even when the ordinary page sits on a brand-named host', async () => {
    for (const { file } of index('quiet')) {
      const v = await judge(readFileSync(`${DIR}/quiet/${file}`, 'utf8'), 'https://amazon-deals-blog.example/');
      expect(v.lookalike, file).toBe(false);
    }
  });

  it('a page that asks for nothing is never a look-alike, whatever it says', async () => {
    const v = await judge('<title>Amаzоnログイン</title><div class="a-icon-logo"></div><div id="ap_email_login"></div>', 'https://amazon-co-jp.example/');
    expect(v.lookalike).toBe(false);
  });
});

describe('Amazon pages', () => {
  it('are Amazon own hosts, so the guard never judges them', () => {
    for (const f of readdirSync('test/fixtures/signin')) expect(f.endsWith('.html')).toBe(true);
    expect(isAmazonOwnHost('www.amazon.co.jp')).toBe(true);
    expect(hostSignals('www.amazon.co.jp')).toEqual([]);
  });
});

describe('readLookalikeEvidence', () => {
  it('never throws on odd documents and stays bounded', async () => {
    const long = 'Amazon '.repeat(5000);
    const ev = await evidenceOf(`<title>${long}</title><form><input type=password><p>${long}</p></form>`, 'https://x.example/');
    expect(ev.title.length).toBeLessThanOrEqual(600);
    expect(ev.formText.length).toBeLessThanOrEqual(600);
    const empty = readLookalikeEvidence(new JSDOM('').window.document);
    expect(empty).toMatchObject({ password: false, identifier: false, ids: [] });
  });
});
