// The next-step rule: the primary action is the step the workflow expects next for the side that
// owes it, finished requests offer nothing they cannot do, and the other side sees whom it waits for.
import { describe, expect, it } from 'vitest';
import { ACTION_ORDER, expectedStep, nextActionFor, orderActions } from './next-step.js';
import { sideOf } from './policy.js';
import { recordIn, requested, requester, user, CN, US } from './test-fixtures.js';
import { allowedActions } from './transitions.js';
import { REQUEST_ACTIONS, REQUEST_STATUSES, type RequestStatus } from './types.js';
import type { UserActor } from '../shared/actor.js';

function offered(status: RequestStatus, actor: UserActor) {
  const r = recordIn(status);
  const allowed = orderActions(r, allowedActions(r, actor));
  return { allowed, next: nextActionFor(r, sideOf(actor, r), allowed) };
}

describe('the next step of a request', () => {
  it('orders every action once', () => {
    expect([...ACTION_ORDER].sort()).toEqual([...REQUEST_ACTIONS].sort());
  });

  it('walks the requested side through acknowledge, accept, start work and fulfil as the primary action', () => {
    const duty = user(CN, ['point_of_contact']);
    expect(offered('submitted', duty).next).toBe('acknowledge');
    expect(offered('acknowledged', duty).next).toBe('accept');
    // The reported bug: after Accept the first button was "Request information".
    const afterAccept = offered('accepted', duty);
    expect(afterAccept.next).toBe('start_work');
    expect(afterAccept.allowed[0]).toBe('start_work');
    expect(afterAccept.allowed.indexOf('request_information')).toBeGreaterThan(0);
    expect(afterAccept.allowed.at(-1)).toBe('decline');
    expect(offered('in_progress', duty).next).toBe('fulfil');
    expect(offered('partially_fulfilled', duty).next).toBe('fulfil');
  });

  it('asks for approval before work where the law requires it, then records the decision', () => {
    const r = { ...recordIn('accepted'), approvalRequired: true };
    expect(expectedStep(r)?.action).toBe('request_approval');
    expect(expectedStep(recordIn('approval_pending'))).toMatchObject({
      side: 'requested',
      action: 'record_approval',
      roles: ['supervisor'],
    });
  });

  it('the requester is not offered withdrawing or new deadlines once the request is fulfilled; closing comes first', () => {
    const { allowed, next } = offered('fulfilled', requester);
    expect(allowed).not.toContain('withdraw');
    expect(allowed).not.toContain('propose_clock_override');
    expect(next).toBe('close');
    expect(allowed[0]).toBe('close');
  });

  it('the side that does not owe the step has no primary action and learns whom it waits for', () => {
    expect(offered('submitted', requester).next).toBeNull();
    expect(expectedStep(recordIn('submitted'))).toMatchObject({ side: 'requested', action: 'acknowledge' });
    expect(offered('needs_information', requested).next).toBeNull();
    expect(offered('needs_information', user(US, ['investigator'])).next).toBe('provide_information');
  });

  it('an officer who may not take the expected step gets no primary action (accepting is for points of contact and supervisors)', () => {
    const investigator = user(CN, ['investigator']);
    const { allowed, next } = offered('acknowledged', investigator);
    expect(allowed).not.toContain('accept');
    expect(next).toBeNull();
    expect(expectedStep(recordIn('acknowledged'))?.roles).toEqual(['point_of_contact', 'supervisor']);
  });

  it('finished requests expect nothing', () => {
    for (const status of REQUEST_STATUSES.filter((s) => ['declined', 'closed', 'withdrawn'].includes(s))) {
      expect(expectedStep(recordIn(status))).toBeNull();
    }
  });
});
