import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor.js';
import { MINUTE_MS, addMs } from '../shared/time.js';
import {
  CN,
  T0,
  US,
  callIn,
  callerPoc,
  peer,
  placedCall,
  receiverPoc,
  receiverSupervisor,
  system,
  user,
} from './test-fixtures.js';
import { CALL_TRANSITIONS, allowedCallActions, applyCallAction } from './transitions.js';
import type { CallAction, CallActionParams, CallStatus } from './types.js';
import { CALL_ACTIONS, CALL_STATUSES } from './types.js';
import { codeOf } from '../shared/test-support.js';

const NOW = addMs(T0, 5 * MINUTE_MS);

/** A legitimate actor and valid params for each action, so only the state decides. */
const PROPER: Record<CallAction, { actor: Actor; params: CallActionParams }> = {
  deliver: { actor: system(US), params: {} },
  acknowledge: { actor: receiverPoc, params: {} },
  answer: { actor: receiverPoc, params: { answer: 'Account holder identified; local police dispatched.' } },
  close: { actor: callerPoc, params: {} },
  cancel: { actor: callerPoc, params: { reason: 'Resolved locally' } },
  escalate: { actor: receiverSupervisor, params: {} },
  note: { actor: callerPoc, params: { text: 'Phoned the CN duty desk.' } },
  callback_attempt: { actor: receiverPoc, params: { text: 'No answer on +1 line' } },
  link_request: { actor: callerPoc, params: { requestId: 'req-9' } },
  link_case: { actor: callerPoc, params: { caseId: 'case-3' } },
};

const NEXT_STATUS: Partial<Record<CallAction, CallStatus>> = {
  deliver: 'delivered',
  acknowledge: 'acknowledged',
  answer: 'answered',
  close: 'closed',
  cancel: 'cancelled',
};

describe('state machine: every action in every state', () => {
  for (const status of CALL_STATUSES) {
    for (const action of CALL_ACTIONS) {
      const allowed = CALL_TRANSITIONS[status].includes(action);
      it(`${action} in ${status} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const call = callIn(status);
        const { actor, params } = PROPER[action];
        if (!allowed) {
          expect(codeOf(() => applyCallAction(call, action, actor, NOW, params))).toBe('CALL_INVALID_TRANSITION');
          return;
        }
        const { record, events } = applyCallAction(call, action, actor, NOW, params);
        expect(record.status).toBe(NEXT_STATUS[action] ?? status);
        expect(events).toHaveLength(1);
        expect(events[0]?.data).toMatchObject({ callId: call.id, originParty: actor.partyId });
        expect(events[0]?.at).toBe(NOW.toISOString());
        const logOnly = action === 'note' || action === 'callback_attempt';
        expect(record.version).toBe(logOnly ? call.version : call.version + 1);
      });
    }
  }
});

describe('effects of each action', () => {
  it('deliver stamps deliveredAt', () => {
    expect(applyCallAction(placedCall(), 'deliver', peer(CN), NOW).record.deliveredAt).toBe(NOW.toISOString());
  });

  it('acknowledge records who and when, implies delivery, and reports lateness', () => {
    const late = addMs(T0, 20 * MINUTE_MS);
    const { record, events } = applyCallAction(placedCall(), 'acknowledge', receiverPoc, late);
    expect(record).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: '王警官',
      acknowledgedAt: late.toISOString(),
      deliveredAt: late.toISOString(),
    });
    expect(events[0]).toMatchObject({
      type: 'call.acknowledged',
      data: { acknowledgedLate: true, timeToAcknowledgeMs: 20 * MINUTE_MS },
    });
    const delivered = callIn('delivered', { deliveredAt: '2025-06-01T10:01:00.000Z' });
    expect(applyCallAction(delivered, 'acknowledge', receiverPoc, NOW).record.deliveredAt).toBe(
      '2025-06-01T10:01:00.000Z',
    );
  });

  it('answer stores the trimmed answer and who gave it', () => {
    const { record } = applyCallAction(callIn('acknowledged'), 'answer', receiverPoc, NOW, { answer: '  Done.  ' });
    expect(record).toMatchObject({ answer: 'Done.', answeredBy: '王警官', answeredAt: NOW.toISOString() });
  });

  it('cancel keeps the reason, or null without one', () => {
    expect(applyCallAction(placedCall(), 'cancel', callerPoc, NOW, { reason: 'Wrong party' }).record.cancelReason).toBe(
      'Wrong party',
    );
    expect(applyCallAction(placedCall(), 'cancel', callerPoc, NOW).record.cancelReason).toBeNull();
  });

  it('close stamps closedAt', () => {
    expect(applyCallAction(callIn('answered'), 'close', receiverPoc, NOW).record.closedAt).toBe(NOW.toISOString());
  });

  it('link_request / link_case record the link once', () => {
    const linked = applyCallAction(callIn('answered'), 'link_request', callerPoc, NOW, { requestId: 'req-1' }).record;
    expect(linked.linkedRequestId).toBe('req-1');
    expect(codeOf(() => applyCallAction(linked, 'link_request', callerPoc, NOW, { requestId: 'req-2' }))).toBe(
      'CALL_ALREADY_LINKED',
    );
    const both = applyCallAction(linked, 'link_case', receiverPoc, NOW, { caseId: 'case-1' }).record;
    expect(both).toMatchObject({ linkedRequestId: 'req-1', linkedCaseId: 'case-1' });
    expect(codeOf(() => applyCallAction(both, 'link_case', receiverPoc, NOW, { caseId: 'case-1' }))).toBe(
      'CALL_ALREADY_LINKED',
    );
  });

  it('note and callback_attempt leave the record untouched but emit a log event', () => {
    const call = placedCall();
    const { record, events } = applyCallAction(call, 'note', callerPoc, NOW, { text: ' called again ' });
    expect(record).toBe(call);
    expect(events[0]).toMatchObject({ type: 'call.note_added', data: { text: 'called again', by: 'Agent Smith' } });
    const cb = applyCallAction(call, 'callback_attempt', receiverPoc, NOW);
    expect(cb.events[0]).toMatchObject({ type: 'call.callback_attempted', data: { text: '' } });
  });
});

describe('human acknowledgement (docs/spec.md §3.1)', () => {
  it('refuses the system, on either node', () => {
    expect(codeOf(() => applyCallAction(placedCall(), 'acknowledge', system(CN), NOW))).toBe('CALL_HUMAN_ACK_REQUIRED');
    expect(codeOf(() => applyCallAction(placedCall(), 'acknowledge', system(US), NOW))).toBe('CALL_HUMAN_ACK_REQUIRED');
  });

  it('refuses a peer that does not name the person who acknowledged', () => {
    expect(codeOf(() => applyCallAction(placedCall(), 'acknowledge', peer(CN), NOW))).toBe('CALL_HUMAN_ACK_REQUIRED');
    expect(codeOf(() => applyCallAction(placedCall(), 'acknowledge', peer(CN), NOW, { relayedBy: '  ' }))).toBe(
      'CALL_HUMAN_ACK_REQUIRED',
    );
  });

  it('mirrors a relayed human acknowledgement at the time it happened on the peer', () => {
    const { record, events } = applyCallAction(placedCall(), 'acknowledge', peer(CN), NOW, {
      relayedBy: '王警官',
      relayedAt: '2025-06-01T10:03:00.000Z',
    });
    expect(record).toMatchObject({ acknowledgedBy: '王警官', acknowledgedAt: '2025-06-01T10:03:00.000Z' });
    expect(events[0]).toMatchObject({
      at: '2025-06-01T10:03:00.000Z',
      actorLabel: `peer:${CN}`,
      data: { originParty: CN },
    });
  });

  it('refuses a relay with a malformed time', () => {
    expect(
      codeOf(() =>
        applyCallAction(placedCall(), 'acknowledge', peer(CN), NOW, { relayedBy: 'x', relayedAt: 'yesterday' }),
      ),
    ).toBe('CALL_VALIDATION_FAILED');
  });

  it('refuses the caller’s side and receiving users without an acknowledging role', () => {
    expect(codeOf(() => applyCallAction(placedCall(), 'acknowledge', callerPoc, NOW))).toBe('CALL_FORBIDDEN');
    expect(codeOf(() => applyCallAction(placedCall(), 'acknowledge', peer(US), NOW, { relayedBy: 'x' }))).toBe(
      'CALL_FORBIDDEN',
    );
    for (const role of ['investigator', 'analyst', 'auditor', 'read_only'] as const) {
      expect(codeOf(() => applyCallAction(placedCall(), 'acknowledge', user(CN, [role]), NOW))).toBe('CALL_FORBIDDEN');
    }
    for (const role of ['point_of_contact', 'supervisor', 'admin'] as const) {
      expect(applyCallAction(placedCall(), 'acknowledge', user(CN, [role]), NOW).record.status).toBe('acknowledged');
    }
  });

  it('refuses a user of an unrelated party', () => {
    expect(codeOf(() => applyCallAction(placedCall(), 'acknowledge', user('eu-x', ['admin']), NOW))).toBe(
      'CALL_FORBIDDEN',
    );
  });
});

describe('actor refusals per action', () => {
  const cases: [string, CallStatus, CallAction, Actor, CallActionParams, string][] = [
    ['a user cannot mark delivered', 'placed', 'deliver', receiverPoc, {}, 'CALL_FORBIDDEN'],
    ['the system cannot answer', 'acknowledged', 'answer', system(CN), { answer: 'x' }, 'CALL_FORBIDDEN'],
    ['the caller cannot answer its own call', 'acknowledged', 'answer', callerPoc, { answer: 'x' }, 'CALL_FORBIDDEN'],
    ['the receiver cannot cancel the caller’s call', 'placed', 'cancel', receiverPoc, {}, 'CALL_FORBIDDEN'],
    ['the caller cannot climb the receiver’s ladder', 'placed', 'escalate', callerPoc, {}, 'CALL_FORBIDDEN'],
    ['the caller’s system cannot escalate', 'placed', 'escalate', system(US), {}, 'CALL_FORBIDDEN'],
    ['the system cannot close', 'answered', 'close', system(CN), {}, 'CALL_FORBIDDEN'],
    ['read-only users cannot add notes', 'placed', 'note', user(US, ['read_only']), { text: 'x' }, 'CALL_FORBIDDEN'],
    ['analysts cannot link', 'answered', 'link_case', user(US, ['analyst']), { caseId: 'c' }, 'CALL_FORBIDDEN'],
    [
      'a peer relay must name the person',
      'acknowledged',
      'answer',
      peer(CN),
      { answer: 'x' },
      'CALL_VALIDATION_FAILED',
    ],
    ['the system cannot link', 'answered', 'link_request', system(US), { requestId: 'r' }, 'CALL_FORBIDDEN'],
  ];
  it.each(cases)('%s', (_name, status, action, actor, params, code) => {
    expect(codeOf(() => applyCallAction(callIn(status), action, actor, NOW, params))).toBe(code);
  });

  it('a peer may relay the other side’s answer and the caller’s cancel', () => {
    expect(
      applyCallAction(callIn('acknowledged'), 'answer', peer(CN), NOW, { answer: 'ok', relayedBy: '王警官' }).record
        .answeredBy,
    ).toBe('王警官');
    expect(applyCallAction(placedCall(), 'cancel', peer(US), NOW, { relayedBy: 'Agent Smith' }).record.status).toBe(
      'cancelled',
    );
  });
});

describe('input rules on actions', () => {
  it.each([
    ['answer', 'acknowledged', { answer: '   ' }],
    ['answer', 'acknowledged', { answer: 'x'.repeat(4001) }],
    ['note', 'placed', {}],
    ['note', 'placed', { text: 'x'.repeat(2001) }],
    ['callback_attempt', 'placed', { text: 'x'.repeat(2001) }],
    ['cancel', 'placed', { reason: 'x'.repeat(501) }],
    ['link_request', 'answered', { requestId: '' }],
    ['link_case', 'answered', {}],
  ] as [CallAction, CallStatus, CallActionParams][])('%s with %j is refused', (action, status, params) => {
    const actor = action === 'answer' || action === 'callback_attempt' ? receiverPoc : callerPoc;
    expect(codeOf(() => applyCallAction(callIn(status), action, actor, NOW, params))).toBe('CALL_VALIDATION_FAILED');
  });

  it('refuses an unknown action name', () => {
    expect(codeOf(() => applyCallAction(placedCall(), 'explode' as CallAction, callerPoc, NOW))).toBe(
      'CALL_VALIDATION_FAILED',
    );
  });
});

describe('escalate', () => {
  const due1 = addMs(T0, 15 * MINUTE_MS + 1);
  const due2 = addMs(T0, 30 * MINUTE_MS + 1);

  it('the worker escalates only when the clock says so', () => {
    expect(codeOf(() => applyCallAction(placedCall(), 'escalate', system(CN), NOW))).toBe('CALL_ESCALATION_NOT_DUE');
    const { record, events } = applyCallAction(placedCall(), 'escalate', system(CN), due1);
    expect(record).toMatchObject({ escalationLevel: 1, escalatedAt: due1.toISOString() });
    expect(events[0]).toMatchObject({
      type: 'call.escalated',
      data: { level: 1, role: 'deputy', key: 'escalation:1', manual: false },
    });
    expect(codeOf(() => applyCallAction(record, 'escalate', system(CN), due1))).toBe('CALL_ESCALATION_NOT_DUE');
    expect(applyCallAction(record, 'escalate', system(CN), due2).record.escalationLevel).toBe(2);
  });

  it('the worker may jump straight to the due rung', () => {
    expect(applyCallAction(placedCall(), 'escalate', system(CN), due2, { level: 2 }).record.escalationLevel).toBe(2);
    expect(codeOf(() => applyCallAction(placedCall(), 'escalate', system(CN), due1, { level: 2 }))).toBe(
      'CALL_ESCALATION_NOT_DUE',
    );
  });

  it('a person may escalate early by judgement', () => {
    const { events } = applyCallAction(placedCall(), 'escalate', receiverPoc, NOW);
    expect(events[0]?.data).toMatchObject({ level: 1, manual: true, by: '王警官' });
  });

  it('refuses levels that are not higher or off the ladder', () => {
    const top = callIn('placed', { escalationLevel: 2 });
    expect(codeOf(() => applyCallAction(top, 'escalate', receiverSupervisor, NOW))).toBe('CALL_VALIDATION_FAILED');
    const one = callIn('placed', { escalationLevel: 1 });
    expect(codeOf(() => applyCallAction(one, 'escalate', receiverSupervisor, NOW, { level: 1 }))).toBe(
      'CALL_VALIDATION_FAILED',
    );
    expect(
      codeOf(() => applyCallAction(placedCall(), 'escalate', receiverSupervisor, NOW, { level: 3 as never })),
    ).toBe('CALL_VALIDATION_FAILED');
  });
});

describe('allowedCallActions', () => {
  it('lists what the receiving duty officer can do on a new call', () => {
    expect(allowedCallActions(placedCall(), receiverPoc, NOW)).toEqual([
      'acknowledge',
      'escalate',
      'note',
      'callback_attempt',
      'link_request',
      'link_case',
    ]);
  });

  it('lists what the caller can do on a new call', () => {
    expect(allowedCallActions(placedCall(), callerPoc, NOW)).toEqual([
      'cancel',
      'note',
      'callback_attempt',
      'link_request',
      'link_case',
    ]);
  });

  it('offers the system delivery, and escalation only once due', () => {
    expect(allowedCallActions(placedCall(), system(CN), NOW)).toEqual(['deliver']);
    expect(allowedCallActions(placedCall(), system(CN), addMs(T0, 16 * MINUTE_MS))).toEqual(['deliver', 'escalate']);
    expect(
      allowedCallActions(callIn('delivered', { escalationLevel: 2 }), system(CN), addMs(T0, 99 * MINUTE_MS)),
    ).toEqual([]);
  });

  it('drops links already made and gives read-only users nothing', () => {
    const linked = callIn('closed', { linkedRequestId: 'r' });
    expect(allowedCallActions(linked, callerPoc, NOW)).toEqual(['note', 'link_case']);
    expect(allowedCallActions(placedCall(), user(US, ['read_only']), NOW)).toEqual([]);
  });

  it('never offers acknowledgement to the system', () => {
    for (const status of CALL_STATUSES) {
      expect(allowedCallActions(callIn(status), system(CN), addMs(T0, 99 * MINUTE_MS))).not.toContain('acknowledge');
    }
  });
});
