// Browser test of the STIX objects page (docs/spec.md §5.1) on the demo node: an analyst uploads a bundle
// file with one broken object, sees the summary and the refused object with its reason, finds an
// imported indicator by search, opens it and sees its versions and raw JSON; in English and
// Chinese; axe finds nothing serious.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goodObjects } from '../../src/intel/stix/test-objects.js';
import { axeProblems, screenshot, settle, signInByApi, type Lang, text } from './support/ui.js';
import { browserSuite } from './support/suite.js';

/** A text of the intel area as the UI shows it. */
const intelText = (lang: Lang, key: string, values: Record<string, string | number> = {}) =>
  text(lang, `intel.${key}`, values);

describe('STIX objects page in a browser', () => {
  const suite = browserSuite();
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-stix-ui-'));
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`in ${lang}: imports a bundle, lists the refused object, finds and opens an indicator`, async () => {
      const page = suite.browser.page;
      const t = (key: string, values: Record<string, string | number> = {}) => intelText(lang, key, values);
      const good = goodObjects();
      const suffix = lang === 'en' ? 'a' : 'b';
      const indicator = {
        ...good.indicator,
        id: `indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd${lang === 'en' ? '01' : '02'}`,
        name: `Refund phishing ${suffix}`,
      };
      const broken = { ...good.malware, id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b589aa', is_family: undefined };
      const file = path.join(dir, `bundle-${lang}.json`);
      writeFileSync(
        file,
        JSON.stringify({
          type: 'bundle',
          id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
          objects: [indicator, good.domain, broken],
        }),
      );

      await signInByApi(page, suite.web.url, 'analyst', lang);
      await page.goto(`${suite.web.url}/intel`);
      await page.getByRole('heading', { name: t('import.title') }).waitFor();
      await page.getByLabel(t('import.file')).setInputFiles(file);
      await page.getByRole('button', { name: t('import.submit'), exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: t('import.invalidCaption', { count: 1 }) });
      await status.waitFor();
      expect(await status.textContent()).toContain('malware--31b940d4-6f7f-459a-80ea-9c1f17b589aa');
      expect(await status.textContent()).toContain('is_family');
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `intel-stix-import-${lang}`);

      await page
        .getByRole('search', { name: t('objects.filters') })
        .getByLabel(t('objects.search'))
        .fill(`Refund phishing ${suffix}`);
      await page.getByRole('link', { name: `Refund phishing ${suffix}` }).click();
      await page.waitForURL(/\/intel\/objects\/indicator--/);
      await page.getByRole('heading', { name: t('objects.versionsTitle', { count: 1 }) }).waitFor();
      await expect
        .poll(async () => page.locator('pre').textContent())
        .toContain(`"pattern": "[domain-name:value = 'pay-refund.example']"`);
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `intel-stix-object-${lang}`);
    }, 120_000);
  }
});
