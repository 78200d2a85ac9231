// Browser test of the records area (issue 14 items 5, 8, 10, 11) on the demo federation, in both
// languages: counterparts are chosen from a list of agencies by name and country (never typed as
// node ids); the audit log reads in words with references that link to their records and can be
// filtered by a record's reference; the exercise time scale reads as people say it; an exercise
// inject reaches the participant's inbox and hotline list marked EXERCISE, with its own reference series.
import { describe, expect, it } from 'vitest';
import { ApiSession, eventually } from './support/demo-data.js';
import { screenshot, settle, signInByApi, text, type Lang } from './support/ui.js';
import { browserSuite } from './support/suite.js';

describe('records: names, times, audit, exercises in a browser', () => {
  const suite = browserSuite();

  for (const lang of ['en', 'zh-CN'] as Lang[]) {
    it(`chooses counterparts by name, reads the audit log and the time scale (${lang})`, async () => {
      const page = suite.browser.page;
      const T = (key: string, v?: Record<string, string | number>) => text(lang, key, v);
      await signInByApi(page, suite.web.url, 'supervisor', lang);

      // New request: the requested party is a list of agencies with their country.
      await page.goto(`${suite.web.url}/requests/new`);
      const party = page.getByLabel(T('requestForm.requestedParty'), { exact: true });
      await party.waitFor();
      const options = await party.locator('option').allTextContents();
      const us = options.find((o) => o.includes(lang === 'en' ? 'United States' : '美国'));
      expect(us, options.join(' | ')).toBeTruthy();
      expect(options.some((o) => o === 'us-demo')).toBe(false);
      await party.selectOption('us-demo');
      await settle(page);
      await screenshot(page, `records-party-picker-${lang}`);

      // Recording a call received by phone: a peer from the list, or another agency by its identifier.
      await page.goto(`${suite.web.url}/hotline?tab=record`);
      const from = page.getByLabel(T('calls.fromParty'), { exact: true });
      await from.waitFor();
      await from.selectOption({ label: T('parties.other') });
      await page.getByLabel(T('parties.otherId'), { exact: true }).fill('fr-ocl');
      await settle(page);
      await screenshot(page, `records-call-record-${lang}`);

      // Sharing a case: recipients are ticked by agency name; the confirmation names them.
      await signInByApi(page, suite.web.url, 'investigator', lang);
      const investigator = await ApiSession.signIn(suite.web.url, 'investigator');
      const cases = await investigator.call<{ items: { id: string }[] }>('GET', '/cases?limit=5');
      await page.goto(`${suite.web.url}/cases/${cases.items[0]!.id}?tab=share`);
      const recipient = page.locator('.party-checklist input[type="checkbox"]').first();
      await recipient.waitFor();
      await recipient.check();
      await page.getByRole('button', { name: T('share.preview') }).click();
      await page
        .locator('section', { hasText: lang === 'en' ? 'Demo Cyber Division' : '演示网络犯罪调查部门' })
        .last()
        .waitFor();
      await settle(page);
      await screenshot(page, `records-case-share-${lang}`);
      await signInByApi(page, suite.web.url, 'supervisor', lang);

      // Reports: the peer filter is the same list; the period reads as days in the node's zone.
      await page.goto(`${suite.web.url}/reports`);
      const peer = page.getByLabel(T('reports.peer'), { exact: true });
      await peer.waitFor();
      await peer.selectOption('us-demo');
      await settle(page);
      await expect
        .poll(async () => (await page.locator('section[aria-labelledby="report-summary-title"]').textContent()) ?? '', {
          timeout: 20_000,
        })
        .not.toMatch(/T\d\d:\d\d:\d\d/);
      await screenshot(page, `records-reports-${lang}`);

      // The audit log: actions in words, references linking to their records, filter by reference.
      const supervisor = await ApiSession.signIn(suite.web.url, 'supervisor');
      const requests = await supervisor.call<{ items: { id: string; reference: string }[] }>(
        'GET',
        '/requests?limit=5',
      );
      const ref = requests.items[0]!;
      await page.goto(`${suite.web.url}/audit`);
      await page.locator('main table tbody tr').first().waitFor();
      const body = (await page.locator('main table tbody').textContent()) ?? '';
      expect(body).not.toMatch(/\b[a-z]+\.[a-z_]+\.[a-z_]+\b/); // no call.call.acknowledged
      await page.getByLabel(T('audit.record'), { exact: true }).fill(ref.reference);
      await expect
        .poll(async () => page.locator('main table tbody tr').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      const link = page.locator('main table tbody a', { hasText: ref.reference }).first();
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/requests/${ref.id}`);
      await settle(page);
      await screenshot(page, `records-audit-${lang}`);

      // Exercises: the time scale in words.
      await page.goto(`${suite.web.url}/exercises`);
      const scale = page.getByLabel(T('exercise.timeScale')).first();
      await scale.waitFor();
      const scaleTexts = await scale.locator('option').allTextContents();
      expect(scaleTexts).toContain(T('exercise.scaleOption', { scale: 10, seconds: 6 }));
      expect(scaleTexts.join(' ')).toContain(
        lang === 'en' ? '10× faster: 1 exercise minute = 6 real seconds' : '加速 10 倍：演练 1 分钟 = 实际 6 秒',
      );
      await settle(page);
      await screenshot(page, `records-exercises-${lang}`);
    }, 180_000);
  }

  it("shows an exercise inject in the participant's inbox and hotline list, marked, with its own reference series", async () => {
    const page = suite.browser.page;
    const supervisor = await ApiSession.signIn(suite.web.url, 'supervisor');
    type Scenario = { id: string; title: { en: string } };
    const overview = await supervisor.call<{ scenarios: Scenario[] }>('GET', '/exercises');
    const scenario = overview.scenarios.find((x) => x.title.en === 'Ransomware on a hospital')!;
    const run = await supervisor.call<{ id: string }>('POST', '/exercises', { scenarioId: scenario.id, timeScale: 60 });
    await supervisor.call('POST', `/exercises/${run.id}/start`, {});
    const usDuty = await ApiSession.signIn(suite.web.peerUrl, 'duty');
    const call = await eventually(
      async () =>
        (await usDuty.call<{ items: { id: string; reference: string }[] }>('GET', `/calls?exercise=${run.id}`))
          .items[0],
      'the injected call on the US node',
    );
    expect(call.reference).toMatch(/^CN-DEMO-EX-CALL-\d{4}-\d{4}$/);

    for (const lang of ['en', 'zh-CN'] as Lang[]) {
      await signInByApi(page, suite.web.peerUrl, 'duty', lang);
      await page.goto(`${suite.web.peerUrl}/`);
      const row = page.locator('tr', { hasText: call.reference });
      await row.waitFor();
      expect(await row.getByTestId('exercise-badge').textContent()).toBe(text(lang, 'exercise.badge'));
      await settle(page);
      await screenshot(page, `records-inbox-exercise-${lang}`);
      await page.goto(`${suite.web.peerUrl}/hotline`);
      const listed = page.locator('tr', { hasText: call.reference });
      await listed.waitFor();
      expect(await listed.getByTestId('exercise-badge').count()).toBe(1);
      await settle(page);
      await screenshot(page, `records-hotline-exercise-${lang}`);
    }
    await supervisor.call('POST', `/exercises/${run.id}/end`, {});
  }, 180_000);
});
