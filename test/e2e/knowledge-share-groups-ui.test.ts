// Browser test of sharing an article with a sharing group, in both languages (docs/federation.md §19):
// the analyst ticks the group in the article's share panel, the article is shared with the group's
// member (the US node), and the per-recipient delivery table shows the US node with "accepted" and
// its signed receipt verified; the page passes the accessibility check. In the scenario editor, a
// group ticked as participants lets an inject go to its member, and saving stores the member.
import { beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from '../../src/services/sharing-group/manage-groups.js';
import { ApiSession } from './support/demo-data.js';
import { browserSuite } from './support/suite.js';
import { axeProblems, screenshot, settle, signInByApi, text } from './support/ui.js';

describe('sharing an article with a group in the web UI', () => {
  const suite = browserSuite();
  const group = { en: 'Fraud task force (articles)', zh: '反诈骗专案组（文章）' };

  beforeAll(async () => {
    await createGroup(
      suite.web.node.ctx,
      { kind: 'system', partyId: 'cn-demo' },
      { name: group, region: 'Americas', members: ['us-demo'] },
    );
  }, 60_000);

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`shares an article with a group and shows the recipient's signed receipt (${lang})`, async () => {
      const analyst = await ApiSession.signIn(suite.web.url, 'analyst');
      const article = await analyst.call<{ id: string }>('POST', '/knowledge/articles', {
        kind: 'procedure',
        status: 'published',
        tlp: 'GREEN',
        title: { en: `Task-force contact procedure (${lang})`, zh: `专案组联络程序（${lang}）` },
        body: { en: 'Call the duty desk first.', zh: '先致电值班台。' },
      });
      const { page } = suite.browser;
      await signInByApi(page, suite.web.url, 'analyst', lang);
      await page.goto(`${suite.web.url}/knowledge/${article.id}`);
      const panel = page.getByRole('region', { name: text(lang, 'knowledge.sharing') });
      await panel.getByRole('checkbox', { name: lang === 'en' ? group.en : group.zh }).check();
      await panel.getByRole('button', { name: text(lang, 'knowledge.share'), exact: true }).click();

      const table = page.getByTestId('article-deliveries');
      await table.locator('tbody tr').first().waitFor();
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain(text(lang, 'knowledge.deliveries.article'));
      // The page polls every 10 s; the receipt arrives once the US node has taken the article.
      await table
        .getByText(text(lang, 'caseDeliveries.results.accepted'), { exact: true })
        .waitFor({ timeout: 45_000 });
      expect(await table.getByTestId('receipt-verdict').textContent()).toContain(text(lang, 'answer.receipt.verified'));
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `knowledge-share-group-${lang === 'en' ? 'en' : 'zh'}`);
    });
  }

  it('takes a group as exercise participants in the scenario editor (en)', async () => {
    const { page } = suite.browser;
    await signInByApi(page, suite.web.url, 'supervisor', 'en');
    await page.goto(`${suite.web.url}/exercises/scenarios/new`);
    const title = `Task-force drill ${Date.now()}`;
    await page.locator('#f-title-en').fill(title);
    await page.locator('#f-title-zh').fill('专案组演练');
    await page.locator('#f-briefing-en').fill('A drill for the task force.');
    await page.locator('#f-briefing-zh').fill('专案组演练。');
    await page.getByRole('checkbox', { name: group.en }).check();
    await page.getByRole('button', { name: `+ ${text('en', 'exercise.kind.info')}` }).click();
    // The inject may go to the group's member before it is a participant one by one.
    expect(await page.locator('#f-injects-0-party').inputValue()).toBe('us-demo');
    await page.locator('#f-injects-0-title-en').fill('Start');
    await page.locator('#f-injects-0-title-zh').fill('开始');
    await page.locator('#f-injects-0-text-en').fill('The drill starts.');
    await page.locator('#f-injects-0-text-zh').fill('演练开始。');
    await screenshot(page, 'exercise-scenario-group');
    await page.getByRole('button', { name: text('en', 'exercise.save') }).click();
    await page.waitForURL(/\/exercises$/);
    const supervisor = await ApiSession.signIn(suite.web.url, 'supervisor');
    const overview = await supervisor.call<{ scenarios: { title: { en: string }; participants: string[] }[] }>(
      'GET',
      '/exercises',
    );
    expect(overview.scenarios.find((x) => x.title.en === title)?.participants).toEqual(['us-demo']);
  }, 120_000);
});
