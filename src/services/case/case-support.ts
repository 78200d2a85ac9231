// Shared steps of the case use cases: load a case the actor may know of, save it, and write the
// audit entry + timeline row for every domain event in the same transaction.
//
// Visibility decision (domain caseAccess, the one rule of every read path): a case exists, for a
// given user, only if they may view it (members) or manage its membership (admins). Everyone else
// gets CASE_NOT_FOUND (404), the same answer as for a case that does not exist, so ids cannot be
// probed. A user who may know of the case but not do something on it (a viewer editing, an admin
// reading content) gets the domain's CASE_FORBIDDEN (403): they already know it exists.
import { AppError } from '../../errors.js';
import type { CaseAction, CaseDomainEvent, CaseRecord, CaseRole } from '../../domain/case/index.js';
import { allowedCaseActions, caseAccess, memberOf } from '../../domain/case/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import { findCase, insertCase, updateCase } from '../../storage/repositories/case.repository.js';
import { recordChange } from '../shared/record-change.js';
import { indexSearchDocument } from '../search/index-search-document.js';
import { caseDocument } from '../search/search-documents.js';
import { membershipRecord, type CaseMembershipRecord } from './case-visibility.js';

export const CASE_SUBJECT = 'case';

export function mayKnowCase(actor: Actor, kase: CaseRecord): boolean {
  return caseAccess(actor, kase) !== 'none';
}

/** The case, if this actor may know it exists; CASE_NOT_FOUND otherwise. */
export async function loadCase(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<CaseRecord> {
  const kase = await findCase(db, id, forUpdate);
  if (!kase || !mayKnowCase(actor, kase)) throw new AppError('CASE_NOT_FOUND', { details: { id } });
  return kase;
}

/** Inside one transaction: one audit entry and one timeline row per event, all under the case. */
export async function recordCaseEvents(
  tx: Queryable,
  actor: Actor,
  kase: CaseRecord,
  events: readonly CaseDomainEvent[],
  now: Date,
): Promise<void> {
  if (events.length === 0) return;
  await recordChange(
    tx,
    {
      actor,
      subjectType: CASE_SUBJECT,
      subjectId: kase.id,
      // `case.created` is stored as `created` (audit action `case.created`); other areas keep their prefix.
      events: events.map((e) => ({ type: e.type.replace(/^case\./, ''), at: e.at, data: e.data, actorLabel: e.actor })),
      auditData: { reference: kase.reference },
    },
    now,
  );
}

/** Reverses the prefix stripping of recordCaseEvents when the timeline is read back. */
export function eventTypeOf(storedType: string): CaseDomainEvent['type'] {
  return (storedType.includes('.') ? storedType : `case.${storedType}`) as CaseDomainEvent['type'];
}

/** Persists the new record (insert when `before` is null) with its events. */
export async function saveCaseChange(
  tx: Queryable,
  actor: Actor,
  before: CaseRecord | null,
  after: CaseRecord,
  events: readonly CaseDomainEvent[],
  now: Date,
): Promise<void> {
  if (before === after) return;
  if (before) await updateCase(tx, after, before.version);
  else await insertCase(tx, after);
  await recordCaseEvents(tx, actor, after, events, now);
  await indexSearchDocument(tx, caseDocument(after));
}

/**
 * What a viewer may know of a case: all of it (members), or its membership only (admins) — then the
 * record itself is cut down to that (membershipRecord), so no caller (page, list, report, export)
 * can show more than the page does by reading a field it should not.
 */
export type CaseView = {
  myRole: CaseRole | null;
  allowedActions: CaseAction[];
} & ({ access: 'full'; record: CaseRecord } | { access: 'membership'; record: CaseMembershipRecord });

export function viewCase(kase: CaseRecord, actor: Actor): CaseView {
  const common = {
    myRole: actor.kind === 'user' ? (memberOf(kase, actor.userId)?.caseRole ?? null) : null,
    allowedActions: allowedCaseActions(kase, actor),
  };
  return caseAccess(actor, kase) === 'full'
    ? { ...common, access: 'full', record: kase }
    : { ...common, access: 'membership', record: membershipRecord(kase) };
}
