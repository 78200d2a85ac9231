// Single sign-on in a real browser (issue 18): an administrator adds the agency's IdP (a real
// OpenID Connect provider, oidc-provider, started here) in the admin panel; an officer then clicks
// "Sign in with <IdP>" on the demo node's sign-in page, signs in on the IdP's own page and lands in
// the app as the role the group mapping gives; a refused sign-in (unknown user, auto-create off)
// comes back to the sign-in page with the message in the page's language. Both languages are
// screenshot (sso-login-*, sso-admin-*).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ApiSession } from './support/demo-data.js';
import { browserSuite } from './support/suite.js';
import { screenshot, settle, signInThroughPage, text, type Lang } from './support/ui.js';
import { startTestIdp, type TestIdp } from '../support/oidc-idp.js';
import { SSO_ERRORS } from '../../src/domain/sso/errors.js';

const suite = browserSuite();
let idp: TestIdp | undefined;

beforeAll(async () => {
  const base = suite.web.url;
  idp = await startTestIdp({
    redirectUris: [`${base}/api/auth/oidc/agency/callback`],
    postLogoutRedirectUris: [`${base}/`],
    accounts: [
      {
        sub: 'cn-77001',
        username: 'wang.fang',
        password: 'agency-pass-1',
        name: 'Wang Fang',
        email: 'wang.fang@mps.test',
        groups: ['cyber-duty'],
      },
      {
        sub: 'cn-77002',
        username: 'chen.jie',
        password: 'agency-pass-2',
        name: 'Chen Jie',
        email: 'chen.jie@mps.test',
        groups: ['cyber-duty'],
      },
    ],
  });
}, 60_000);
afterAll(async () => {
  await idp?.close();
});

async function signInWithIdp(page: Page, lang: Lang, username: string, password: string): Promise<void> {
  await page
    .getByRole('link', {
      name: text(lang, 'sso.signInWith', { name: lang === 'en' ? 'Agency IdP' : '公安部统一认证' }),
    })
    .click();
  await page.getByLabel('User').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in to the agency' }).click();
}

describe('single sign-on through the agency IdP', () => {
  it('is configured in the admin panel, in both languages', async () => {
    const page = suite.browser.page;
    const base = suite.web.url;
    await signInThroughPage(page, base, 'admin', 'en');
    await page.goto(`${base}/admin?tab=sso`);
    await page.getByRole('button', { name: text('en', 'sso.admin.add') }).click();
    await page.getByLabel(text('en', 'sso.admin.slug')).fill('agency');
    await page.getByLabel(text('en', 'sso.admin.nameEn')).fill('Agency IdP');
    await page.getByLabel(text('en', 'sso.admin.nameZh')).fill('公安部统一认证');
    await page.getByLabel(text('en', 'sso.admin.issuer')).fill(idp!.issuer);
    await page.getByLabel(text('en', 'sso.admin.clientId')).fill(idp!.clientId);
    await page.getByLabel(text('en', 'sso.admin.clientSecret')).fill(idp!.clientSecret);
    await page.getByLabel(text('en', 'sso.admin.scopes')).fill('openid profile email groups offline_access');
    await page.getByRole('button', { name: text('en', 'sso.admin.addMapping') }).click();
    await page.getByLabel(text('en', 'sso.admin.value')).fill('cyber-duty');
    await page.getByLabel(text('en', 'sso.admin.role')).selectOption('point_of_contact');
    await page.getByLabel(text('en', 'sso.admin.autoCreate')).check();
    await expect
      .poll(() => page.getByTestId('sso-redirect-uri').textContent())
      .toContain(`${base}/api/auth/oidc/agency/callback`);
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'sso-admin-editor-en');
    await page.getByRole('button', { name: text('en', 'sso.admin.save') }).click();
    await page.getByRole('cell', { name: /Agency IdP/ }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(idp!.clientSecret);
    await settle(page);
    await screenshot(page, 'sso-admin-en');
    await page.getByLabel(text('en', 'header.language')).selectOption('zh-CN');
    await page.getByRole('cell', { name: /公安部统一认证/ }).waitFor();
    await settle(page);
    await screenshot(page, 'sso-admin-zh-CN');
    await page.getByLabel(text('zh-CN', 'header.language')).selectOption('en');
  }, 180_000);

  it('signs an officer in through the IdP’s own page, as the mapped role', async () => {
    const page = suite.browser.page;
    const base = suite.web.url;
    await page.context().clearCookies();
    await page.goto(`${base}/`);
    await page.getByLabel(/^(Language|语言)$/).selectOption('en');
    await page.getByRole('link', { name: text('en', 'sso.signInWith', { name: 'Agency IdP' }) }).waitFor();
    await settle(page);
    await screenshot(page, 'sso-login-en');
    await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
    await page.getByRole('link', { name: text('zh-CN', 'sso.signInWith', { name: '公安部统一认证' }) }).waitFor();
    await settle(page);
    await screenshot(page, 'sso-login-zh-CN');
    await page.getByLabel(/^(Language|语言)$/).selectOption('en');

    await signInWithIdp(page, 'en', 'wang.fang', 'agency-pass-1');
    await page.getByRole('navigation', { name: text('en', 'nav.label') }).waitFor();
    expect(new URL(page.url()).origin).toBe(base);
    const me = await page.evaluate(
      async () => (await fetch('/api/auth/me')).json() as Promise<{ user: { username: string; roles: string[] } }>,
    );
    expect(me.user).toMatchObject({ username: 'wang.fang', roles: ['point_of_contact'] });
    expect(await page.locator('body').textContent()).toContain(text('en', 'roles.point_of_contact'));

    // Sign-out ends the node's session and, through the IdP's end-session page, comes back to sign-in.
    await page.getByRole('button', { name: text('en', 'header.signOut') }).click();
    await page.waitForURL((u) => u.origin === idp!.issuer, { timeout: 15_000 }).catch(() => undefined);
    const status = await page.evaluate(
      async (b) => (await fetch(`${b}/api/auth/me`, { credentials: 'include' }).catch(() => null))?.status ?? 0,
      base,
    );
    expect([0, 401]).toContain(status);
  }, 180_000);

  it('shows a refused SSO sign-in on the sign-in page, in the page’s language', async () => {
    const page = suite.browser.page;
    const base = suite.web.url;
    const admin = await ApiSession.signIn(base, 'admin');
    const { items } = await admin.call<{ items: Array<{ id: string }> }>('GET', '/sso/providers');
    await admin.call('PATCH', `/sso/providers/${items[0]!.id}`, { autoCreate: false });

    await page.context().clearCookies();
    await page.goto(`${base}/`);
    await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
    await signInWithIdp(page, 'zh-CN', 'chen.jie', 'agency-pass-2');
    await page.getByText(SSO_ERRORS.SSO_UNKNOWN_USER.message.zh).waitFor();
    expect(page.url()).not.toContain('sso_error');
    await settle(page);
    await screenshot(page, 'sso-login-refused-zh-CN');
    // The local form still works beside it (break-glass).
    await signInThroughPage(page, base, 'duty', 'en');
  }, 180_000);
});
