// Use case: the cases a user may see (members) or manage the membership of (admins), newest change first.
import { canCase, type CaseStatus, type CrimeCategory } from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { listCases as queryCases } from '../../storage/repositories/case.repository.js';
import type { ServiceContext } from '../context.js';
import { mayKnowCase, viewCase, type CaseView } from './case-support.js';

export type CaseListQuery = {
  status?: CaseStatus[];
  category?: CrimeCategory[];
  q?: string;
  /** Only the cases I lead. */
  mine?: boolean;
  limit: number;
  offset: number;
};

export async function listCases(ctx: ServiceContext, actor: UserActor, q: CaseListQuery): Promise<CaseView[]> {
  // Membership is filtered in SQL so pages are full; only admins manage membership without being members.
  const seesAll = canCase(actor, 'manage_members');
  const rows = await queryCases(ctx.db, {
    status: q.status,
    category: q.category,
    q: q.q,
    limit: q.limit,
    offset: q.offset,
    memberId: seesAll ? undefined : actor.userId,
    leadId: q.mine ? actor.userId : undefined,
  });
  return rows.filter((k) => mayKnowCase(actor, k)).map((k) => viewCase(k, actor));
}
