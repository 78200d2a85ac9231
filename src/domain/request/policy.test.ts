// Who may take each action (roles, party side, peers, system) and allowedActions agreeing with applyRequestAction.
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { ROLES, type Role } from '../shared/roles.js';
import { REQUEST_POLICY, canRequest, requireRequestAccess } from './policy.js';
import { applyRequestAction } from './state-machine.js';
import { CN, US, VALID_PARAMS, at, draft, recordIn, requested, requester, user } from './test-fixtures.js';
import { allowedActions } from './transitions.js';
import { REQUEST_ACTIONS, REQUEST_STATUSES, type RequestAction, type RequestRecord } from './types.js';

/** Expected roles, written out from the decisions documented in policy.ts. */
const CASEWORK: Role[] = ['point_of_contact', 'investigator', 'supervisor'];
const DECIDERS: Role[] = ['point_of_contact', 'supervisor'];
const EXPECTED_ROLES: Record<RequestAction, Role[]> = {
  submit: CASEWORK,
  acknowledge: CASEWORK,
  accept: DECIDERS,
  request_information: CASEWORK,
  provide_information: CASEWORK,
  decline: DECIDERS,
  request_approval: CASEWORK,
  record_approval: ['supervisor'],
  start_work: CASEWORK,
  partially_fulfil: CASEWORK,
  fulfil: CASEWORK,
  close: CASEWORK,
  withdraw: CASEWORK,
  renew_preservation: CASEWORK,
  propose_clock_override: DECIDERS,
  agree_clock_override: DECIDERS,
  reject_clock_override: DECIDERS,
};
const EXPECTED_SIDE: Record<RequestAction, 'requesting' | 'requested' | 'either'> = {
  submit: 'requesting',
  provide_information: 'requesting',
  withdraw: 'requesting',
  renew_preservation: 'requesting',
  acknowledge: 'requested',
  accept: 'requested',
  request_information: 'requested',
  decline: 'requested',
  request_approval: 'requested',
  record_approval: 'requested',
  start_work: 'requested',
  partially_fulfil: 'requested',
  fulfil: 'requested',
  close: 'either',
  propose_clock_override: 'either',
  agree_clock_override: 'either',
  reject_clock_override: 'either',
};

const record = recordIn('submitted');

function refusalCode(actor: Actor, action: RequestAction): string | null {
  try {
    requireRequestAccess(actor, action, record);
    return null;
  } catch (e) {
    return (e as AppError).code;
  }
}

describe('request policy table', () => {
  for (const action of REQUEST_ACTIONS) {
    const side = EXPECTED_SIDE[action];
    const own = side === 'requested' ? CN : US;
    const other = side === 'requested' ? US : CN;
    for (const role of ROLES) {
      const allowed = EXPECTED_ROLES[action].includes(role);
      it(`${action}: ${role} on the ${side === 'either' ? 'requesting' : side} side is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(REQUEST_POLICY[action].side).toBe(side);
        expect(refusalCode(user(own, [role]), action)).toBe(allowed ? null : 'REQUEST_FORBIDDEN');
      });
    }
    it(`${action}: the ${side === 'either' ? 'other side is also allowed' : 'wrong side is refused'}`, () => {
      expect(refusalCode(user(other, ['supervisor']), action)).toBe(side === 'either' ? null : 'REQUEST_WRONG_PARTY');
    });
    it(`${action}: a third party is refused`, () => {
      expect(refusalCode(user('node-eu', ['supervisor']), action)).toBe('REQUEST_WRONG_PARTY');
    });
    it(`${action}: a peer node acting for the right side passes, the system actor never`, () => {
      expect(refusalCode({ kind: 'peer', partyId: own }, action)).toBeNull();
      expect(refusalCode({ kind: 'system', partyId: own }, action)).toBe('REQUEST_FORBIDDEN');
    });
  }

  it('refusals carry 403 and details', () => {
    try {
      requireRequestAccess(user(CN, ['analyst']), 'accept', record);
    } catch (e) {
      expect((e as AppError).status).toBe(403);
      expect((e as AppError).details).toMatchObject({ action: 'accept', requiredRoles: DECIDERS });
    }
    expect.assertions(2);
  });

  it('a user with several roles is allowed if any role is', () => {
    expect(canRequest(user(CN, ['analyst', 'supervisor']), 'record_approval', record)).toBe(true);
  });

  it('without a record only the role is checked', () => {
    expect(canRequest(user(US, ['investigator']), 'create_draft')).toBe(true);
    expect(canRequest(user(US, ['read_only']), 'create_draft')).toBe(false);
  });
});

describe('view policy', () => {
  it('every role of either party may view a normal request', () => {
    for (const role of [
      'point_of_contact',
      'investigator',
      'supervisor',
      'analyst',
      'auditor',
      'read_only',
    ] as Role[]) {
      expect(canRequest(user(CN, [role]), 'view', { ...record, confidentiality: 'normal' })).toBe(true);
    }
    expect(canRequest(user(CN, ['admin']), 'view', record)).toBe(false);
    expect(canRequest(user('node-eu', ['supervisor']), 'view', record)).toBe(false);
  });

  it('restricted requests are need-to-know: no analysts or read-only users', () => {
    const r = { ...record, confidentiality: 'restricted' as const };
    expect(canRequest(user(US, ['analyst']), 'view', r)).toBe(false);
    expect(canRequest(user(US, ['read_only']), 'view', r)).toBe(false);
    expect(canRequest(user(US, ['auditor']), 'view', r)).toBe(true);
    expect(canRequest(user(US, ['investigator']), 'view', r)).toBe(true);
  });

  it('the requested party cannot see a draft', () => {
    expect(canRequest(user(CN, ['supervisor']), 'view', draft())).toBe(false);
    expect(canRequest(user(US, ['read_only']), 'view', draft())).toBe(true);
  });
});

describe('allowedActions', () => {
  it('shows each side only its own buttons', () => {
    expect(allowedActions(draft(), requester, at(1))).toEqual(['submit', 'withdraw']);
    expect(allowedActions(draft(), requested, at(1))).toEqual([]);
    expect(allowedActions(recordIn('submitted'), requested, at(10))).toEqual([
      'acknowledge',
      'request_information',
      'decline',
      'propose_clock_override',
    ]);
    expect(allowedActions(recordIn('submitted'), user(CN, ['investigator']), at(10))).toEqual([
      'acknowledge',
      'request_information',
    ]);
    expect(allowedActions(recordIn('submitted'), user(CN, ['read_only']), at(10))).toEqual([]);
  });

  it('hides start_work until approval and request_approval when not needed', () => {
    const acc = recordIn('accepted');
    expect(allowedActions({ ...acc, approvalRequired: true }, requested, at(10))).toContain('request_approval');
    expect(allowedActions({ ...acc, approvalRequired: true }, requested, at(10))).not.toContain('start_work');
    expect(allowedActions(acc, requested, at(10))).toContain('start_work');
    expect(allowedActions(acc, requested, at(10))).not.toContain('request_approval');
  });

  it('shows agree only to the party that did not propose', () => {
    const p = applyRequestAction(
      recordIn('submitted'),
      'propose_clock_override',
      requested,
      at(10),
      VALID_PARAMS.propose_clock_override,
    ).record;
    expect(allowedActions(p, requested, at(11))).not.toContain('agree_clock_override');
    expect(allowedActions(p, requested, at(11))).toContain('reject_clock_override');
    expect(allowedActions(p, requester, at(11))).toEqual(
      expect.arrayContaining(['agree_clock_override', 'reject_clock_override']),
    );
  });

  it('hides renewal after lapse only when now is known', () => {
    const acc = recordIn('accepted');
    const late = new Date(acc.clocks.preservationExpiresAt!);
    expect(allowedActions(acc, requester, late)).not.toContain('renew_preservation');
    expect(allowedActions(acc, requester)).toContain('renew_preservation');
  });

  it('agrees with applyRequestAction for every status, actor and action', () => {
    const actors: Actor[] = [
      requester,
      requested,
      user(US, ['investigator']),
      user(CN, ['point_of_contact']),
      user(CN, ['analyst']),
      { kind: 'peer', partyId: CN },
    ];
    let checked = 0;
    for (const status of REQUEST_STATUSES) {
      const base = recordIn(status);
      const variants: RequestRecord[] = [base, { ...base, approvalRequired: !base.approvalRequired }];
      for (const r of variants) {
        for (const actor of actors) {
          const allowed = allowedActions(r, actor, at(500));
          for (const action of REQUEST_ACTIONS) {
            let ok = true;
            try {
              applyRequestAction(r, action, actor, at(500), VALID_PARAMS[action] as never);
            } catch {
              ok = false;
            }
            expect({ status, action, actor: actor.kind === 'user' ? actor.name : actor.kind, ok }).toEqual({
              status,
              action,
              actor: actor.kind === 'user' ? actor.name : actor.kind,
              ok: allowed.includes(action),
            });
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(12 * 2 * 6 * 17);
  });
});
