// Use case: the case timeline, read back from the history rows written with every change and
// turned into bilingual one-liners by the domain (names instead of user ids where known).
import {
  requireCaseAccess,
  timelineEntry,
  type CaseDomainEvent,
  type CaseRecord,
  type TimelineEntry,
} from '../../domain/case/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import { listRecordEvents } from '../../storage/repositories/record-event.repository.js';
import { findUserById } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { CASE_SUBJECT, eventTypeOf, loadCase } from './case-support.js';

export async function caseTimeline(db: Queryable, kase: CaseRecord): Promise<TimelineEntry[]> {
  const rows = await listRecordEvents(db, CASE_SUBJECT, [kase.id]);
  const events: CaseDomainEvent[] = rows.map((r) => ({
    type: eventTypeOf(r.type),
    at: r.at,
    actor: r.actorLabel,
    actorId: '',
    data: { ...r.data, caseId: kase.id },
  }));
  const names = await userNames(db, [
    ...kase.members.map((m) => m.userId),
    ...events.flatMap((e) => [e.data.userId, e.type === 'task.reassigned' ? e.data.to : undefined]),
  ]);
  return events.map((e) => timelineEntry(e, { user: (id) => names.get(id) }));
}

async function userNames(db: Queryable, ids: readonly unknown[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids.filter((x): x is string => typeof x === 'string'))) {
    const user = await findUserById(db, id);
    if (user) names.set(id, user.displayName);
  }
  return names;
}

export async function getCaseTimeline(ctx: ServiceContext, actor: Actor, id: string): Promise<TimelineEntry[]> {
  const kase = await loadCase(ctx.db, actor, id);
  requireCaseAccess(actor, 'view', kase);
  return caseTimeline(ctx.db, kase);
}
