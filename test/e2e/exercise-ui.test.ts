// Browser test of exercise mode (docs/spec.md §7.2) on the demo federation: the Chinese node's supervisor
// starts the shipped "Ransomware on a hospital" scenario at 120× from the director's UI; the US
// duty officer opens the injected call (marked EXERCISE) and acknowledges it; the director's live
// board shows the measured time, and after ending the exercise, the score per party. A request
// inject is edited in the request form, its rule messages shown at its own fields.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiSession, eventually } from './support/demo-data.js';
import { screenshot, settle, signInByApi, text } from './support/ui.js';
import { browserSuite } from './support/suite.js';

const EX = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../web/src/i18n/areas/exercise.en.json'), 'utf8'),
).exercise as Record<string, any>;

describe('exercise mode in a browser', () => {
  const suite = browserSuite();

  it('runs a short exercise from the director UI; the peer acknowledges the injected call; the director sees the score', async () => {
    const page = suite.browser.page;
    await signInByApi(page, suite.web.url, 'supervisor', 'en');
    await page.goto(`${suite.web.url}/exercises`);
    const card = page.locator('li', { hasText: 'Ransomware on a hospital' });
    await card.waitFor();
    await card.getByLabel(EX.timeScale).selectOption('120');
    await card.getByRole('button', { name: EX.start }).click();
    await page.waitForURL(/\/exercises\/[0-9a-f-]{36}$/);
    const exerciseId = page.url().split('/').pop()!;
    await page.getByTestId('exercise-board').waitFor();

    // The US duty officer finds the exercise and its call, sees the banner, and acknowledges.
    await signInByApi(page, suite.web.peerUrl, 'duty', 'en');
    const usDuty = await ApiSession.signIn(suite.web.peerUrl, 'duty');
    const call = await eventually(
      async () =>
        (await usDuty.call<{ items: { id: string; reference: string }[] }>('GET', `/calls?exercise=${exerciseId}`))
          .items[0],
      'the injected call on the US node',
    );
    expect(
      (await usDuty.call<{ items: { id: string }[] }>('GET', '/calls?limit=500')).items.map((c) => c.id),
    ).not.toContain(call.id);
    await page.goto(`${suite.web.peerUrl}/exercises/participations/${exerciseId}`);
    await page.getByRole('link', { name: call.reference }).click();
    await page.getByTestId('exercise-banner').waitFor();
    await page.getByRole('button', { name: text('en', 'calls.acknowledge') }).click();
    await eventually(
      async () => (await usDuty.call<{ status: string }>('GET', `/calls/${call.id}`)).status === 'acknowledged',
      'the acknowledgement',
    );
    await screenshot(page, 'exercise-participant-call');

    // Back on the director's board: the acknowledgement is measured against the 15-minute deadline.
    await signInByApi(page, suite.web.url, 'supervisor', 'en');
    await page.goto(`${suite.web.url}/exercises/${exerciseId}`);
    const ackCell = page.getByTestId(/^step-.*-acknowledge$/).first();
    await expect.poll(async () => ackCell.textContent(), { timeout: 30_000 }).toMatch(/\d+(\.\d)? min/);
    await page.getByRole('button', { name: EX.end }).click();
    await page.getByText(EX.state.ended).first().waitFor();
    const supervisor = await ApiSession.signIn(suite.web.url, 'supervisor');
    const board = await supervisor.call<{ parties: { party: string; score: number | null }[] }>(
      'GET',
      `/exercises/${exerciseId}/board`,
    );
    const score = board.parties.find((p) => p.party === 'us-demo')!.score;
    expect(score).not.toBeNull();
    await expect
      .poll(async () => page.getByTestId('score-us-demo').textContent(), { timeout: 10_000 })
      .toBe(String(score));
    await settle(page);
    await screenshot(page, 'exercise-board');
    await page.goto(`${suite.web.url}/exercises`);
    await page.getByRole('link', { name: 'Ransomware on a hospital' }).first().waitFor();
    await settle(page);
    await screenshot(page, 'exercises-list');
  }, 240_000);

  it("edits a request inject in the request form, with rule messages at the inject's own fields", async () => {
    const page = suite.browser.page;
    await signInByApi(page, suite.web.url, 'supervisor', 'en');
    const supervisor = await ApiSession.signIn(suite.web.url, 'supervisor');
    type Scenario = {
      id: string;
      title: { en: string };
      injects: { kind: string; request?: { caseRef: string; subject: { en: string } } }[];
    };
    const overview = await supervisor.call<{ scenarios: Scenario[] }>('GET', '/exercises');
    const scenario = overview.scenarios.find((x) => x.title.en === 'Ransomware on a hospital')!;
    const at = scenario.injects.findIndex((i) => i.kind === 'request');
    await page.goto(`${suite.web.url}/exercises/scenarios/${scenario.id}`);
    // The inject's request fields carry ids from their path inside the scenario: unique on the page.
    const caseRef = page.locator(`#f-injects-${at}-request-caseRef`);
    await caseRef.waitFor();
    expect(await caseRef.inputValue()).toBe(scenario.injects[at]!.request!.caseRef);
    await caseRef.fill('');
    await page.getByRole('button', { name: EX.save }).click();
    await page.locator(`#f-injects-${at}-request-caseRef-error`).waitFor();
    await screenshot(page, 'exercise-scenario-request-inject');

    await caseRef.fill('CN-DEMO-EX-0002');
    await page.locator(`#f-injects-${at}-request-subject-en`).fill('Preserve the ransom mailbox (edited)');
    await page.getByRole('button', { name: EX.save }).click();
    await page.waitForURL(/\/exercises$/);
    const saved = (await supervisor.call<{ scenarios: Scenario[] }>('GET', '/exercises')).scenarios.find(
      (x) => x.id === scenario.id,
    )!;
    expect(saved.injects[at]!.request).toMatchObject({
      caseRef: 'CN-DEMO-EX-0002',
      subject: { en: 'Preserve the ransom mailbox (edited)' },
    });
    expect(saved.injects[at]!.request).not.toHaveProperty('requestedParty');
  }, 120_000);
});
