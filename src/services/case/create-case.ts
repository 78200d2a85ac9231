// Use case: an officer opens a case; they become its lead, and may add members and links at once.
import {
  createCase as buildCaseRecord,
  type CaseRecord,
  type TCaseMember,
  type TCreateCase,
} from '../../domain/case/index.js';
import type { Queryable } from '../../storage/db.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { validationError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { nextReference } from '../../storage/repositories/counter.repository.js';
import type { ServiceContext } from '../context.js';
import { saveCaseChange, viewCase, type CaseView } from './case-support.js';
import { linkIssues, memberRoles, requireFreeReference } from './case-references.js';

export type CreateCaseRequest = TCreateCase & { members?: TCaseMember[] };

export async function createCase(ctx: ServiceContext, actor: UserActor, input: CreateCaseRequest): Promise<CaseView> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => viewCase(await insertCase(tx, ctx, actor, input, now), actor));
}

/** The case-opening step inside a caller's transaction (also used to turn a call into a case). */
export async function insertCase(
  tx: Queryable,
  ctx: ServiceContext,
  actor: UserActor,
  input: CreateCaseRequest,
  now: Date,
): Promise<CaseRecord> {
  {
    const issues = await linkIssues(tx, { requestIds: input.linkedRequestIds, callIds: input.linkedCallIds });
    if (issues.length) throw validationError(issues, 'CASE_INVALID');
    await requireFreeReference(tx, input.reference, '');
    const members = [];
    for (const [i, m] of (input.members ?? []).entries()) {
      members.push({ ...m, userRoles: await memberRoles(tx, m.userId, `members.${i}.userId`) });
    }
    const id = newId();
    // Taken only when needed, so an agency's own file numbers do not leave gaps in ours.
    const generatedReference = input.reference?.trim() ? '' : await nextReference(tx, ctx.config.nodeId, 'CASE', now);
    const { record, events } = buildCaseRecord({ ...input, members }, actor, now, {
      id,
      generatedReference,
      localParty: ctx.config.nodeId,
    });
    await saveCaseChange(tx, actor, null, record, events, now);
    return record;
  }
}
