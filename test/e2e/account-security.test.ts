// "My account" security settings in a browser (security review items 5 and 7): an API token is
// created with a scope and shows its scope and expiry, and two-factor authentication moves to
// another authenticator app only with a current code of the enrolled one; the page passes axe-core.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-parties.js';
import { totpCode } from '../../src/domain/user/totp.js';
import { browserSuite } from './support/suite.js';
import { axeProblems, screenshot, signInThroughPage, signOut, text } from './support/ui.js';

describe('account security settings', () => {
  const suite = browserSuite();

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`in ${lang}: creates a read-only token showing its scope and expiry`, async () => {
      const T = (key: string) => text(lang, key);
      const page = suite.browser.page;
      await signInThroughPage(page, suite.web.url, 'investigator', lang);
      await page.goto(`${suite.web.url}/account`);
      const tokens = page.locator('section[aria-labelledby="tokens-title"]');
      await tokens.getByLabel(T('tokens.name'), { exact: true }).fill(`reader ${lang}`);
      await tokens.getByLabel(T('tokens.scope'), { exact: true }).selectOption('read_only');
      await tokens.getByLabel(T('tokens.days'), { exact: true }).fill('30');
      await tokens.getByRole('button', { name: T('tokens.create') }).click();
      expect(await page.getByTestId('new-token').textContent()).toMatch(/^clt_/);
      const row = tokens.locator('tr', { hasText: `reader ${lang}` });
      await row.getByText(T('tokens.scopes.read_only'), { exact: true }).waitFor();
      expect(await row.getByText(T('tokens.never')).count()).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `account-tokens-${lang}`);
    }, 60_000);
  }

  it('moves two-factor authentication to another app only with a current code', async () => {
    const T = (key: string) => text('en', key);
    const page = suite.browser.page;
    await signInThroughPage(page, suite.web.url, 'supervisor', 'en');
    await page.goto(`${suite.web.url}/account`);
    const panel = page.locator('section[aria-labelledby="totp-title"]');
    await panel.getByRole('button', { name: T('totp.start') }).click();
    const first = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await panel.getByLabel(T('login.code'), { exact: true }).fill(totpCode(first, new Date()));
    await panel.getByRole('button', { name: T('totp.confirm'), exact: true }).click();
    await panel.getByText(T('admin.totpOn'), { exact: true }).waitFor();

    // A wrong code is refused with the API's message; the right one (the next step: no replay) shows a new secret.
    await panel
      .getByLabel(T('login.code'), { exact: true })
      .fill(totpCode(first, new Date()) === '000000' ? '111111' : '000000');
    await panel.getByRole('button', { name: T('totp.replace') }).click();
    await panel.getByRole('alert').getByText('The authentication code is wrong or expired.').waitFor();
    await panel.getByLabel(T('login.code'), { exact: true }).fill(totpCode(first, new Date(Date.now() + 30_000)));
    await panel.getByRole('button', { name: T('totp.replace') }).click();
    await page.getByTestId('totp-secret').waitFor();
    const second = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(second).not.toBe(first);
    expect(await axeProblems(page)).toEqual([]);
    await panel.getByLabel(T('login.code'), { exact: true }).fill(totpCode(second, new Date()));
    await panel.getByRole('button', { name: T('totp.confirm'), exact: true }).click();
    await panel.getByText(T('totp.enabledHelp')).waitFor();
    await signOut(page, 'en');

    // Signing in now takes the new app's code.
    await page.getByLabel(T('login.username'), { exact: true }).fill('supervisor');
    await page.getByLabel(T('login.password'), { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: T('login.signIn') }).click();
    await page.getByLabel(T('login.code'), { exact: true }).fill(totpCode(second, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: T('login.verify') }).click();
    await page.getByRole('navigation', { name: T('nav.label') }).waitFor();
  }, 90_000);
});
