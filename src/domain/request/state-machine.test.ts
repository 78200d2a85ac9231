// Every status × every action: allowed ones reach the expected status, refused ones throw REQUEST_INVALID_TRANSITION.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { applyRequestAction } from './state-machine.js';
import { VALID_PARAMS, at, recordIn, requested, requester } from './test-fixtures.js';
import {
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  type RequestAction,
  type RequestRecord,
  type RequestStatus,
} from './types.js';

const LIVE = [
  'submitted',
  'acknowledged',
  'needs_information',
  'accepted',
  'approval_pending',
  'in_progress',
  'partially_fulfilled',
  'fulfilled',
];
const OPEN = LIVE.filter((s) => s !== 'fulfilled');
const WORKING = ['submitted', 'acknowledged', 'accepted', 'approval_pending', 'in_progress', 'partially_fulfilled'];

/** Written out independently of transitions.ts: action → { from status: resulting status }. */
const EXPECTED: Record<RequestAction, Partial<Record<RequestStatus, RequestStatus | 'same'>>> = {
  submit: { draft: 'submitted' },
  acknowledge: { submitted: 'acknowledged' },
  accept: { acknowledged: 'accepted' },
  request_information: Object.fromEntries(WORKING.map((s) => [s, 'needs_information'])),
  // The fixture reaches needs_information from accepted, so providing returns there.
  provide_information: { needs_information: 'accepted' },
  decline: Object.fromEntries(
    ['submitted', 'acknowledged', 'needs_information', 'accepted', 'approval_pending', 'in_progress'].map((s) => [
      s,
      'declined',
    ]),
  ),
  request_approval: { accepted: 'approval_pending' },
  record_approval: { approval_pending: 'in_progress' },
  start_work: { accepted: 'in_progress' },
  partially_fulfil: { in_progress: 'partially_fulfilled', partially_fulfilled: 'partially_fulfilled' },
  fulfil: { in_progress: 'fulfilled', partially_fulfilled: 'fulfilled' },
  close: { partially_fulfilled: 'closed', fulfilled: 'closed' },
  // Nothing is left to withdraw once the request was answered.
  withdraw: Object.fromEntries(['draft', ...OPEN].map((s) => [s, 'withdrawn'])),
  renew_preservation: Object.fromEntries(
    ['needs_information', 'accepted', 'approval_pending', 'in_progress', 'partially_fulfilled', 'fulfilled'].map(
      (s) => [s, 'same'],
    ),
  ),
  propose_clock_override: Object.fromEntries(OPEN.map((s) => [s, 'same'])),
  agree_clock_override: Object.fromEntries(LIVE.map((s) => [s, 'same'])),
  reject_clock_override: Object.fromEntries(LIVE.map((s) => [s, 'same'])),
};

const REQUESTING_ACTIONS: RequestAction[] = [
  'submit',
  'provide_information',
  'withdraw',
  'renew_preservation',
  'agree_clock_override',
  'reject_clock_override',
  'close',
];

function actorFor(action: RequestAction): Actor {
  return REQUESTING_ACTIONS.includes(action) ? requester : requested;
}

/** Record in `status`, prepared so the action's own guards pass (approval flag, pending proposal). */
function prepared(status: RequestStatus, action: RequestAction): RequestRecord {
  const r = recordIn(status);
  return {
    ...r,
    approvalRequired: action === 'request_approval' ? true : action === 'start_work' ? false : r.approvalRequired,
    pendingClockOverride: {
      values: { ackDueAt: '2026-12-01T00:00:00Z' },
      proposedBy: 'requested',
      proposedAt: r.updatedAt,
      proposedByLabel: 'CN',
    },
  };
}

describe('request workflow: all statuses × all actions', () => {
  for (const status of REQUEST_STATUSES) {
    for (const action of REQUEST_ACTIONS) {
      const target = EXPECTED[action][status];
      if (target !== undefined) {
        it(`${status} --${action}--> ${target === 'same' ? status : target}`, () => {
          const r = prepared(status, action);
          const { record, events } = applyRequestAction(
            r,
            action,
            actorFor(action),
            at(100),
            VALID_PARAMS[action] as never,
          );
          expect(record.status).toBe(target === 'same' ? status : target);
          expect(record.version).toBe(r.version + 1);
          expect(record.updatedAt).toBe(at(100).toISOString());
          expect(events).toHaveLength(1);
          expect(events[0]?.type).toMatch(/^request\./);
          expect(events[0]?.data).toMatchObject({ from: status, to: record.status });
        });
      } else {
        it(`${status} refuses ${action}`, () => {
          const r = prepared(status, action);
          const run = () => applyRequestAction(r, action, actorFor(action), at(100), VALID_PARAMS[action] as never);
          expect(run).toThrow(AppError);
          try {
            run();
          } catch (e) {
            const err = e as AppError;
            expect(err.code).toBe('REQUEST_INVALID_TRANSITION');
            expect(err.status).toBe(409);
            expect(err.details).toMatchObject({ from: status, action });
            const allowed = (err.details?.allowedActions ?? []) as string[];
            expect(allowed).not.toContain(action);
            expect(allowed.sort()).toEqual(REQUEST_ACTIONS.filter((a) => EXPECTED[a][status] !== undefined).sort());
          }
        });
      }
    }
  }
});
