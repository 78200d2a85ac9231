// Browser test of public reporting (docs/spec.md §6): a victim reports in Chinese with a screenshot,
// without an account, gets a receipt and checks the status; an analyst finds the report in the
// triage queue with its extracted indicators and turns it into a case; the victim sees the change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngBytes } from '../support/public-report-fixtures.js';
import { axeProblems, screenshot, settle, signInThroughPage, type Lang } from './support/ui.js';
import { browserSuite } from './support/suite.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Catalog = { [key: string]: string | Catalog };
const catalogs = new Map<Lang, Catalog>();

/** Texts of this area's own catalogs (web/src/i18n/areas/public-report.*.json). */
function prText(lang: Lang, key: string, values: Record<string, string> = {}): string {
  if (!catalogs.has(lang))
    catalogs.set(
      lang,
      JSON.parse(readFileSync(path.join(ROOT, `web/src/i18n/areas/public-report.${lang}.json`), 'utf8')) as Catalog,
    );
  let node: string | Catalog | undefined = catalogs.get(lang);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no text ${key} in ${lang}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
}

describe('public reporting in a browser', () => {
  const suite = browserSuite();
  it('a victim reports in Chinese with a screenshot, an analyst turns it into a case, the victim sees it forwarded', async () => {
    const page = suite.browser.page;
    await page.context().clearCookies();
    await page.goto(`${suite.web.url}/report`);
    // Public: no sign-in page, no workspace navigation.
    await page.getByRole('heading', { level: 1, name: prText('en', 'publicReport.title') }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await screenshot(page, 'public-report-form-en');
    expect(await axeProblems(page)).toEqual([]);

    await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
    const zh = (key: string, values?: Record<string, string>) => prText('zh-CN', key, values);
    await page.getByRole('heading', { level: 1, name: zh('publicReport.title') }).waitFor();
    // The honeypot is out of reach for people and screen readers.
    expect(await page.locator('#f-fax').getAttribute('tabindex')).toBe('-1');
    expect(await page.getByRole('textbox', { name: zh('publicReport.honeypot') }).count()).toBe(0);

    // Too short a story first: the server's message shows inline, in Chinese.
    await page.getByLabel(zh('publicReport.narrative')).fill('被骗了');
    await page.getByRole('button', { name: zh('publicReport.submit') }).click();
    await page.locator('#f-narrative-error').waitFor();
    expect(await page.locator('#f-narrative-error').textContent()).toContain('至少');

    await page
      .getByLabel(zh('publicReport.narrative'))
      .fill(
        '对方在微信上自称京东金融客服，说我的百万保障服务要扣费，让我把钱转到“安全账户”，我转了 38000 元。对方还让我加 QQ 联系。',
      );
    await page.getByLabel(zh('publicReport.occurredAt')).fill('2026-02-27');
    await page.getByLabel(zh('publicReport.amountLost')).fill('38000');
    await page.getByLabel(zh('publicReport.currency'), { exact: true }).selectOption('CNY');
    await page.getByLabel(zh('publicReport.paymentMethod')).selectOption('bank_transfer');
    await page.getByLabel(zh('publicReport.account')).fill('6222021234567890128');
    await page.getByLabel(zh('publicReport.phones')).fill('13800138000');
    await page.getByLabel(zh('publicReport.handles')).fill('wechat:jdkefu_2026');
    await page
      .getByLabel(zh('publicReport.files'))
      .setInputFiles({ name: '转账截图.png', mimeType: 'image/png', buffer: pngBytes(8) });
    await page.getByText('转账截图.png').waitFor();
    await screenshot(page, 'public-report-form-zh');
    await page.getByRole('button', { name: zh('publicReport.submit') }).click();

    await page.getByRole('heading', { name: zh('publicReport.doneTitle') }).waitFor();
    const receipt = (await page.getByTestId('receipt').textContent())!.trim();
    const code = (await page.getByTestId('status-code').textContent())!.trim();
    expect(receipt).toMatch(/^CL-2026-[0-9A-Z]{4}-[0-9A-Z]{6}$/);
    await screenshot(page, 'public-report-receipt-zh');

    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('link', { name: zh('publicReport.checkStatusNow') }).click();
    await page.getByLabel(zh('publicReport.statusCode')).fill(code);
    await page.getByRole('button', { name: zh('publicReport.check') }).click();
    expect(await page.getByTestId('public-status').textContent()).toBe(zh('publicReport.status_received'));

    // The analyst's side, in English.
    await signInThroughPage(page, suite.web.url, 'analyst', 'en');
    await page.goto(`${suite.web.url}/triage`);
    await settle(page);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'triage-queue');
    await page.getByRole('link', { name: receipt }).click();
    await page.getByRole('heading', { level: 1, name: receipt }).waitFor();
    const indicators = await page.getByTestId('indicators').textContent();
    expect(indicators).toContain('6222');
    expect(indicators).toContain('+86 138');
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'triage-report-detail');
    await page.getByRole('button', { name: prText('en', 'triage.createCaseOne') }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: receipt }).waitFor();
    await screenshot(page, 'triage-case-created');

    // Back on the public page, the victim sees the report was passed on.
    await page.context().clearCookies();
    await page.goto(`${suite.web.url}/report/status?receipt=${receipt}`);
    await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
    await page.getByLabel(zh('publicReport.statusCode')).fill(code);
    await page.getByRole('button', { name: zh('publicReport.check') }).click();
    expect(await page.getByTestId('public-status').textContent()).toBe(zh('publicReport.status_forwarded'));
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'public-report-status-zh');
  }, 240_000);
});
