// Browser tests of the web UI against the real demo federation (docs/spec.md §10.1, issue 4): a request
// from the Chinese node answered on the US node and a hotline call acknowledged across the
// federation, once in English and once in Chinese, with inline validation; and an accessibility
// scan plus a screenshot of every main page.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { axeProblems, screenshot, signInThroughPage, signOut, text } from './support/ui.js';
import { acknowledgeCallFromInbox } from './flows/call-flow.js';
import { auditPages } from './flows/pages-audit.js';
import { totpFlow } from './flows/totp-flow.js';
import { answerOnUsNode, checkOnChineseNode, createPreservationRequest } from './flows/request-flow.js';

describe('web UI in a browser', () => {
  const suite = browserSuite();

  it('serves the app for deep links and keeps API errors as JSON', async () => {
    const page = await fetch(`${suite.web.url}/requests/some-deep-link`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${suite.web.url}/api/no-such-route`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('shows the sign-in page without accessibility problems', async () => {
    await suite.browser.page.goto(suite.web.url);
    await suite.browser.page.getByRole('button', { name: text('en', 'login.signIn') }).waitFor();
    expect(await axeProblems(suite.browser.page)).toEqual([]);
    await screenshot(suite.browser.page, 'login');
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`in ${lang}: CN asks US to preserve data (a wrong input shows its message inline); US fulfils it with evidence`, async () => {
      const page = suite.browser.page;
      await signInThroughPage(page, suite.web.url, 'investigator', lang);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.locator('.brand-node').textContent()).toBe(
        lang === 'en' ? 'Demo Cybercrime Unit (China)' : '演示网络犯罪侦查部门（中国）',
      );
      const caseRef = `CN-SH-2026-E2E-${lang}`;
      const id = await createPreservationRequest(page, suite.web.url, lang, caseRef);
      const sha256 = await answerOnUsNode(page, suite.web.peerUrl, lang, id);
      await screenshot(page, `us-request-fulfilled-${lang}`);
      await checkOnChineseNode(page, suite.web.url, lang, id, caseRef, sha256);
      await screenshot(page, `cn-evidence-received-${lang}`);
      // The language picked on the sign-in page is this browser session's (the account's default is set on the account page).
      const me = (await (await page.request.get(`${suite.web.url}/api/auth/me`)).json()) as {
        session: { locale: string };
      };
      expect(me.session.locale).toBe(lang);
    }, 180_000);

    it(`in ${lang}: an emergency call from US is acknowledged from the CN inbox in one click and stops the US clock`, async () => {
      await signInThroughPage(suite.browser.page, suite.web.url, 'duty', lang);
      await acknowledgeCallFromInbox(suite.browser.page, suite.web.url, suite.web.peerUrl, lang);
      await signOut(suite.browser.page, lang);
    }, 90_000);
  }

  it('two-factor authentication: enrolled under My account, then asked for at sign-in', async () => {
    await totpFlow(suite.browser.page, suite.web.url, 'analyst', 'en');
  }, 60_000);

  it('every main page passes an axe-core scan with no serious or critical violations', async () => {
    const problems = [
      ...(await auditPages(suite.browser.page, suite.web.url, 'en')),
      ...(await auditPages(suite.browser.page, suite.web.url, 'zh-CN', '-zh')),
    ];
    expect(problems).toEqual([]);
  }, 300_000);
});
