import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { ROLES } from '../shared/roles.js';
import { CALL_POLICY, canCall, requireCallAccess, sideOf } from './policy.js';
import { CN, US, peer, placedCall, system, user } from './test-fixtures.js';

const call = placedCall();

describe('call policy', () => {
  it('tells the sides apart', () => {
    expect(sideOf(US, call)).toBe('caller');
    expect(sideOf(CN, call)).toBe('receiver');
    expect(sideOf('eu', call)).toBeNull();
  });

  it('lets every role of both parties view, and nobody else', () => {
    for (const role of ROLES) {
      expect(canCall(user(US, [role]), 'view', call)).toBe(true);
      expect(canCall(user(CN, [role]), 'view', call)).toBe(true);
      expect(canCall(user('eu', [role]), 'view', call)).toBe(false);
    }
    expect(canCall(peer(CN), 'view', call)).toBe(true);
    expect(canCall(peer('eu'), 'view', call)).toBe(false);
  });

  it('only supervisors and admins manage the roster; a peer never does', () => {
    for (const role of ROLES) {
      expect(canCall(user(CN, [role]), 'manage_roster')).toBe(role === 'supervisor' || role === 'admin');
    }
    expect(canCall(peer(CN), 'manage_roster')).toBe(false);
    expect(canCall(system(CN), 'manage_roster')).toBe(false);
    expect(canCall(peer(CN), 'view_roster', call)).toBe(false);
  });

  it('checks roles only when there is no record yet', () => {
    expect(canCall(user(CN, ['investigator']), 'place')).toBe(true);
    expect(canCall(user(CN, ['analyst']), 'place')).toBe(false);
    expect(canCall(peer(US), 'place')).toBe(false);
  });

  it('gives the system only delivery and escalation', () => {
    const systemActions = Object.entries(CALL_POLICY)
      .filter(([, r]) => r.system)
      .map(([a]) => a);
    expect(systemActions.sort()).toEqual(['deliver', 'escalate']);
  });

  it('requireCallAccess throws CALL_FORBIDDEN, or CALL_HUMAN_ACK_REQUIRED for a system acknowledgement', () => {
    expect(() => requireCallAccess(user(US, ['point_of_contact']), 'cancel', call)).not.toThrow();
    const codeOf = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as AppError).code;
      }
    };
    expect(codeOf(() => requireCallAccess(user(CN, ['point_of_contact']), 'cancel', call))).toBe('CALL_FORBIDDEN');
    expect(codeOf(() => requireCallAccess(system(CN), 'acknowledge', call))).toBe('CALL_HUMAN_ACK_REQUIRED');
  });
});
