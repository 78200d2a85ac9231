import { describe, expect, it } from 'vitest';
import { codeOf } from '../shared/test-support.js';
import { changeStatus, createReport, markDuplicate, markForwarded } from './report.js';
import { publicStatusOf, targetOf } from './status-machine.js';
import type { ReportInput } from './types.js';

const NOW = new Date('2026-03-10T08:00:00Z');
const input: ReportInput = {
  category: 'fraud',
  language: 'en',
  narrative: '  A fake bank adviser asked me to move my savings to a safe account.  ',
  payments: [{ method: 'bank_transfer', account: ' 123 ', platform: '' }],
  suspect: { phones: [' +44 20 7946 0000 ', ''], urls: [], handles: [], emails: [] },
  reporter: { name: ' ', email: '', consent: false },
};
const report = (id: string) => createReport(input, { id, receipt: `CL-2026-${id}` }, NOW).record;

describe('report records and triage transitions', () => {
  it('trims what people typed and drops empty optional parts, auditing only the receipt and category', () => {
    const { record, events } = createReport(input, { id: 'a', receipt: 'CL-2026-AAAAAA' }, NOW);
    expect(record).toMatchObject({
      status: 'received',
      narrative: 'A fake bank adviser asked me to move my savings to a safe account.',
      reporter: undefined,
    });
    expect(record.payments).toEqual([
      { method: 'bank_transfer', account: '123', wallet: undefined, platform: undefined, transactionId: undefined },
    ]);
    expect(record.suspect.phones).toEqual(['+44 20 7946 0000']);
    expect(events).toEqual([
      { type: 'submitted', at: NOW.toISOString(), data: { receipt: 'CL-2026-AAAAAA', category: 'fraud' } },
    ]);
    expect(codeOf(() => createReport({ ...input, narrative: 'short' }, { id: 'b', receipt: 'x' }, NOW))).toBe(
      'PUBLIC_REPORT_INVALID',
    );
  });

  it('moves through review and closing; reopening is only for closed reports; a forwarded one only closes', () => {
    const r = report('a');
    const reviewed = changeStatus(r, targetOf('start_review', r.status), 'Ana', NOW, 'called the bank').record;
    expect(reviewed).toMatchObject({ status: 'under_review', notes: [{ by: 'Ana', text: 'called the bank' }] });
    expect(codeOf(() => targetOf('reopen', 'under_review'))).toBe('PUBLIC_REPORT_TRANSITION_INVALID');
    const forwarded = markForwarded(reviewed, 'case-1', NOW).record;
    expect(forwarded).toMatchObject({ status: 'forwarded', caseId: 'case-1' });
    expect(codeOf(() => markForwarded(forwarded, 'case-2', NOW))).toBe('PUBLIC_REPORT_TRANSITION_INVALID');
    expect(codeOf(() => changeStatus(forwarded, 'under_review', 'Ana', NOW))).toBe('PUBLIC_REPORT_TRANSITION_INVALID');
  });

  it('merges a duplicate into an original (flat chains), shows the reporter "being reviewed", and review clears the link', () => {
    const [a, b, c] = [report('a'), report('b'), report('c')];
    const dup = markDuplicate(b, a, 'Ana', NOW).record;
    expect(dup).toMatchObject({ status: 'duplicate', duplicateOf: 'a' });
    expect(publicStatusOf(dup.status)).toBe('under_review');
    expect(codeOf(() => markDuplicate(c, dup, 'Ana', NOW))).toBe('PUBLIC_REPORT_MERGE_INVALID');
    expect(codeOf(() => markDuplicate(a, a, 'Ana', NOW))).toBe('PUBLIC_REPORT_MERGE_INVALID');
    expect(changeStatus(dup, 'under_review', 'Ana', NOW).record.duplicateOf).toBeNull();
  });
});
