// Use case: what a request's page shows of its evidence — on the requesting side what arrived, on the
// requested side what was filed for it and what was sent — each item with its case, its SHA-256 as
// the sender declared it and as this node computed it on receipt, and whether it was sent yet.
//
// Items live in cases, so the case rule decides (caseAccess 'full' + TLP on view, as on the case
// page): an item in a case this user is not a member of is not shown, only counted, because the
// request's history already says how many items each step delivered.
import type { EvidenceReceipt, EvidenceRecord } from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Bilingual } from '../../error-types.js';
import { AppError } from '../../errors.js';
import { requireRequestAccess } from '../../domain/request/index.js';
import { findCasesByIds } from '../../storage/repositories/case.repository.js';
import { listRecordEvents } from '../../storage/repositories/record-event.repository.js';
import { evidenceForRequest } from '../../storage/repositories/request-links.repository.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { isEvidenceVisible, seesCaseContent } from '../case/case-visibility.js';
import { REQUEST_SUBJECT } from './request-support.js';

export type RequestEvidenceItem = {
  evidence: EvidenceRecord;
  case: { id: string; reference: string; title: Bilingual };
  /** received: arrived from the other party; sent: named by one of our (partial) fulfilments; ready: filed here, not sent yet. */
  state: 'received' | 'sent' | 'ready';
  /** For a received item: the sender's declared SHA-256 and the one computed here (equal, or it was refused). */
  received: EvidenceReceipt | null;
};

export type RequestEvidence = { items: RequestEvidenceItem[]; notShown: number };

const DELIVERING = new Set(['fulfilled', 'partially_fulfilled']);

export async function listRequestEvidence(
  ctx: ServiceContext,
  user: UserActor,
  requestId: string,
): Promise<RequestEvidence> {
  const request = await findRequest(ctx.db, requestId);
  if (!request) throw new AppError('REQUEST_NOT_FOUND', { details: { id: requestId } });
  requireRequestAccess(user, 'view', request);
  const delivered = new Set<string>();
  for (const e of await listRecordEvents(ctx.db, REQUEST_SUBJECT, [requestId])) {
    if (!DELIVERING.has(e.type) || !Array.isArray(e.data.evidenceIds)) continue;
    for (const id of e.data.evidenceIds) if (typeof id === 'string') delivered.add(id);
  }
  const all = await evidenceForRequest(ctx.db, requestId, [...delivered]);
  const cases = new Map(
    (
      await findCasesByIds(
        ctx.db,
        all.map((e) => e.caseId),
      )
    ).map((k) => [k.id, k]),
  );
  const local = ctx.config.nodeId;
  const outgoing = request.requestingParty === local;
  const items: RequestEvidenceItem[] = [];
  for (const e of all) {
    const kase = cases.get(e.caseId);
    if (!kase || !seesCaseContent(user, kase) || !isEvidenceVisible(local, e)) continue;
    // On the requesting side every item of the request is an answer that arrived.
    const state = outgoing ? 'received' : delivered.has(e.id) ? 'sent' : 'ready';
    items.push({
      evidence: e,
      case: { id: kase.id, reference: kase.reference, title: kase.title },
      state,
      received: e.received ?? null,
    });
  }
  const shown = new Set(items.map((i) => i.evidence.id));
  return { items, notShown: [...delivered].filter((id) => !shown.has(id)).length };
}
