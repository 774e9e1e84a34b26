// @vitest-environment jsdom
// The registry of Amazon page types: each page type's paths come from the
// tables the manifest's match patterns are built from, and its must-yield
// rule says "unreadable" only for a settled page of that type that should
// have shown something (changed markup), never for the edit forms, a
// re-authentication prompt or odd markup.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAccountPage } from '../../../src/readers/account';
import { readSignInPage } from '../../../src/readers/signin';
import { isPageOfType, PAGE_TYPES, shouldHaveYielded } from '../../../src/readers/page-types';

const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixture = (p: string) => doc(readFileSync(`test/fixtures/${p}`, 'utf8'));
const JP = 'https://www.amazon.co.jp';

describe('page types', () => {
  it('know their pages', () => {
    expect(isPageOfType(PAGE_TYPES['login-security'], `${JP}/ap/cnep?ref_=x`, false)).toBe(true);
    expect(isPageOfType(PAGE_TYPES.signin, `${JP}/ax/claim/signin`, false)).toBe(true);
    expect(isPageOfType(PAGE_TYPES.inventory, 'https://sellercentral.amazon.co.jp/myinventory/inventory', true)).toBe(true);
    expect(isPageOfType(PAGE_TYPES.inventory, `${JP}/myinventory/inventory`, false)).toBe(false);
    expect(isPageOfType(PAGE_TYPES.addresses, 'not a url', false)).toBe(false);
  });

  it('a readable page of a must-yield type yields; the same URL with changed markup is unreadable', () => {
    const good = fixture('account/en-login-security.html');
    expect(readAccountPage('login-security', good)).not.toBeNull();
    const changed = doc('<h1>Login &amp; Security</h1><div class="ls-row"><span>Sign-in address</span><span>t(at)example.com</span></div>');
    expect(readAccountPage('login-security', changed)).toBeNull();
    expect(shouldHaveYielded(PAGE_TYPES['login-security'], `${JP}/ap/cnep?ref_=x`, changed, false)).toBe(true);
  });

  it('the sign-in password step must show its account; the email step, other /ap/ pages and a re-authentication prompt need not', () => {
    const password = fixture('signin/en-password-email.html');
    expect(readSignInPage(password)).not.toBeNull();
    const noClaim = doc('<form><input type="password" name="password" id="pw"><button>Sign in</button></form>');
    expect(readSignInPage(noClaim)).toBeNull();
    expect(shouldHaveYielded(PAGE_TYPES.signin, `${JP}/ap/signin?openid.mode=checkid_setup`, noClaim, false)).toBe(true);
    expect(shouldHaveYielded(PAGE_TYPES.signin, `${JP}/ap/register`, noClaim, false)).toBe(false);
    const emailStep = fixture('signin/en-email-step.html');
    expect(shouldHaveYielded(PAGE_TYPES.signin, `${JP}/ap/signin`, emailStep, false)).toBe(false);
    // Login & Security asking for the password again, or showing an edit form.
    expect(shouldHaveYielded(PAGE_TYPES['login-security'], `${JP}/ap/cnep`, noClaim, false)).toBe(false);
    expect(shouldHaveYielded(PAGE_TYPES['login-security'], `${JP}/ap/cnep?appAction=EDIT_EMAIL`, doc('<form method="post"><input type="email" name="emailNew"></form>'), false)).toBe(false);
  });

  it('page types that may rightly show nothing never report, and odd markup never throws', () => {
    expect(shouldHaveYielded(PAGE_TYPES.orders, `${JP}/your-orders/orders`, doc('<p>No orders</p>'), false)).toBe(false);
    const broken = { querySelector: () => { throw new Error('hostile'); } } as unknown as Document;
    expect(() => shouldHaveYielded(PAGE_TYPES['login-security'], `${JP}/ap/cnep`, broken, false)).not.toThrow();
  });
});
