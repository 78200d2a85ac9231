// Who may do what with a request: one declarative table of action → party side and roles.
//
// Decisions (docs/spec.md §9.1 roles):
// - analyst, auditor and read_only never change a request; they may view it (restricted ones:
//   auditor only, because auditing needs it and analysts work on aggregated intelligence).
// - admin administers the node (users, keys, peers) and gets no casework rights here: separation
//   of duties. Give the same person a casework role if a small agency needs both.
// - Committing the agency (accept, decline) is for the 24/7 point of contact and supervisors;
//   recording the competent authority's approval decision is for supervisors only.
// - Routine casework (submit, acknowledge, start, deliver, renew) is open to investigators too.
// - Peer actors (messages from the other party's node) are checked for side only: their own node
//   already checked the sender's role before signing.
// - The system actor (deadline worker) never takes workflow actions; it only emits clock events.
import { AppError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import type { RequestAction, RequestRecord, RequestSide } from './types.js';

export type RequestPolicyAction = RequestAction | 'view' | 'create_draft' | 'update_draft';

export type PolicyRule = { side: RequestSide | 'either'; roles: readonly Role[] };

const CASEWORK: readonly Role[] = ['point_of_contact', 'investigator', 'supervisor'];
const DECIDERS: readonly Role[] = ['point_of_contact', 'supervisor'];

export const REQUEST_POLICY: Record<RequestPolicyAction, PolicyRule> = {
  view: {
    side: 'either',
    roles: ['point_of_contact', 'investigator', 'supervisor', 'analyst', 'auditor', 'read_only'],
  },
  create_draft: { side: 'requesting', roles: CASEWORK },
  update_draft: { side: 'requesting', roles: CASEWORK },
  submit: { side: 'requesting', roles: CASEWORK },
  provide_information: { side: 'requesting', roles: CASEWORK },
  withdraw: { side: 'requesting', roles: CASEWORK },
  renew_preservation: { side: 'requesting', roles: CASEWORK },
  acknowledge: { side: 'requested', roles: CASEWORK },
  accept: { side: 'requested', roles: DECIDERS },
  decline: { side: 'requested', roles: DECIDERS },
  request_information: { side: 'requested', roles: CASEWORK },
  request_approval: { side: 'requested', roles: CASEWORK },
  record_approval: { side: 'requested', roles: ['supervisor'] },
  start_work: { side: 'requested', roles: CASEWORK },
  partially_fulfil: { side: 'requested', roles: CASEWORK },
  fulfil: { side: 'requested', roles: CASEWORK },
  close: { side: 'either', roles: CASEWORK },
  propose_clock_override: { side: 'either', roles: DECIDERS },
  agree_clock_override: { side: 'either', roles: DECIDERS },
  reject_clock_override: { side: 'either', roles: DECIDERS },
};

/** Roles that may see restricted requests (need-to-know). */
const RESTRICTED_VIEWERS: readonly Role[] = ['point_of_contact', 'investigator', 'supervisor', 'auditor'];

type PartyPair = Pick<RequestRecord, 'requestingParty' | 'requestedParty'>;

export function sideOf(actor: Actor, r: PartyPair): RequestSide | null {
  if (actor.partyId === r.requestingParty) return 'requesting';
  if (actor.partyId === r.requestedParty) return 'requested';
  return null;
}

type Refusal = 'role' | 'side' | null;

function refusal(actor: Actor, action: RequestPolicyAction, r?: PartyPair & Partial<RequestRecord>): Refusal {
  const rule = REQUEST_POLICY[action];
  if (actor.kind === 'system') return 'role';
  if (actor.kind === 'peer' && (action === 'view' || action === 'create_draft' || action === 'update_draft'))
    return 'role';
  if (actor.kind === 'user') {
    const roles: readonly Role[] =
      action === 'view' && r?.confidentiality === 'restricted' ? RESTRICTED_VIEWERS : rule.roles;
    if (!actor.roles.some((role) => roles.includes(role))) return 'role';
  }
  if (!r) return null;
  const side = sideOf(actor, r);
  if (side === null) return 'side';
  if (rule.side !== 'either' && rule.side !== side) return 'side';
  // A draft has not been sent: the requested party does not know it exists.
  if (action === 'view' && r.status === 'draft' && side !== 'requesting') return 'side';
  return null;
}

/** Role and party-side check only; state and guards are the state machine's job. */
export function canRequest(
  actor: Actor,
  action: RequestPolicyAction,
  record?: PartyPair & Partial<RequestRecord>,
): boolean {
  return refusal(actor, action, record) === null;
}

export function requireRequestAccess(
  actor: Actor,
  action: RequestPolicyAction,
  record?: PartyPair & Partial<RequestRecord>,
): void {
  const why = refusal(actor, action, record);
  if (why === 'role') {
    throw new AppError('REQUEST_FORBIDDEN', {
      details: { action, requiredRoles: REQUEST_POLICY[action].roles, requestId: record?.id },
    });
  }
  if (why === 'side') {
    throw new AppError('REQUEST_WRONG_PARTY', {
      details: { action, requiredSide: REQUEST_POLICY[action].side, requestId: record?.id },
    });
  }
}
