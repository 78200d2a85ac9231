import { describe, expect, it } from 'vitest';
import { correlationNotice } from './notice.js';

describe('correlationNotice', () => {
  it('names the kind of value and the records for people, in both languages', () => {
    const n = correlationNotice(
      { type: 'bank_account', value: '6222020200112233445' },
      { kind: 'case', id: 'c1', label: 'CN-DEMO-CASE-2026-0001' },
      { kind: 'report', id: 'r1', label: 'CN7K-2F4Q' },
    );
    expect(n.title).toEqual({
      en: 'Correlation: two records share a bank account / card',
      zh: '关联：两条记录含有相同的银行账户／银行卡',
    });
    expect(n.body).toEqual({
      en: 'Case CN-DEMO-CASE-2026-0001 and public report CN7K-2F4Q both hold 6222020200112233445.',
      zh: '案件 CN-DEMO-CASE-2026-0001 与 群众举报 CN7K-2F4Q 均含有 6222020200112233445。',
    });
    expect(JSON.stringify(n)).not.toMatch(/bank_account|\breport\b(?! CN)/);
  });
});
