// The tail of every use case that changes a record: inside the same transaction, one audit entry
// and one history row per domain event, so the audit log and the record's history never disagree.
import type { Actor } from '../../domain/shared/actor.js';
import { actorLabel } from '../../domain/shared/actor.js';
import { appendAuditMany } from '../../audit/audit-log.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';

/** The common shape of the events every domain area returns from its transitions. */
export type DomainEvent = { type: string; at: string; data?: object; actorLabel?: string };

export type RecordChange = {
  actor: Actor;
  subjectType: string;
  subjectId: string;
  events: readonly DomainEvent[];
  /** Facts added to each audit entry (e.g. reference, new status). */
  auditData?: Record<string, unknown>;
};

/** Every event's audit entry and history row, in one statement (appendAuditMany writes both). */
export async function recordChange(tx: Queryable, change: RecordChange, now: Date): Promise<void> {
  if (change.events.length === 0) return;
  const audits = change.events.map((event) => ({
    actor: change.actor,
    action: `${change.subjectType}.${event.type}`,
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    data: { ...change.auditData, ...(event.data ?? {}) } as Record<string, unknown>,
  }));
  const history = change.events.map((event) => ({
    id: newId(),
    subjectType: change.subjectType,
    subjectId: change.subjectId,
    at: event.at,
    type: event.type,
    actorLabel: event.actorLabel ?? actorLabel(change.actor),
    party: change.actor.partyId,
    data: (event.data ?? {}) as Record<string, unknown>,
  }));
  await appendAuditMany(tx, audits, now, history);
}
