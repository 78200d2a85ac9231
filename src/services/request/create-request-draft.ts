// Use case: an officer starts a request to another party as a draft (incomplete is fine until submit).
import type { ValidationIssue } from '../../error-types.js';
import {
  createRequestDraft,
  validateRequestContent,
  type RequestRecord,
  type TCreateRequestDraft,
} from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import { nextReference } from '../../storage/repositories/counter.repository.js';
import type { ServiceContext } from '../context.js';
import { presentRequest, type PresentedRequest } from './present-request.js';
import { ownPartyError, saveRequestChange } from './request-support.js';

export type DraftCreated = { record: RequestRecord; presented: PresentedRequest & { issues: ValidationIssue[] } };

export async function createDraftRequest(
  ctx: ServiceContext,
  actor: UserActor,
  input: TCreateRequestDraft,
): Promise<PresentedRequest & { issues: ValidationIssue[] }> {
  const now = ctx.clock();
  // Group commit: concurrent creates all take the reference counter and the audit head, so they share
  // one transaction and one flush instead of committing one after the other (storage/group-commit.ts).
  return ctx.db.groupTransaction(async (tx) => (await insertDraftRequest(tx, ctx, actor, input, now)).presented);
}

/** The draft-creating step inside a caller's transaction (also used to turn a call into a request). */
export async function insertDraftRequest(
  tx: Queryable,
  ctx: ServiceContext,
  actor: UserActor,
  input: TCreateRequestDraft,
  now: Date,
  marks: { exerciseId?: string } = {},
): Promise<DraftCreated> {
  if (input.requestedParty === ctx.config.nodeId) throw ownPartyError();
  // Exercise records take their own series (CN-DEMO-EX-REQ-2026-0001): a real reference is never used up by a drill.
  const reference = await nextReference(tx, ctx.config.nodeId, marks.exerciseId ? 'EX-REQ' : 'REQ', now);
  // Approval is the requested party's law: its node sets the flag when the request arrives.
  const draft = createRequestDraft({ id: newId(), reference }, input, actor, now, false);
  // An exercise inject marks its request from the start, so it never shows in real lists.
  const record: RequestRecord = marks.exerciseId ? { ...draft.record, exerciseId: marks.exerciseId } : draft.record;
  const { events } = draft;
  await saveRequestChange(tx, ctx, actor, null, record, events, now);
  // What still blocks submission, so the form can show it next to each field.
  return {
    record,
    presented: { ...presentRequest(ctx, record, actor, now), issues: validateRequestContent(record, now, 'submit') },
  };
}
