// The event shape every case-area transition returns; the service turns events into audit
// entries, timeline rows (see timeline.ts) and federation messages.
import type { Actor } from '../shared/actor.js';
import { actorLabel } from '../shared/actor.js';

export type CaseEventType =
  | 'case.created'
  | 'case.activated'
  | 'case.suspended'
  | 'case.resumed'
  | 'case.closed'
  | 'case.reopened'
  | 'case.updated'
  | 'case.member_added'
  | 'case.member_removed'
  | 'case.member_role_changed'
  | 'case.request_linked'
  | 'case.request_unlinked'
  | 'case.call_linked'
  | 'case.call_unlinked'
  | 'case.party_added'
  | 'case.party_removed'
  | 'case.shared'
  | 'case.share_received'
  | 'observable.added'
  | 'observable.merged'
  | 'evidence.added'
  | 'evidence.custody'
  | 'evidence.received'
  | 'task.created'
  | 'task.started'
  | 'task.completed'
  | 'task.cancelled'
  | 'task.reopened'
  | 'task.reassigned'
  | 'task.rescheduled'
  | 'task.updated';

export type CaseDomainEvent = {
  type: CaseEventType;
  /** ISO-8601 UTC. */
  at: string;
  /** Display label of who acted (user name, `peer:<party>`, `system`). */
  actor: string;
  /** Stable id of who acted: user id, peer party id or `system`. */
  actorId: string;
  data: Record<string, unknown> & { caseId: string };
};

export function actorId(actor: Actor): string {
  if (actor.kind === 'user') return actor.userId;
  if (actor.kind === 'peer') return `peer:${actor.partyId}`;
  return 'system';
}

export function makeEvent(
  type: CaseEventType,
  actor: Actor,
  now: Date,
  data: CaseDomainEvent['data'],
): CaseDomainEvent {
  return { type, at: now.toISOString(), actor: actorLabel(actor), actorId: actorId(actor), data };
}
