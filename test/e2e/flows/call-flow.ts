// Acknowledging an emergency hotline call from the inbox with one click.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { CALL_STATUS_LABELS } from '../../../src/domain/call/types.js';
import { ApiSession, recordEmergencyCall } from '../support/demo-data.js';
import { text, type Lang } from '../support/ui.js';

export async function acknowledgeCallFromInbox(page: Page, base: string, lang: Lang): Promise<void> {
  const call = await recordEmergencyCall(base, `Funds in transit, please freeze (${lang}).`);
  await page.goto(`${base}/`);
  const row = page.locator('tr', { hasText: call.reference });
  await row.waitFor();
  expect(await row.getAttribute('class')).toContain('prominent');
  await row.getByRole('button', { name: text(lang, 'calls.acknowledge') }).click();
  await row.getByText(CALL_STATUS_LABELS.acknowledged[lang === 'en' ? 'en' : 'zh'], { exact: true }).first().waitFor();
  expect(await row.getByRole('button', { name: text(lang, 'calls.acknowledge') }).count()).toBe(0);

  const duty = await ApiSession.signIn(base, 'duty');
  const stored = await duty.call<{ status: string; acknowledgedBy: string | null; clock: { isAwaitingAck: boolean } }>('GET', `/calls/${call.id}`);
  expect(stored.status).toBe('acknowledged');
  expect(stored.clock.isAwaitingAck).toBe(false);
  expect(stored.acknowledgedBy).toBeTruthy();
}
