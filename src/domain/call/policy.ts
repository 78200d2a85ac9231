// Who may do what on a hotline call: one declarative table, read by canCall and requireCallAccess.
import { AppError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import { ROLES } from '../shared/roles.js';
import type { CallAction, CallRecord } from './types.js';

export type CallPolicyAction = CallAction | 'view' | 'place' | 'view_roster' | 'manage_roster';

/** caller = the party that placed the call (fromParty); receiver = the party called (toParty). */
export type CallSide = 'caller' | 'receiver';

type Rule = {
  sides: readonly CallSide[];
  /** User roles allowed, on one of `sides`. */
  roles: readonly Role[];
  /** Whether this node's own automation may do it (delivery receipts, the escalation worker). */
  system?: boolean;
};

const OPERATORS: readonly Role[] = ['point_of_contact', 'investigator', 'supervisor', 'admin'];
/** docs/spec.md §3.1: acknowledgement is the on-duty contact's job, or their supervisors'. */
const ACKNOWLEDGERS: readonly Role[] = ['point_of_contact', 'supervisor', 'admin'];
const BOTH: readonly CallSide[] = ['caller', 'receiver'];

export const CALL_POLICY: Readonly<Record<CallPolicyAction, Rule>> = {
  view: { sides: BOTH, roles: ROLES },
  place: { sides: ['caller'], roles: OPERATORS },
  deliver: { sides: BOTH, roles: [], system: true },
  acknowledge: { sides: ['receiver'], roles: ACKNOWLEDGERS },
  answer: { sides: ['receiver'], roles: OPERATORS },
  close: { sides: BOTH, roles: OPERATORS },
  cancel: { sides: ['caller'], roles: OPERATORS },
  // The ladder belongs to the receiving agency: its worker climbs it, or its staff do by hand.
  escalate: { sides: ['receiver'], roles: ACKNOWLEDGERS, system: true },
  note: { sides: BOTH, roles: [...OPERATORS, 'analyst'] },
  callback_attempt: { sides: BOTH, roles: OPERATORS },
  link_request: { sides: BOTH, roles: OPERATORS },
  link_case: { sides: BOTH, roles: OPERATORS },
  // Roster actions concern the actor's own node only; no call record is involved.
  view_roster: { sides: BOTH, roles: ROLES },
  manage_roster: { sides: BOTH, roles: ['supervisor', 'admin'] },
};

type Parties = Pick<CallRecord, 'fromParty' | 'toParty'>;

export function sideOf(partyId: string, call: Parties): CallSide | null {
  if (partyId === call.fromParty) return 'caller';
  if (partyId === call.toParty) return 'receiver';
  return null;
}

/**
 * Users need a listed role on an allowed side; a peer node may relay (mirror) what happened on
 * its side; the system acts only where the rule says so. Without a record only roles are checked.
 */
export function canCall(actor: Actor, action: CallPolicyAction, call?: Parties): boolean {
  const rule = CALL_POLICY[action];
  const side = call ? sideOf(actor.partyId, call) : null;
  if (call && (side === null || !rule.sides.includes(side))) return false;
  if (actor.kind === 'user') return actor.roles.some((r) => rule.roles.includes(r));
  if (actor.kind === 'system') return rule.system === true;
  // A peer has no roles here; it can only mirror an action on a record it is party to.
  return call !== undefined && action !== 'manage_roster' && action !== 'view_roster';
}

export function requireCallAccess(actor: Actor, action: CallPolicyAction, call?: Parties): void {
  if (canCall(actor, action, call)) return;
  if (action === 'acknowledge' && actor.kind === 'system') {
    throw new AppError('CALL_HUMAN_ACK_REQUIRED', { details: { action } });
  }
  throw new AppError('CALL_FORBIDDEN', { details: { action, actorKind: actor.kind, partyId: actor.partyId } });
}
