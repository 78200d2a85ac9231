// Browser test of the knowledge base and search (docs/spec.md §7.1) against the demo federation: the
// seeded articles are listed, an article renders its Markdown in both language tabs, the header
// search box leads to highlighted results (a query without words is refused in the user's language),
// and the pages pass the accessibility scan.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/suite.js';
import { axeProblems, screenshot, settle, signInByApi } from './support/ui.js';

describe('knowledge base and search in a browser', () => {
  const suite = browserSuite();
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`in ${lang}: lists the articles, shows one in both languages, and finds it from the header search`, async () => {
      const page = suite.browser.page;
      await signInByApi(page, suite.web.url, 'analyst', lang);
      await page.goto(`${suite.web.url}/knowledge`);
      const link = page.getByRole('link', {
        name: lang === 'en' ? 'Pig-butchering investment fraud: typical pattern' : '“杀猪盘”投资诈骗的典型手法',
      });
      await link.waitFor();
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `knowledge-list-${lang}`);

      await link.click();
      await page.getByRole('tab', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Investigative points' }).waitFor();
      await page.getByRole('tab', { name: '中文' }).click();
      await page.getByRole('heading', { name: '调查要点' }).waitFor();
      expect(await page.locator('.md li strong').first().textContent()).toBe('寻猪');
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `knowledge-article-${lang}`);

      await page.locator('#header-search-q').fill('网络诈骗 OR 杀猪盘');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?q=/);
      expect(await page.locator('#search-q').inputValue()).toBe('网络诈骗 OR 杀猪盘');
      expect(await page.locator('#header-search-q').inputValue()).toBe('');
      await page.locator('.search-result mark').first().waitFor();
      const marks = await page.locator('.search-result mark').allTextContents();
      expect(marks).toContain('杀猪盘');
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `search-${lang}`);

      // A query with no word: the bilingual refusal, and no "0 results" count above it.
      await page.locator('#search-q').fill('" -"');
      await page.keyboard.press('Enter');
      const refusal = page.locator('section[aria-labelledby="search-results-title"] [role="alert"]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(
        lang === 'en' ? 'Type at least one word to search for.' : '请至少输入一个检索词。',
      );
      expect(await page.locator('#search-results-title').textContent()).toBe(
        lang === 'en' ? 'Results for “" -"”' : '“" -"”的检索结果',
      );
      await screenshot(page, `search-refused-${lang}`);
    }, 90_000);
  }
});
