// Route permissions per call action, intersected with the domain's call policy: the policy says
// which side and role may act, the node's permission table (docs/spec.md §9.1) may narrow it further.
import { AppError } from '../../errors.js';
import type { CallAction, CallRecord } from '../../domain/call/index.js';
import { allowedCallActions } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Permission } from '../../domain/user/permissions.js';
import { rolesHave } from '../../domain/user/permissions.js';

/** Acknowledging and escalating are the duty desk's (call:ack); a note is open to any reader the policy admits. */
export const CALL_ACTION_PERMISSION: Readonly<Record<CallAction, Permission>> = {
  deliver: 'call:place',
  acknowledge: 'call:ack',
  escalate: 'call:ack',
  answer: 'call:place',
  close: 'call:place',
  cancel: 'call:place',
  note: 'call:read',
  callback_attempt: 'call:place',
  link_request: 'call:place',
  link_case: 'call:place',
};

/** Peers and the node's own automation are governed by the domain policy alone. */
export function hasCallPermission(actor: Actor, permission: Permission): boolean {
  return actor.kind !== 'user' || rolesHave(actor.roles, permission);
}

export function requireCallPermission(actor: Actor, permission: Permission, action: string): void {
  if (!hasCallPermission(actor, permission)) {
    throw new AppError('CALL_FORBIDDEN', { details: { action, permission } });
  }
}

/** What the UI may offer: allowed by state, policy, clock and the actor's permissions. */
export function permittedCallActions(call: CallRecord, actor: Actor, now: Date): CallAction[] {
  return allowedCallActions(call, actor, now).filter((a) => hasCallPermission(actor, CALL_ACTION_PERMISSION[a]));
}
