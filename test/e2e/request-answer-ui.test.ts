// Journey 1 through the UI only (issue 14, items 1, 4, 7, 9), on the two-node demo, in English and in
// Chinese: the Chinese investigator asks the US node to preserve data; the US duty officer
// acknowledges, accepts, starts work (each the primary button when due) and answers with a new file
// attached in the fulfilment form; back on the Chinese node the bell and the Requests item say so,
// the request page shows the item with the same SHA-256 as sent and as received, its custody chain,
// a download with that hash, and the signed receipt decoded and verified. Nothing goes through the API.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REQUEST_ACTION_LABELS, REQUEST_STATUS_LABELS } from '../../src/domain/request/labels.js';
import { answerOnUsNode, createPreservationRequest, untilShown } from './flows/request-flow.js';
import { browserSuite } from './support/suite.js';
import { screenshot, settle, signInThroughPage, text, type Lang } from './support/ui.js';

const side = (lang: Lang) => (lang === 'en' ? 'en' : 'zh');
const suffix = (lang: Lang) => (lang === 'en' ? 'en' : 'zh');

describe('journey 1 through the UI: a request answered with evidence across the federation', () => {
  const suite = browserSuite();

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`in ${lang}: US answers with a file attached in the fulfilment form; CN sees the same SHA-256, the custody chain and the verified receipt`, async () => {
      const page = suite.browser.page;
      const shot = (step: string) => screenshot(page, `journey1-${step}-${suffix(lang)}`);
      const cn = suite.web.url;
      await signInThroughPage(page, cn, 'investigator', lang);
      const id = await createPreservationRequest(page, cn, lang, `CN-SH-2026-J1-${lang}`);
      // The requester owes nothing now: no primary action, and the page says whom it waits for.
      await page.getByTestId('next-step').waitFor();
      expect(await page.locator('section[aria-labelledby="workflow-title"] .btn.primary').count()).toBe(0);
      await shot('cn-submitted');

      const sha256 = await answerOnUsNode(page, suite.web.peerUrl, lang, id, shot);
      // Fulfilled on the requested side: its answer is listed as sent, with its hash.
      const sent = page.getByTestId('request-evidence-item');
      await sent.first().waitFor();
      expect(await sent.first().textContent()).toContain(text(lang, 'answer.evidence.state.sent'));
      expect(await page.getByTestId('request-evidence-sha256').first().textContent()).toContain(sha256);
      await settle(page);
      await shot('us-fulfilled');

      // Back on the Chinese node: told by the bell and on the Requests item, with a link to the request.
      await signInThroughPage(page, cn, 'investigator', lang);
      const fulfilledBadge = page
        .locator('.page-header')
        .getByText(REQUEST_STATUS_LABELS.fulfilled[side(lang)], { exact: true });
      await untilShown(page, `${cn}/requests/${id}`, fulfilledBadge);
      await page.getByTestId('requests-count').waitFor();
      await page.goto(`${cn}/notifications`);
      const notice = page.locator('li', { hasText: lang === 'en' ? 'fulfilled the request' : '已完成答复' }).first();
      await notice.waitFor();
      expect(
        await page.locator('li', { hasText: lang === 'en' ? 'acknowledged receipt' : '已确认收到' }).count(),
      ).toBeGreaterThan(0);
      await settle(page);
      await shot('cn-notifications');
      await notice.getByRole('link').first().click();
      await page.waitForURL(new RegExp(`/requests/${id}$`));

      // The evidence: SHA-256 as sent and as received, equal to the file's; custody chain; download.
      const item = page.getByTestId('request-evidence-item');
      await item.first().waitFor();
      expect(await page.getByTestId('sha256-sent').first().textContent()).toBe(sha256);
      expect(await page.getByTestId('sha256-received').first().textContent()).toBe(sha256);
      expect(await page.getByTestId('sha256-verdict').first().textContent()).toContain(
        text(lang, 'answer.evidence.shaEqual'),
      );
      const href = await item
        .first()
        .getByRole('link', { name: text(lang, 'evidence.download') })
        .getAttribute('href');
      const download = await page.request.get(`${cn}${href}`);
      expect(
        createHash('sha256')
          .update(await download.body())
          .digest('hex'),
      ).toBe(sha256);
      await item
        .first()
        .getByRole('button', { name: text(lang, 'evidence.custody') })
        .click();
      await page.locator('section[aria-labelledby="custody-title"] .alert.success').waitFor();

      // The next step is the requester's (close); nothing impossible is offered after fulfilment.
      const workflow = page.locator('section[aria-labelledby="workflow-title"]');
      expect(await workflow.locator('.btn.primary').textContent()).toBe(REQUEST_ACTION_LABELS.close[side(lang)]);
      expect(
        await workflow.getByRole('button', { name: REQUEST_ACTION_LABELS.withdraw[side(lang)], exact: true }).count(),
      ).toBe(0);
      expect(
        await workflow
          .getByRole('button', { name: REQUEST_ACTION_LABELS.propose_clock_override[side(lang)], exact: true })
          .count(),
      ).toBe(0);

      // The signed receipt of the submission: decoded, signer named, fingerprint, verified by the node.
      const receipt = page.getByTestId('receipt').first();
      await receipt.waitFor();
      expect(await receipt.getByTestId('receipt-verdict').textContent()).toContain(
        `✓ ${text(lang, 'answer.receipt.verified')}`,
      );
      expect(await receipt.getByTestId('receipt-signer').textContent()).toBe(
        lang === 'en' ? 'Demo Cyber Division (United States)' : '演示网络犯罪调查部门（美国）',
      );
      expect(await receipt.getByTestId('receipt-fingerprint').textContent()).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4})+$/);
      await settle(page);
      await shot('cn-evidence');
      await page
        .locator('section[aria-labelledby="deliveries-title"]')
        .screenshot({ path: `test-output/screenshots/journey1-cn-receipt-${suffix(lang)}.png` });
    }, 240_000);
  }
});
