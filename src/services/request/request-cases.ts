// Use cases: the cases linked to a request (what the request page lists), and the request's case
// for an officer — the linked case they work on, or a new one opened from the request in one step
// (title from the subject, its crime category, the other party participating, linked to it), so
// evidence answering a request always has a case to live in.
//
// A linked case the officer may not edit (or that is closed) is not reused: opening a second case
// is better than refusing an officer under time pressure, and both stay linked to the request.
import { canCase, CASE_LIMITS, type CaseRecord, type CaseStatus } from '../../domain/case/index.js';
import { requireRequestAccess, type RequestRecord } from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Bilingual } from '../../error-types.js';
import { AppError } from '../../errors.js';
import type { Queryable } from '../../storage/db.js';
import { casesLinkedToRequest } from '../../storage/repositories/request-links.repository.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { mayKnowCase } from '../case/case-support.js';
import { insertCase } from '../case/create-case.js';
import { seesCaseContent } from '../case/case-visibility.js';
import { counterpartOf } from './request-support.js';

export type RequestCase = {
  id: string;
  reference: string;
  status: CaseStatus;
  /** Null when the viewer sees the membership only (an admin who is not a member). */
  title: Bilingual | null;
  /** The viewer may add evidence to it (an editing member of an open case). */
  mayAddEvidence: boolean;
};

async function loadVisibleRequest(db: Queryable, user: UserActor, id: string): Promise<RequestRecord> {
  const r = await findRequest(db, id);
  if (!r) throw new AppError('REQUEST_NOT_FOUND', { details: { id } });
  requireRequestAccess(user, 'view', r);
  return r;
}

function mayAddEvidence(user: UserActor, k: CaseRecord): boolean {
  return k.status !== 'closed' && canCase(user, 'edit', k);
}

function present(user: UserActor, k: CaseRecord): RequestCase {
  return {
    id: k.id,
    reference: k.reference,
    status: k.status,
    title: seesCaseContent(user, k) ? k.title : null,
    mayAddEvidence: mayAddEvidence(user, k),
  };
}

/** The linked cases this user may know of (members; admins see the membership only). */
export async function listRequestCases(
  ctx: ServiceContext,
  user: UserActor,
  requestId: string,
): Promise<RequestCase[]> {
  await loadVisibleRequest(ctx.db, user, requestId);
  return (await casesLinkedToRequest(ctx.db, requestId))
    .filter((k) => mayKnowCase(user, k))
    .map((k) => present(user, k));
}

/** The linked case this user can add evidence to, opened from the request when there is none. */
export async function openRequestCase(
  ctx: ServiceContext,
  user: UserActor,
  requestId: string,
): Promise<{ case: RequestCase; opened: boolean }> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const r = await loadVisibleRequest(tx, user, requestId);
    const usable = (await casesLinkedToRequest(tx, requestId)).find((k) => mayAddEvidence(user, k));
    if (usable) return { case: present(user, usable), opened: false };
    const kase = await insertCase(
      tx,
      ctx,
      user,
      {
        title: caseTitle(r),
        summary: { en: `Opened for request ${r.reference}.`, zh: `为协助请求 ${r.reference} 立案。` },
        crimeCategories: [r.crimeCategory ?? 'other'],
        participatingParties: [counterpartOf(r, ctx.config.nodeId)],
        // Every case is for its members only. On the requested side the case exists to answer the
        // requester, and a restricted case could be sent only by a supervisor, so the officer who may
        // fulfil could not answer from it; on the requesting side a confidential request's case is restricted.
        confidentiality:
          r.requestingParty === ctx.config.nodeId && r.confidentiality !== 'normal' ? 'restricted' : 'normal',
        linkedRequestIds: [r.id],
      },
      now,
    );
    return { case: present(user, kase), opened: true };
  });
}

/** The request's subject as the case title, each language falling back to the other. */
function caseTitle(r: RequestRecord): Bilingual {
  const cut = (s: string) => s.trim().slice(0, CASE_LIMITS.titleChars);
  const en = cut(r.subject.en) || cut(r.subject.zh) || r.reference;
  const zh = cut(r.subject.zh) || en;
  return { en, zh };
}
