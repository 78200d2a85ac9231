import { describe, expect, it } from 'vitest';
import { validateReportInput } from './validation.js';
import type { ReportInput } from './types.js';

const NOW = new Date('2026-03-10T08:00:00Z');
const base: ReportInput = {
  category: 'fraud',
  narrative: '有人冒充客服让我转账到安全账户，我转了两万元。',
  language: 'zh',
  payments: [{ method: 'bank_transfer', account: '6222 0212 3456 7890 128' }],
  suspect: { phones: ['+86 138 0013 8000'], urls: [], handles: ['wechat:kefu_888'], emails: ['kefu@example.com'] },
};
const codes = (input: Partial<ReportInput>) =>
  validateReportInput({ ...base, ...input }, NOW).map((i) => `${i.path}:${i.code}`);

describe('report validation', () => {
  it('accepts a plain report from a victim', () => {
    expect(validateReportInput(base, NOW)).toEqual([]);
  });

  it('asks for a longer story, a currency with an amount, and a date not in the future', () => {
    expect(codes({ narrative: '被骗了' })).toEqual(['narrative:REPORT_NARRATIVE_TOO_SHORT']);
    expect(codes({ amountLost: 20000 })).toEqual(['currency:REPORT_CURRENCY_REQUIRED']);
    expect(codes({ amountLost: -5, currency: 'CNY' })).toEqual(['amountLost:REPORT_AMOUNT_INVALID']);
    expect(codes({ occurredAt: '2026-04-01' })).toEqual(['occurredAt:REPORT_DATE_IN_FUTURE']);
    expect(codes({ occurredAt: 'yesterday' })).toEqual(['occurredAt:REPORT_DATE_INVALID']);
  });

  it('checks the other side’s contacts and asks consent before keeping the reporter’s own', () => {
    expect(codes({ suspect: { ...base.suspect, emails: ['not-an-email'], phones: ['call me'] } })).toEqual([
      'suspect.emails.0:REPORT_EMAIL_INVALID',
      'suspect.phones.0:REPORT_PHONE_INVALID',
    ]);
    expect(codes({ reporter: { email: 'me@example.org', consent: false } })).toEqual([
      'reporter.consent:REPORT_CONSENT_REQUIRED',
    ]);
    expect(codes({ reporter: { email: 'me@example.org', consent: true } })).toEqual([]);
  });

  it('gives every message in both languages', () => {
    for (const i of validateReportInput({ ...base, narrative: 'x', amountLost: 1 }, NOW)) {
      expect(i.message.en).toBeTruthy();
      expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
