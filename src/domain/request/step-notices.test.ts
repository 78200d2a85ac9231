// What the requester's officers read when the other party takes a step: the reference, the party's
// name and the step in both languages, what the party wrote, and a warning where an answer is owed.
import { describe, expect, it } from 'vitest';
import { peerStepNotice } from './step-notices.js';

const r = { reference: 'CN-DEMO-REQ-2026-0005', subject: { en: 'Preserve a mailbox', zh: '保全邮箱' } };
const us = { en: 'US Cyber Division', zh: '美国网络犯罪部门' };

describe("notices of the other party's steps", () => {
  it('names the reference, the party and the step in both languages', () => {
    const n = peerStepNotice(r, 'acknowledge', {}, us);
    expect(n).toMatchObject({ kind: 'request.peer.acknowledge', severity: 'info' });
    expect(n.title).toEqual({
      en: 'CN-DEMO-REQ-2026-0005: US Cyber Division acknowledged receipt',
      zh: 'CN-DEMO-REQ-2026-0005：美国网络犯罪部门已确认收到',
    });
    expect(n.body).toEqual({ en: 'Preserve a mailbox', zh: '保全邮箱' });
  });

  it('warns when this side owes an answer and quotes what the party wrote', () => {
    const n = peerStepNotice(r, 'request_information', { questions: 'Which account?' }, us);
    expect(n.severity).toBe('warning');
    expect(n.body.en).toContain('Questions: Which account?');
    expect(n.body.zh).toContain('问题：Which account?');
  });

  it('counts the evidence a fulfilment delivered, and tells a refused approval apart', () => {
    const n = peerStepNotice(r, 'fulfil', { evidenceIds: ['a', 'b'] }, us);
    expect(n.body.en).toContain('2 evidence items delivered with it.');
    expect(n.body.zh).toContain('随附证据 2 件。');
    expect(peerStepNotice(r, 'record_approval', { decision: 'refused' }, us).kind).toBe(
      'request.peer.approval_refused',
    );
  });
});
