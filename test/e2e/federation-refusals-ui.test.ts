// Browser test of refusals between nodes on the demo federation, in both languages: the sender's
// request page says which code the peer refused a message with and what it means; the receiver's
// federation page lists the peer's message it refused for its content as a dead letter, lets an
// admin export the signed message as received, and discard it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../src/errors.js';
import { currentKeys, newFederationId, sealBatch, signMessage } from '../../src/federation/crypto/index.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { preservationDraft } from '../factories.js';
import { ApiSession, eventually } from './support/demo-data.js';
import { browserSuite } from './support/suite.js';
import { axeProblems, screenshot, settle, signInByApi, text } from './support/ui.js';

describe('refusals between nodes in the web UI', () => {
  const suite = browserSuite();
  let requestId = '';
  let poison = '';
  let poisonMid = '';

  beforeAll(async () => {
    const { node: cn, peer: us } = suite.web;
    // 1. A request the US node will refuse a step of: it no longer has the request when the step comes.
    const investigator = await ApiSession.signIn(suite.web.url, 'investigator');
    const draft = await investigator.call<{ id: string }>(
      'POST',
      '/requests',
      preservationDraft({ requestedParty: 'us-demo' }),
    );
    requestId = draft.id;
    await investigator.call('POST', `/requests/${requestId}/actions`, { action: 'submit' });
    await eventually(
      async () => (await us.ctx.db.query('SELECT 1 FROM requests WHERE id = $1', [requestId])).length === 1,
      'the request on the US node',
    );
    await us.ctx.db.query('DELETE FROM requests WHERE id = $1', [requestId]);
    await investigator.call('POST', `/requests/${requestId}/actions`, {
      action: 'withdraw',
      reason: 'Suspect identified by other means.',
    });
    await eventually(async () => {
      const d = await investigator.call<{ items: { type: string; state: string }[] }>(
        'GET',
        `/requests/${requestId}/deliveries`,
      );
      return d.items.some((x) => x.type === 'request.step' && x.state === 'rejected');
    }, 'the refusal of the step by the US node');

    // 2. A message the Chinese node refuses for its body, signed with the US node's own key.
    const card = ownNodeCard(cn.ctx, cn.url);
    const signed = signMessage(
      currentKeys(us.ctx.secrets.keyRing),
      {
        from: 'us-demo',
        to: 'cn-demo',
        channel: 'e2e.poison',
        seq: 1,
        now: new Date(),
        ttlSeconds: 3600,
      },
      { type: 'request.submitted', schema: 1, body: { snapshot: { id: 'not-a-request' } } },
    );
    poison = signed.jws;
    poisonMid = signed.header.mid;
    const jwe = await sealBatch(
      [poison],
      'us-demo',
      { id: card.id, keys: { enc: card.keys.enc } },
      newFederationId(new Date()),
    );
    const res = await fetch(`${cn.url}/federation/v1/inbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/jose' },
      body: jwe,
    });
    expect(res.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await suite.browser.page.context().clearCookies();
  });

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`shows the peer's refusal on the request page (${lang})`, async () => {
      const { page } = suite.browser;
      await signInByApi(page, suite.web.url, 'investigator', lang);
      await page.goto(`${suite.web.url}/requests/${requestId}`);
      const refusal = page.getByTestId('peer-refusal');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(text(lang, 'peerRefusal.onRecord', { code: 'REQUEST_NOT_FOUND' }));
      await screenshot(page, `request-refused-by-peer-${lang}`);
      expect(await refusal.textContent()).toContain(
        ERROR_CATALOGUE.REQUEST_NOT_FOUND.message[lang === 'en' ? 'en' : 'zh'],
      );
    });
  }

  it('lists the dead letter and the refused message on the federation page, exports and discards it (zh, then en)', async () => {
    const { page } = suite.browser;
    await signInByApi(page, suite.web.url, 'admin', 'zh-CN');
    await page.goto(`${suite.web.url}/network`);
    await page.getByRole('heading', { name: text('zh-CN', 'deadLetters.title') }).waitFor();
    await page.getByRole('heading', { name: text('zh-CN', 'refusedByPeers.title') }).waitFor();
    const table = page.getByTestId('dead-letters');
    const row = table.locator('tr', { hasText: 'e2e.poison' });
    await row.waitFor();
    expect(await row.textContent()).toContain('FED_INVALID_BODY');
    await settle(page);
    expect(await axeProblems(page)).toEqual([]);
    await screenshot(page, 'federation-dead-letters-zh');
    const refused = page.locator('#refused-by-peers-title').locator('xpath=ancestor::section');
    await refused.locator('tr', { hasText: 'REQUEST_NOT_FOUND' }).waitFor();

    // The export link downloads the signed message exactly as it arrived.
    const href = await row.getByRole('link', { name: text('zh-CN', 'deadLetters.export') }).getAttribute('href');
    const download = await page.request.get(`${suite.web.url}${href}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe(poison);

    await signInByApi(page, suite.web.url, 'admin', 'en');
    await page.goto(`${suite.web.url}/network`);
    const enRow = page.getByTestId('dead-letters').locator('tr', { hasText: 'e2e.poison' });
    await enRow.getByRole('button', { name: text('en', 'deadLetters.discard') }).click();
    await enRow.waitFor({ state: 'detached' });
    const admin = await ApiSession.signIn(suite.web.url, 'admin');
    const discarded = await admin.call<{ state: string }>('GET', `/federation/dead-letters/${poisonMid}`);
    expect(discarded.state).toBe('discarded');
  });
});
