// Browser test of sharing groups and the hotline broadcast, in both languages: the federation page
// lists a group by region; the duty officer broadcasts an alert to it from the hotline page and lands
// on the broadcast page, which shows the US recipient's call and, once the US duty officer has
// acknowledged it, who acknowledged it; the page passes the accessibility check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup } from '../../src/services/sharing-group/manage-groups.js';
import { ApiSession, eventually } from './support/demo-data.js';
import { browserSuite } from './support/suite.js';
import { axeProblems, screenshot, settle, signInByApi, text } from './support/ui.js';

describe('sharing groups and hotline broadcast in the web UI', () => {
  const suite = browserSuite();
  const group = { en: 'Pacific 24/7 contacts', zh: '太平洋 24/7 联络点' };

  beforeAll(async () => {
    await createGroup(
      suite.web.node.ctx,
      { kind: 'system', partyId: 'cn-demo' },
      { name: group, region: 'Asia-Pacific', members: ['us-demo'] },
    );
  }, 60_000);
  afterAll(async () => {
    await suite.browser.page.context().clearCookies();
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`broadcasts to a group and follows each recipient's acknowledgement (${lang})`, async () => {
      const { page } = suite.browser;
      await signInByApi(page, suite.web.url, 'admin', lang);
      await page.goto(`${suite.web.url}/network`);
      const groups = page.getByTestId('sharing-groups');
      await groups.locator('tr', { hasText: lang === 'en' ? group.en : group.zh }).waitFor();
      expect(await groups.textContent()).toContain('Asia-Pacific');

      await signInByApi(page, suite.web.url, 'duty', lang);
      await page.goto(`${suite.web.url}/hotline?tab=broadcast`);
      await page.getByRole('checkbox', { name: lang === 'en' ? group.en : group.zh }).check();
      await page
        .getByRole('textbox', { name: text(lang, 'calls.message') })
        .fill(`Coordinated threat to life (${lang}); check your subscribers.`);
      await page.getByRole('textbox', { name: text(lang, 'calls.callbackPhone') }).fill('+86 10 5555 0100');
      await page.getByRole('button', { name: text(lang, 'broadcast.send') }).click();
      await page.waitForURL(/\/hotline\/broadcasts\/[0-9a-f-]{36}$/);
      const broadcastId = page.url().split('/').pop()!;
      const rows = page.getByTestId('broadcast-recipients').locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).not.toContain(text(lang, 'broadcast.states.acknowledged'));

      // The US duty officer acknowledges the incoming call it received; the sender's page follows.
      const cnDuty = await ApiSession.signIn(suite.web.url, 'duty');
      const usDuty = await ApiSession.signIn(suite.web.peerUrl, 'duty');
      const view = await cnDuty.call<{ recipients: { callId: string }[] }>('GET', `/calls/broadcasts/${broadcastId}`);
      const callId = view.recipients[0]!.callId;
      await eventually(
        async () =>
          (await usDuty.call<{ direction: string }>('GET', `/calls/${callId}`).catch(() => null))?.direction ===
          'incoming',
        'the call on the US node',
      );
      await usDuty.call('POST', `/calls/${callId}/actions`, { action: 'acknowledge' });
      await eventually(
        async () =>
          (await cnDuty.call<{ counts: { acknowledged: number } }>('GET', `/calls/broadcasts/${broadcastId}`)).counts
            .acknowledged === 1,
        'the acknowledgement on the sender',
      );
      await page.reload();
      await page
        .getByTestId('broadcast-recipients')
        .locator('tbody')
        .getByText(text(lang, 'broadcast.states.acknowledged'), { exact: true })
        .waitFor();
      expect(await page.getByTestId('broadcast-counts').textContent()).toBe(
        text(lang, 'broadcast.summary', { acknowledged: 1, recipients: 1, pending: 0 }),
      );
      await settle(page);
      expect(await axeProblems(page)).toEqual([]);
      await screenshot(page, `hotline-broadcast-${lang === 'en' ? 'en' : 'zh'}`);
    });
  }
});
