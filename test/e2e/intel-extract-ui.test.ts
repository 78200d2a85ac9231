// Browser test of indicator extraction and correlation alerts (docs/spec.md §5.3, §4.5) on the demo node:
// an investigator pastes a Chinese victim statement, sees the indicators highlighted and listed,
// adds them to a new case; the same value added to a second case raises an alert that the
// investigator (member of both) sees on /intel/alerts with links to both cases and dismisses.
// In English and Chinese; axe finds nothing serious.
import { describe, expect, it } from 'vitest';
import { ApiSession } from './support/demo-data.js';
import { axeProblems, screenshot, settle, signInByApi, type Lang, text } from './support/ui.js';
import { browserSuite } from './support/suite.js';

/** A text of the intel area as the UI shows it. */
const intelText = (lang: Lang, key: string, values: Record<string, string | number> = {}) =>
  text(lang, `intel.${key}`, values);

describe('indicator extraction and correlation alerts in a browser', () => {
  const suite = browserSuite();
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`in ${lang}: extracts from pasted text, adds to a case, and shows the resulting alert`, async () => {
      const page = suite.browser.page;
      const t = (key: string, values: Record<string, string | number> = {}) => intelText(lang, key, values);
      const n = lang === 'en' ? 1 : 2;
      const domain = `refund-${n}.example-pay.com`;
      const api = await ApiSession.signIn(suite.web.url, 'investigator');
      const newCase = (title: string) =>
        api.call<{ id: string; reference: string }>('POST', '/cases', {
          title: { en: title, zh: title },
          crimeCategories: ['online_fraud'],
        });
      const first = await newCase(`Extraction target ${n}`);
      const second = await newCase(`Earlier case ${n}`);
      await api.call('POST', `/cases/${second.id}/observables`, { type: 'domain', value: domain });

      await signInByApi(page, suite.web.url, 'investigator', lang);
      await page.goto(`${suite.web.url}/intel/extract`);
      const statement = `受害人称：对方发来链接hxxps://${domain.replace(/\./g, '[.]')}/login。客服电话13812345678，收款地址TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW，网站备案京ICP备05070218号-1`;
      await page.getByLabel(t('extract.textLabel')).fill(statement);
      await page.getByRole('button', { name: t('extract.submit'), exact: true }).click();
      await page.getByRole('heading', { name: t('extract.resultTitle', { count: 4, occurrences: 4 }) }).waitFor();
      expect(await page.locator('mark').count()).toBe(4);
      expect(await page.getByRole('table').textContent()).toContain(`https://${domain}/login`);
      await page.getByLabel(t('extract.case')).selectOption(first.id);
      await page.getByRole('button', { name: t('extract.addToCase', { count: 4 }) }).click();
      await page
        .getByRole('status')
        .filter({ hasText: t('extract.added', { added: 4, merged: 0, rejected: 0 }) })
        .waitFor();
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `intel-extract-${lang}`);

      // The URL's host is not a domain observable of the first case; add it so both cases share it.
      await api.call('POST', `/cases/${first.id}/observables`, { type: 'domain', value: domain });
      await page.goto(`${suite.web.url}/intel/alerts`);
      const row = page.getByRole('row').filter({ hasText: domain });
      await row.waitFor();
      expect(await row.getByRole('link').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining(first.reference), expect.stringContaining(second.reference)]),
      );
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `intel-alerts-${lang}`);
      await row.getByRole('button', { name: t('alerts.ack') }).click();
      await expect.poll(async () => page.getByRole('row').filter({ hasText: domain }).count()).toBe(0);

      // An account named by a cue word and disguised writing: platform, cue and flags in the reader's language.
      await page.goto(`${suite.web.url}/intel/extract`);
      await page
        .getByLabel(t('extract.textLabel'))
        .fill(`对方让我加微信：scam_kefu_${n}0，网站 refund-${n}点top，电话一三八一二三四五六七八`);
      await page.getByRole('button', { name: t('extract.submit'), exact: true }).click();
      await page.getByRole('heading', { name: t('extract.resultTitle', { count: 3, occurrences: 3 }) }).waitFor();
      const table = page.getByRole('table');
      expect(await table.getByTestId('platform').textContent()).toBe(t('extract.platforms.wechat'));
      const shown = await table.textContent();
      for (const part of [
        `wechat:scam_kefu_${n}0`,
        t('extract.afterCue', { cue: '微信' }),
        `refund-${n}.top`,
        `refund-${n}点top`,
        t('extract.flags.obfuscated_dot'),
        t('extract.flags.chinese_numerals'),
      ]) {
        expect(shown).toContain(part);
      }
      expect(await page.locator('.extract-cue').allTextContents()).toEqual(['微信']);
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `extract-accounts-${lang}`);
    }, 180_000);
  }
});
