// An emergency hotline call from the US node, acknowledged on the Chinese node from the inbox in
// one click; the acknowledgement travels back and stops the clock on the US node.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { CALL_STATUS_LABELS } from '../../../src/domain/call/types.js';
import { ApiSession, eventually, placeCallFromUs } from '../support/demo-data.js';
import { text, type Lang } from '../support/ui.js';
import { untilShown } from './request-flow.js';

/** The page must be signed in on the Chinese node as its point of contact. */
export async function acknowledgeCallFromInbox(page: Page, cnBase: string, usBase: string, lang: Lang): Promise<void> {
  const call = await placeCallFromUs(usBase, `Funds in transit, please freeze (${lang}).`);
  const row = page.locator('tr', { hasText: call.reference });
  await untilShown(page, `${cnBase}/`, row);
  expect(await row.getAttribute('class')).toContain('prominent');
  await row.getByRole('button', { name: text(lang, 'calls.acknowledge') }).click();
  await row
    .getByText(CALL_STATUS_LABELS.acknowledged[lang === 'en' ? 'en' : 'zh'], { exact: true })
    .first()
    .waitFor();
  expect(await row.getByRole('button', { name: text(lang, 'calls.acknowledge') }).count()).toBe(0);

  const usDuty = await ApiSession.signIn(usBase, 'duty');
  const onCaller = await eventually(async () => {
    const c = await usDuty.call<{
      status: string;
      acknowledgedBy: string | null;
      clock: { isAwaitingAck: boolean; timeLeftMs: number | null };
    }>('GET', `/calls/${call.id}`);
    return c.status === 'acknowledged' && c;
  }, 'the acknowledgement on the US node');
  expect(onCaller.clock).toMatchObject({ isAwaitingAck: false, timeLeftMs: null });
  expect(onCaller.acknowledgedBy).toBeTruthy();
}
