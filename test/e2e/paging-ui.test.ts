// Paging in the browser (issue 19), in both languages: the duty officer's paging settings (e-mail,
// quiet hours, a test page), the administrator's list of pages, and a browser notification with a
// sound on the CN duty officer's open tab when the US node places an emergency call.
import { describe, expect, it } from 'vitest';
import { EMERGENCY_CALL } from '../../src/demo/demo-content.js';
import { placeCall } from '../../src/services/call/place-call.js';
import { toActor } from '../../src/services/user/authenticate.js';
import { findUserByUsername } from '../../src/storage/repositories/user.repository.js';
import { browserSuite } from './support/suite.js';
import { axeProblems, screenshot, settle, signInThroughPage, text } from './support/ui.js';

describe('paging in the browser', () => {
  const suite = browserSuite();

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`in ${lang}: the user's paging settings save quiet hours and send a test page; the admin sees the pages`, async () => {
      const T = (key: string, values?: Record<string, string>) => text(lang, key, values);
      const page = suite.browser.page;
      await signInThroughPage(page, suite.web.url, 'duty', lang);
      await page.goto(`${suite.web.url}/account`);
      await settle(page);
      const panel = page.locator('section[aria-labelledby="paging-title"]');
      await panel.getByText(T('paging.help')).waitFor();
      expect(await panel.getByLabel(T('paging.email'), { exact: true }).inputValue()).toBe('duty@cn-demo.demo');
      const quiet = panel.getByLabel(T('paging.quietOn'));
      if (!(await quiet.isChecked())) await quiet.check();
      await panel.getByLabel(T('paging.quietFrom'), { exact: true }).fill('23:00');
      await panel.getByLabel(T('paging.quietTo'), { exact: true }).fill('06:30');
      await panel.getByRole('button', { name: T('common.save') }).click();
      await panel.getByText(T('paging.saved')).waitFor();
      await panel.getByRole('button', { name: T('paging.test') }).click();
      await panel.getByText(T('paging.testSent')).waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `paging-account-${lang}`);

      await signInThroughPage(page, suite.web.url, 'admin', lang);
      await page.goto(`${suite.web.url}/admin?tab=pages`);
      const pages = page.locator('section[aria-labelledby="pages-title"]');
      await pages.getByLabel(T('pages.state'), { exact: true }).selectOption('');
      await pages.locator('tr', { hasText: T('pages.kinds.paging_test') }).first().waitFor();
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `paging-admin-${lang}`);
    }, 120_000);
  }

  it('shows a browser notification with a sound on the CN duty officer\'s open tab when the US node places an emergency call', async () => {
    const page = suite.browser.page;
    // The Notification API and Web Audio, recorded: headless Chromium shows neither.
    await page.addInitScript(() => {
      const w = window as unknown as { __notes: { title: string; body?: string }[]; __sounds: number };
      w.__notes = [];
      w.__sounds = 0;
      class FakeNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, opts?: { body?: string }) { w.__notes.push({ title, body: opts?.body }); }
        close() { /* nothing shown */ }
      }
      class FakeAudio {
        currentTime = 0;
        destination = {};
        createGain() { return { gain: { value: 0 }, connect() { /* silent */ } }; }
        createOscillator() { return { frequency: { value: 0 }, connect() { /* silent */ }, start() { w.__sounds += 1; }, stop() { /* silent */ } }; }
        close() { return Promise.resolve(); }
      }
      Object.assign(window, { Notification: FakeNotification, AudioContext: FakeAudio });
    });
    await signInThroughPage(page, suite.web.url, 'duty', 'en');
    await settle(page);
    const us = suite.web.peer.ctx;
    const duty = toActor((await findUserByUsername(us.db, 'duty'))!, us.config.nodeId);
    const { call } = await placeCall(us, duty, { ...EMERGENCY_CALL, toParty: suite.web.node.ctx.config.nodeId });
    await page.waitForFunction((ref) => (window as unknown as { __notes: { title: string }[] }).__notes.some((n) => n.title.includes(ref)), call.reference, { timeout: 30_000 });
    const notes = await page.evaluate(() => (window as unknown as { __notes: { title: string }[] }).__notes);
    expect(notes.filter((n) => n.title.includes(call.reference))).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __sounds: number }).__sounds)).toBeGreaterThan(0);
  }, 90_000);
});
