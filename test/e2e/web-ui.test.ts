// Browser tests of the web UI against a real demo node (SPEC §10.1, issue 4): sign-in and the
// request workflow in English and in Chinese with inline validation, a hotline call acknowledged
// from the inbox, and an accessibility scan plus a screenshot of every main page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from './support/browser.js';
import { ApiSession } from './support/demo-data.js';
import { startWebNode, type WebNode } from './support/web-node.js';
import { axeProblems, screenshot, signOut, text } from './support/ui.js';
import { acknowledgeCallFromInbox } from './flows/call-flow.js';
import { auditPages } from './flows/pages-audit.js';
import { requestFlow } from './flows/request-flow.js';

describe('web UI in a browser', () => {
  let web: WebNode;
  let browser: Browser;

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebNode(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('serves the app for deep links and keeps API errors as JSON', async () => {
    const page = await fetch(`${web.url}/requests/some-deep-link`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${web.url}/api/no-such-route`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('shows the sign-in page without accessibility problems', async () => {
    await browser.page.goto(web.url);
    await browser.page.getByRole('button', { name: text('en', 'login.signIn') }).waitFor();
    expect(await axeProblems(browser.page)).toEqual([]);
    await screenshot(browser.page, 'login');
  });

  it('in English: a wrong input shows its message inline, then the request goes to fulfilled', async () => {
    const id = await requestFlow(browser.page, web.url, 'en', 'CN-SH-2026-E2E-EN');
    const me = await (await ApiSession.signIn(web.url, 'duty')).call<{ user: { locale: string } }>('GET', '/auth/me');
    expect(me.user.locale).toBe('en');
    expect(await browser.page.evaluate(() => document.documentElement.lang)).toBe('en');
    const stored = await (await ApiSession.signIn(web.url, 'investigator')).call<{ status: string }>('GET', `/requests/${id}`);
    expect(stored.status).toBe('fulfilled');
  }, 120_000);

  it('in English: the duty officer acknowledges a hotline call from the inbox in one click', async () => {
    await acknowledgeCallFromInbox(browser.page, web.url, 'en');
    await signOut(browser.page, 'en');
  }, 60_000);

  it('in Chinese: the same flow, with the messages in Chinese', async () => {
    const id = await requestFlow(browser.page, web.url, 'zh-CN', 'CN-SH-2026-E2E-ZH');
    expect(await browser.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await browser.page.locator('.brand-node').textContent()).toBe('演示网络犯罪侦查部门（中国）');
    const me = await (await ApiSession.signIn(web.url, 'duty')).call<{ user: { locale: string } }>('GET', '/auth/me');
    expect(me.user.locale).toBe('zh-CN');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await acknowledgeCallFromInbox(browser.page, web.url, 'zh-CN');
  }, 120_000);

  it('every main page passes an axe-core scan with no serious or critical violations', async () => {
    const problems = [
      ...(await auditPages(browser.page, web.url, 'en')),
      ...(await auditPages(browser.page, web.url, 'zh-CN', '-zh')),
    ];
    expect(problems).toEqual([]);
  }, 300_000);
});
