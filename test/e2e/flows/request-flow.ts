// A preservation request through the UI in one language: a wrong input first (the inline message
// in that language), then a complete per-type form, submitted; then the US party's steps, recorded
// by the duty officer because us-demo answers off-federation, up to "fulfilled".
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { REQUEST_ACTION_LABELS, REQUEST_STATUS_LABELS } from '../../../src/domain/request/labels.js';
import { signInThroughPage, signOut, text, type Lang } from '../support/ui.js';

const side = (lang: Lang) => (lang === 'en' ? 'en' : 'zh');

export async function createPreservationRequest(page: Page, base: string, lang: Lang, caseRef: string): Promise<string> {
  const T = (key: string, v?: Record<string, string>) => text(lang, key, v);
  const field = (key: string) => page.getByLabel(T(key), { exact: true });
  await page.goto(`${base}/requests/new`);
  await field('requestForm.type').waitFor();
  expect(await field('requestForm.type').inputValue()).toBe('preservation');
  await field('requestForm.requestedParty').fill('us-demo');
  await field('requestForm.contactEmail').fill('not-an-email');
  await page.getByRole('button', { name: T('requestForm.submit') }).click();

  const emailError = page.locator('#f-contactOfficer-email-error');
  await emailError.waitFor();
  expect(await emailError.textContent()).toContain(lang === 'en' ? 'This e-mail address is not valid.' : '电子邮箱格式不正确。');
  expect(await field('requestForm.contactEmail').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('#f-caseRef-error').textContent()).toContain(lang === 'en' ? 'Enter your case reference.' : '请填写本方案件编号。');

  await field('requestForm.caseRef').fill(caseRef);
  await field('requestForm.crimeCategory').selectOption('online_fraud');
  await field('requestForm.subjectZh').fill('保全投资诈骗团伙使用的云邮箱数据');
  await field('requestForm.subjectEn').fill('Preserve the cloud mailbox used by an investment-fraud ring');
  await field('requestForm.facts').fill('Victims were lured through dating apps into a fake crypto-investment platform; losses exceed CNY 12 million.');
  await field('requestForm.dataRequested').fill('Preserve mailbox contents, subscriber records and access logs.');
  await field('details.dataToPreserve').fill('Mailbox contents, subscriber data and IP logs since 2026-01-01');
  await field('details.provider').fill('Example Mail Inc.');
  await field('requestForm.identifier.value').fill('invest.support@example.com');
  await field('requestForm.identifier.kind').selectOption('email');
  await page.getByRole('radio', { name: new RegExp(lang === 'en' ? 'PRC–US Mutual Legal Assistance' : '中美刑事司法协助协定') }).check();
  await field('requestForm.contactEmail').fill('zhang.wei@example.cn');
  await field('requestForm.contactPhone').fill('+86 21 5555 0100');
  await page.getByRole('button', { name: T('requestForm.submit') }).click();

  await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
  await page.getByText(REQUEST_STATUS_LABELS.submitted[side(lang)], { exact: true }).first().waitFor();
  return page.url().split('/').pop()!;
}

/** The duty officer records the US party's acknowledgement, acceptance, work and fulfilment. */
export async function recordCounterpartSteps(page: Page, base: string, lang: Lang, requestId: string): Promise<void> {
  await page.goto(`${base}/requests/${requestId}`);
  const panel = page.locator('section[aria-labelledby="counterpart-title"]');
  for (const action of ['acknowledge', 'accept', 'start_work', 'fulfil'] as const) {
    const label = REQUEST_ACTION_LABELS[action][side(lang)];
    await panel.getByRole('button', { name: label, exact: true }).click();
    await panel.getByRole('button', { name: text(lang, 'workflow.confirm', { action: label }) }).click();
    await panel.getByRole('button', { name: text(lang, 'workflow.confirm', { action: label }) }).waitFor({ state: 'detached' });
  }
  await page.locator('.page-header').getByText(REQUEST_STATUS_LABELS.fulfilled[side(lang)], { exact: true }).waitFor();
  const history = page.locator('section[aria-labelledby="history-title"] .timeline li');
  expect(await history.count()).toBeGreaterThanOrEqual(6);
  expect(await history.last().textContent()).toContain('(for us-demo)');
}

export async function requestFlow(page: Page, base: string, lang: Lang, caseRef: string): Promise<string> {
  await signInThroughPage(page, base, 'investigator', lang);
  const id = await createPreservationRequest(page, base, lang, caseRef);
  await signOut(page, lang);
  await signInThroughPage(page, base, 'duty', lang);
  await recordCounterpartSteps(page, base, lang, id);
  return id;
}
