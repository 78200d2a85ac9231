// Behaviour of individual workflow steps: submit, information loop, approval gate, decline/withdraw, renewal, overrides.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { applyRequestAction, applyRequestCommand } from './state-machine.js';
import { ZRequestActionSchema } from './schemas.js';
import { T0, at, draft, recordIn, requested, requester, validContent, walk } from './test-fixtures.js';
import type { RequestRecord } from './types.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as AppError).code;
  }
  return undefined;
}

function issuesOf(fn: () => unknown): { path: string; code: string; message: { en: string; zh: string } }[] {
  try {
    fn();
  } catch (e) {
    return (e as AppError).issues ?? [];
  }
  return [];
}

describe('submit', () => {
  it('refuses an incomplete draft with VALIDATION_FAILED and field issues', () => {
    const d = { ...draft(), caseRef: '', subject: { en: 'x', zh: '' } };
    const run = () => applyRequestAction(d, 'submit', requester, at(1));
    expect(code(run)).toBe('VALIDATION_FAILED');
    expect(issuesOf(run).map((i) => i.path)).toEqual(expect.arrayContaining(['caseRef', 'subject.zh']));
  });

  it('stamps submittedAt, computes clocks and emits request.submitted', () => {
    const { record, events } = applyRequestAction(draft(), 'submit', requester, at(1));
    expect(record.submittedAt).toBe(at(1).toISOString());
    expect(record.clocks.ackDueAt).toBe('2026-09-04T08:01:00.000Z'); // routine: 72 h
    expect(record.clocks.responseDueAt).toBe('2026-09-04T08:01:00.000Z'); // routine preservation: 72 h
    expect(events[0]).toMatchObject({
      type: 'request.submitted',
      actor: 'US Supervisor',
      actorKind: 'user',
      partyId: 'node-us',
      requestId: 'req-1',
      data: { reference: 'US-REQ-0001', from: 'draft', to: 'submitted', side: 'requesting' },
    });
  });

  it('turns approvalRequired on when the legal basis requires approval (DSL Art. 36)', () => {
    const d = draft({ ...validContent('subscriber_info'), legalBasis: 'cn_dsl_art36' });
    expect(d.approvalRequired).toBe(false);
    expect(applyRequestAction(d, 'submit', requester, at(1)).record.approvalRequired).toBe(true);
  });

  it('keeps approvalRequired set by the service from config', () => {
    const d = draft(validContent('subscriber_info'), true);
    expect(applyRequestAction(d, 'submit', requester, at(1)).record.approvalRequired).toBe(true);
  });
});

describe('information loop', () => {
  it('returns to submitted when information was requested before acknowledgement, moving both clocks', () => {
    const s = recordIn('submitted');
    const paused = applyRequestAction(s, 'request_information', requested, at(60), {
      questions: 'Which account?',
    }).record;
    expect(paused.status).toBe('needs_information');
    expect(paused.clocks.pausedAt).toBe(at(60).toISOString());
    expect(paused.informationRequest).toMatchObject({ questions: 'Which account?', previousStatus: 'submitted' });
    const back = applyRequestAction(paused, 'provide_information', requester, at(60 + 120), {
      information: 'fraudster_88',
    });
    expect(back.record.status).toBe('submitted');
    expect(back.record.informationRequest).toBeNull();
    expect(back.record.clocks.pausedAt).toBeNull();
    const shift = 120 * 60_000;
    expect(Date.parse(back.record.clocks.ackDueAt!)).toBe(Date.parse(s.clocks.ackDueAt!) + shift);
    expect(Date.parse(back.record.clocks.responseDueAt!)).toBe(Date.parse(s.clocks.responseDueAt!) + shift);
    expect(back.events[0]?.data).toMatchObject({ information: 'fraudster_88' });
  });

  it('returns to acknowledged, and moves only the response clock once acknowledged', () => {
    const a = recordIn('acknowledged');
    const back = walk(a, ['request_information', 'provide_information'], 10);
    expect(back.status).toBe('acknowledged');
    expect(back.clocks.ackDueAt).toBe(a.clocks.ackDueAt);
    expect(Date.parse(back.clocks.responseDueAt!)).toBe(Date.parse(a.clocks.responseDueAt!) + 60_000);
  });

  it('returns to in_progress when asked during the work', () => {
    expect(walk(recordIn('in_progress'), ['request_information', 'provide_information'], 10).status).toBe(
      'in_progress',
    );
  });

  it('requires the questions and the information', () => {
    const s = recordIn('submitted');
    expect(
      issuesOf(() => applyRequestAction(s, 'request_information', requested, at(9), { questions: ' ' }))[0],
    ).toMatchObject({
      path: 'questions',
      message: { en: 'Say what information is needed.', zh: '请说明需要补充的材料。' },
    });
    const n = recordIn('needs_information');
    expect(
      issuesOf(() => applyRequestAction(n, 'provide_information', requester, at(9), { information: '' }))[0]?.path,
    ).toBe('information');
  });
});

describe('approval gate (requested party must approve before data leaves)', () => {
  const accepted = (): RequestRecord => ({ ...recordIn('accepted'), approvalRequired: true });

  it('refuses to start work before approval', () => {
    expect(code(() => applyRequestAction(accepted(), 'start_work', requested, at(10)))).toBe(
      'REQUEST_APPROVAL_REQUIRED',
    );
  });

  it('refuses to ask for approval when none is required', () => {
    const r = { ...recordIn('accepted'), approvalRequired: false };
    expect(code(() => applyRequestAction(r, 'request_approval', requested, at(10)))).toBe(
      'REQUEST_APPROVAL_NOT_REQUIRED',
    );
  });

  it('granted approval moves to in_progress and records the decision', () => {
    const pending = applyRequestAction(accepted(), 'request_approval', requested, at(10), {
      authority: 'Ministry of Justice',
    }).record;
    expect(pending.approval).toMatchObject({
      requestedAt: at(10).toISOString(),
      decision: null,
      authority: 'Ministry of Justice',
    });
    const { record, events } = applyRequestAction(pending, 'record_approval', requested, at(20), {
      decision: 'granted',
      reference: 'MOJ-1',
    });
    expect(record.status).toBe('in_progress');
    expect(record.workStartedAt).toBe(at(20).toISOString());
    expect(record.approval).toMatchObject({
      decision: 'granted',
      decidedAt: at(20).toISOString(),
      authority: 'Ministry of Justice',
      reference: 'MOJ-1',
    });
    expect(events[0]).toMatchObject({
      type: 'request.approval_recorded',
      data: { decision: 'granted', to: 'in_progress' },
    });
  });

  it('refused approval needs a reason and declines the request', () => {
    const pending = applyRequestAction(accepted(), 'request_approval', requested, at(10)).record;
    const noReason = () => applyRequestAction(pending, 'record_approval', requested, at(20), { decision: 'refused' });
    expect(issuesOf(noReason)[0]).toMatchObject({ path: 'reason', message: { zh: '请说明不予批准的理由。' } });
    const { record } = applyRequestAction(pending, 'record_approval', requested, at(20), {
      decision: 'refused',
      reason: 'National security',
    });
    expect(record.status).toBe('declined');
    expect(record.declineReason).toBe('National security');
    expect(record.approval?.decision).toBe('refused');
  });

  it('requires a decision', () => {
    const pending = applyRequestAction(accepted(), 'request_approval', requested, at(10)).record;
    const run = () => applyRequestAction(pending, 'record_approval', requested, at(20), { decision: 'maybe' as never });
    expect(issuesOf(run)[0]?.path).toBe('decision');
  });
});

describe('decline, withdraw, close', () => {
  it('decline needs a reason in both languages', () => {
    const issues = issuesOf(() =>
      applyRequestAction(recordIn('acknowledged'), 'decline', requested, at(9), { reason: '' }),
    );
    expect(issues[0]).toMatchObject({
      path: 'reason',
      message: { en: 'Give the reason for declining.', zh: '请说明拒绝的理由。' },
    });
  });

  it('decline while waiting for information clears the pause', () => {
    const r = applyRequestAction(recordIn('needs_information'), 'decline', requested, at(9), {
      reason: 'No answer',
    }).record;
    expect(r.clocks.pausedAt).toBeNull();
    expect(r.declinedAt).toBe(at(9).toISOString());
  });

  it('withdraw needs a reason and tells whether the other party ever saw the request', () => {
    expect(
      issuesOf(() => applyRequestAction(recordIn('submitted'), 'withdraw', requester, at(9), { reason: ' ' }))[0]?.path,
    ).toBe('reason');
    const fromDraft = applyRequestAction(draft(), 'withdraw', requester, at(9), { reason: 'Duplicate' });
    expect(fromDraft.events[0]?.data).toMatchObject({ wasSubmitted: false });
    const fromLive = applyRequestAction(recordIn('in_progress'), 'withdraw', requester, at(9), { reason: 'Solved' });
    expect(fromLive.events[0]?.data).toMatchObject({ wasSubmitted: true });
    expect(fromLive.record.withdrawReason).toBe('Solved');
    expect(fromLive.record.withdrawnAt).toBe(at(9).toISOString());
  });

  it('close may be done by either party', () => {
    expect(applyRequestAction(recordIn('fulfilled'), 'close', requested, at(9)).record.closedAt).toBe(
      at(9).toISOString(),
    );
    expect(applyRequestAction(recordIn('fulfilled'), 'close', requester, at(9)).record.status).toBe('closed');
  });

  it('fulfil and partial delivery carry evidence ids', () => {
    const p = applyRequestAction(recordIn('in_progress'), 'partially_fulfil', requested, at(9), {
      evidenceIds: ['e1'],
    });
    expect(p.events[0]?.data).toMatchObject({ evidenceIds: ['e1'] });
    expect(p.record.partiallyFulfilledAt).toBe(at(9).toISOString());
    const f = applyRequestAction(p.record, 'fulfil', requested, at(10), { evidenceIds: ['e2'] });
    expect(f.record.fulfilledAt).toBe(at(10).toISOString());
  });
});

describe('preservation renewal', () => {
  it('18 U.S.C. 2703(f): 90 days from acceptance, renewable once by 90 days from the current expiry', () => {
    const a = recordIn('accepted');
    expect(a.clocks.preservationStartedAt).toBe(a.acceptedAt);
    expect(Date.parse(a.clocks.preservationExpiresAt!) - Date.parse(a.acceptedAt!)).toBe(90 * 86_400_000);
    const { record, events } = applyRequestAction(a, 'renew_preservation', requester, at(60 * 24 * 80));
    expect(record.clocks.renewalCount).toBe(1);
    expect(Date.parse(record.clocks.preservationExpiresAt!) - Date.parse(a.acceptedAt!)).toBe(180 * 86_400_000);
    expect(events[0]).toMatchObject({
      type: 'request.preservation_renewed',
      data: { renewalCount: 1, previousExpiresAt: a.clocks.preservationExpiresAt },
    });
    expect(code(() => applyRequestAction(record, 'renew_preservation', requester, at(60 * 24 * 100)))).toBe(
      'REQUEST_RENEWAL_LIMIT_REACHED',
    );
  });

  it('refuses renewal once the preservation has lapsed', () => {
    const a = recordIn('accepted');
    const lapsed = new Date(a.clocks.preservationExpiresAt!);
    expect(code(() => applyRequestAction(a, 'renew_preservation', requester, lapsed))).toBe(
      'REQUEST_PRESERVATION_LAPSED',
    );
  });

  it('refuses renewal of a non-preservation request and before preservation started', () => {
    const sub = walk(draft(validContent('subscriber_info')), ['submit', 'acknowledge', 'accept']);
    expect(code(() => applyRequestAction(sub, 'renew_preservation', requester, at(10)))).toBe(
      'REQUEST_NOT_PRESERVATION',
    );
    const early = walk(draft(), ['submit', 'acknowledge', 'request_information']);
    expect(code(() => applyRequestAction(early, 'renew_preservation', requester, at(10)))).toBe(
      'REQUEST_PRESERVATION_NOT_STARTED',
    );
  });

  it('Budapest Art. 29 has no renewal cap', () => {
    let r = walk(draft({ ...validContent('preservation'), legalBasis: 'coe_budapest_art29' }), [
      'submit',
      'acknowledge',
      'accept',
    ]);
    for (let i = 1; i <= 4; i++) r = applyRequestAction(r, 'renew_preservation', requester, at(10 + i)).record;
    expect(r.clocks.renewalCount).toBe(4);
    expect(Date.parse(r.clocks.preservationExpiresAt!) - Date.parse(r.acceptedAt!)).toBe((60 + 4 * 60) * 86_400_000);
  });
});

describe('agreed clock overrides', () => {
  const newDue = '2026-10-15T00:00:00.000Z';

  it('the other party must agree before a proposal takes effect', () => {
    const s = recordIn('acknowledged');
    const proposed = applyRequestAction(s, 'propose_clock_override', requested, at(10), {
      values: { responseDueAt: newDue },
      note: 'Provider backlog',
    });
    expect(proposed.record.pendingClockOverride).toMatchObject({
      proposedBy: 'requested',
      values: { responseDueAt: newDue },
    });
    expect(proposed.record.clocks.responseDueAt).toBe(s.clocks.responseDueAt);
    expect(code(() => applyRequestAction(proposed.record, 'agree_clock_override', requested, at(11)))).toBe(
      'REQUEST_OWN_PROPOSAL',
    );
    const agreed = applyRequestAction(proposed.record, 'agree_clock_override', requester, at(12));
    expect(agreed.record.clocks.responseDueAt).toBe(newDue);
    expect(agreed.record.pendingClockOverride).toBeNull();
    expect(agreed.record.clockOverrides).toMatchObject({
      responseDueAt: newDue,
      proposedBy: 'requested',
      agreedAt: at(12).toISOString(),
    });
    expect(agreed.events[0]?.type).toBe('request.clock_override_agreed');
  });

  it('overrides replace the preservation period and renewal limit', () => {
    const a = recordIn('accepted');
    const values = { preservationDays: 120, maxRenewals: 3 };
    const p = applyRequestAction(a, 'propose_clock_override', requester, at(10), { values }).record;
    const r = applyRequestAction(p, 'agree_clock_override', requested, at(11)).record;
    expect(Date.parse(r.clocks.preservationExpiresAt!) - Date.parse(r.clocks.preservationStartedAt!)).toBe(
      120 * 86_400_000,
    );
    let renewed = r;
    for (let i = 0; i < 3; i++)
      renewed = applyRequestAction(renewed, 'renew_preservation', requester, at(20 + i)).record;
    expect(renewed.clocks.renewalCount).toBe(3);
    expect(code(() => applyRequestAction(renewed, 'renew_preservation', requester, at(30)))).toBe(
      'REQUEST_RENEWAL_LIMIT_REACHED',
    );
  });

  it('a later agreement keeps earlier agreed values', () => {
    let r = recordIn('accepted');
    r = walk(r, ['propose_clock_override'], 10);
    r = applyRequestAction(r, 'agree_clock_override', requester, at(11)).record;
    r = applyRequestAction(r, 'propose_clock_override', requester, at(12), {
      values: { renewalReminderDays: 30 },
    }).record;
    r = applyRequestAction(r, 'agree_clock_override', requested, at(13)).record;
    expect(r.clockOverrides).toMatchObject({
      responseDueAt: '2026-12-31T00:00:00Z',
      renewalReminderDays: 30,
      proposedBy: 'requesting',
    });
  });

  it('reject clears the proposal; nothing to answer afterwards', () => {
    const p = walk(recordIn('submitted'), ['propose_clock_override'], 10);
    const r = applyRequestAction(p, 'reject_clock_override', requester, at(11)).record;
    expect(r.pendingClockOverride).toBeNull();
    expect(code(() => applyRequestAction(r, 'agree_clock_override', requester, at(12)))).toBe(
      'REQUEST_NO_PENDING_OVERRIDE',
    );
    expect(code(() => applyRequestAction(r, 'reject_clock_override', requester, at(12)))).toBe(
      'REQUEST_NO_PENDING_OVERRIDE',
    );
  });

  it('a counter-proposal replaces the pending one', () => {
    const p = walk(recordIn('submitted'), ['propose_clock_override'], 10);
    const { record, events } = applyRequestAction(p, 'propose_clock_override', requester, at(11), {
      values: { ackDueAt: newDue },
    });
    expect(record.pendingClockOverride).toMatchObject({ proposedBy: 'requesting', values: { ackDueAt: newDue } });
    expect(events[0]?.data).toMatchObject({ replacesPending: true });
  });

  it('validates proposed values with bilingual messages', () => {
    const s = recordIn('submitted');
    const bad = (values: object) =>
      issuesOf(() => applyRequestAction(s, 'propose_clock_override', requested, at(10), { values } as never));
    expect(bad({})[0]).toMatchObject({ path: 'values', message: { zh: '请至少提议一项新的时限或期限。' } });
    expect(bad({ ackDueAt: '2026-09-01T00:00:00Z' })[0]).toMatchObject({ path: 'values.ackDueAt', code: 'in_past' });
    expect(bad({ responseDueAt: 'next week' })[0]).toMatchObject({
      path: 'values.responseDueAt',
      code: 'invalid_format',
    });
    expect(bad({ preservationDays: 0 })[0]).toMatchObject({ path: 'values.preservationDays', code: 'out_of_range' });
    expect(bad({ renewalDays: 1.5 })[0]).toMatchObject({ path: 'values.renewalDays', code: 'out_of_range' });
    expect(bad({ maxRenewals: -1 })[0]).toMatchObject({ path: 'values.maxRenewals', code: 'out_of_range' });
    expect(bad({ maxRenewals: null })).toEqual([]);
    expect(bad({ renewalReminderDays: 400 })[0]).toMatchObject({
      path: 'values.renewalReminderDays',
      code: 'out_of_range',
    });
    const sub = walk(draft(validContent('subscriber_info')), ['submit']);
    const notPres = issuesOf(() =>
      applyRequestAction(sub, 'propose_clock_override', requested, at(10), { values: { preservationDays: 30 } }),
    );
    expect(notPres[0]).toMatchObject({ path: 'values.preservationDays', code: 'not_applicable' });
  });
});

describe('timestamps and versions', () => {
  it('a full happy path stamps every milestone once, one minute apart', () => {
    const r = walk(draft(), ['submit', 'acknowledge', 'accept', 'start_work', 'partially_fulfil', 'fulfil', 'close']);
    expect([
      r.submittedAt,
      r.acknowledgedAt,
      r.acceptedAt,
      r.workStartedAt,
      r.partiallyFulfilledAt,
      r.fulfilledAt,
      r.closedAt,
    ]).toEqual([1, 2, 3, 4, 5, 6, 7].map((m) => at(m).toISOString()));
    expect(r.version).toBe(8);
    expect(r.createdAt).toBe(T0.toISOString());
  });
});

describe('applyRequestCommand', () => {
  it('applies a parsed action body', () => {
    const body = ZRequestActionSchema.parse({ action: 'decline', reason: 'Outside our jurisdiction' });
    const { record } = applyRequestCommand(recordIn('acknowledged'), body, requested, at(9));
    expect(record).toMatchObject({ status: 'declined', declineReason: 'Outside our jurisdiction' });
  });
});
