// A preservation request across the demo federation, in one language: on the Chinese node a wrong
// input first (its message inline, in that language), then the complete per-type form, submitted;
// on the US node the point of contact finds it in the inbox, acknowledges, accepts, starts work and
// fulfils it with an evidence file attached in the fulfilment form (nothing through the API); back on
// the Chinese node it shows fulfilled, step by step.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { REQUEST_ACTION_LABELS, REQUEST_STATUS_LABELS } from '../../../src/domain/request/labels.js';
import { signInThroughPage, text, type Lang } from '../support/ui.js';

const side = (lang: Lang) => (lang === 'en' ? 'en' : 'zh');

/** Reloads `url` until `locator` shows: what comes over the federation arrives a moment later. */
export async function untilShown(page: Page, url: string, locator: Locator, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(url);
    if (
      await locator
        .first()
        .waitFor({ timeout: 2_000 })
        .then(
          () => true,
          () => false,
        )
    )
      return;
    if (Date.now() > until) throw new Error(`${String(locator)} did not show on ${url}`);
  }
}

export async function createPreservationRequest(
  page: Page,
  base: string,
  lang: Lang,
  caseRef: string,
): Promise<string> {
  const T = (key: string, v?: Record<string, string>) => text(lang, key, v);
  const field = (key: string) => page.getByLabel(T(key), { exact: true });
  await page.goto(`${base}/requests/new`);
  await field('requestForm.type').waitFor();
  expect(await field('requestForm.type').inputValue()).toBe('preservation');
  await field('requestForm.requestedParty').selectOption('us-demo'); // a list of peers by name (PartyPicker)
  await field('requestForm.contactEmail').fill('not-an-email');
  await page.getByRole('button', { name: T('requestForm.submit') }).click();

  const emailError = page.locator('#f-contactOfficer-email-error');
  await emailError.waitFor();
  expect(await emailError.textContent()).toContain(
    lang === 'en' ? 'This e-mail address is not valid.' : '电子邮箱格式不正确。',
  );
  expect(await field('requestForm.contactEmail').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('#f-caseRef-error').textContent()).toContain(
    lang === 'en' ? 'Enter your case reference.' : '请填写本方案件编号。',
  );

  await field('requestForm.caseRef').fill(caseRef);
  await field('requestForm.crimeCategory').selectOption('online_fraud');
  await field('requestForm.subjectZh').fill('保全投资诈骗团伙使用的云邮箱数据');
  await field('requestForm.subjectEn').fill('Preserve the cloud mailbox used by an investment-fraud ring');
  await field('requestForm.facts').fill(
    'Victims were lured through dating apps into a fake crypto-investment platform; losses exceed CNY 12 million.',
  );
  await field('requestForm.dataRequested').fill('Preserve mailbox contents, subscriber records and access logs.');
  await field('details.dataToPreserve').fill('Mailbox contents, subscriber data and IP logs since 2026-01-01');
  await field('details.provider').fill('Example Mail Inc.');
  await field('requestForm.identifier.value').fill('invest.support@example.com');
  await field('requestForm.identifier.kind').selectOption('email');
  await page
    .getByRole('radio', { name: new RegExp(lang === 'en' ? 'PRC–US Mutual Legal Assistance' : '中美刑事司法协助协定') })
    .check();
  await field('requestForm.contactEmail').fill('zhang.wei@example.cn');
  await field('requestForm.contactPhone').fill('+86 21 5555 0100');
  await page.getByRole('button', { name: T('requestForm.submit') }).click();

  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  await page.locator('.page-header').getByText(REQUEST_STATUS_LABELS.submitted[side(lang)], { exact: true }).waitFor();
  return page.url().split('/').pop()!;
}

/**
 * On the US node, through the UI only: from the inbox to "fulfilled". Each step is the primary button
 * when it is due (after Accept comes Start work); the fulfilment form attaches a new file, which is
 * filed in a case opened for the request and selected, and delivers it. `shot` takes screenshots.
 */
export async function answerOnUsNode(
  page: Page,
  usBase: string,
  lang: Lang,
  requestId: string,
  shot: (step: string) => Promise<void> = async () => undefined,
): Promise<string> {
  const filename = `subscriber-records-${lang}.txt`;
  const content = Buffer.from(`Subscriber records for ${filename}\nAccount created 2025-11-02 from 198.51.100.23\n`);
  await signInThroughPage(page, usBase, 'duty', lang);
  const link = page.locator(`main a[href="/requests/${requestId}"]`);
  await untilShown(page, `${usBase}/`, link);
  await link.first().click();
  const panel = page.locator('section[aria-labelledby="workflow-title"]');
  for (const action of ['acknowledge', 'accept', 'start_work', 'fulfil'] as const) {
    const label = REQUEST_ACTION_LABELS[action][side(lang)];
    const button = panel.getByRole('button', { name: label, exact: true });
    await button.waitFor();
    expect(await button.getAttribute('class'), `${action} is the primary action`).toContain('primary');
    if (action === 'start_work') await shot('us-accepted');
    await button.click();
    if (action === 'fulfil') {
      await panel
        .getByLabel(text(lang, 'answer.pick.attach'), { exact: true })
        .setInputFiles({ name: filename, mimeType: 'text/plain', buffer: content });
      await panel.getByRole('button', { name: text(lang, 'answer.pick.attachButton'), exact: true }).click();
      await panel.getByRole('status').filter({ hasText: filename }).waitFor();
      expect(await panel.getByRole('checkbox', { name: new RegExp(filename.replace(/\./g, '\\.')) }).isChecked()).toBe(
        true,
      );
      await shot('us-fulfil');
    }
    const confirm = panel.getByRole('button', { name: text(lang, 'workflow.confirm', { action: label }) });
    await confirm.click();
    await confirm.waitFor({ state: 'detached' }).catch(async (e: unknown) => {
      const alert = await panel.getByRole('alert').allTextContents();
      throw new Error(`${action} was not taken: ${alert.join(' / ') || String(e)}`);
    });
  }
  await page.locator('.page-header').getByText(REQUEST_STATUS_LABELS.fulfilled[side(lang)], { exact: true }).waitFor();
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Back on the Chinese node: fulfilled, each US step in the history with who did it; the evidence
 * arrived in the case of that reference (opened for it, for the points of contact) with the same SHA-256.
 */
export async function checkOnChineseNode(
  page: Page,
  cnBase: string,
  lang: Lang,
  requestId: string,
  caseRef: string,
  sha256: string,
): Promise<void> {
  await signInThroughPage(page, cnBase, 'investigator', lang);
  await untilShown(
    page,
    `${cnBase}/requests/${requestId}`,
    page.locator('.page-header').getByText(REQUEST_STATUS_LABELS.fulfilled[side(lang)], { exact: true }),
  );
  const history = page.locator('section[aria-labelledby="history-title"] .timeline li');
  const texts = await history.allTextContents();
  expect(texts.length).toBeGreaterThanOrEqual(6);
  expect(texts.filter((t) => t.includes('us-demo')).length).toBeGreaterThanOrEqual(4);
  expect(texts.at(-1)).toContain(text(lang, 'history.evidence', { count: 1 }));

  await signInThroughPage(page, cnBase, 'duty', lang);
  const row = page.locator('tr', { hasText: caseRef });
  await untilShown(page, `${cnBase}/cases?q=${encodeURIComponent(caseRef)}`, row);
  await row.getByRole('link').first().click();
  await page.getByRole('tab', { name: new RegExp(text(lang, 'cases.tabEvidence')) }).click();
  const hash = page.getByTestId('evidence-sha256').first();
  await hash.waitFor();
  expect(await hash.textContent()).toBe(sha256);
}
