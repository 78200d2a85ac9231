// Use cases: list the requests a user may see, and read one with its history.
import type { Bilingual } from '../../error-types.js';
import { AppError } from '../../errors.js';
import {
  canRequest,
  expectedStep,
  REQUEST_STATUSES,
  requireRequestAccess,
  type RequestStatus,
} from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { listRecordEvents, type RecordEventRow } from '../../storage/repositories/record-event.repository.js';
import { listRecordDeliveries, type RecordDelivery } from '../../storage/repositories/record-message.repository.js';
import { findRequest, listRequests, type RequestFilter } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { findPeer, type PeerRow } from '../../storage/repositories/peer.repository.js';
import { outboxSeqs } from '../../storage/repositories/request-links.repository.js';
import { refusalReason } from '../federation/refusal-reason.js';
import { inspectReceipt, receiptMessageIds, type ReceiptView } from './receipt-view.js';
import { presentRequest, type PresentedRequest } from './present-request.js';
import { REQUEST_SUBJECT } from './request-support.js';

/** `mine`: only those whose expected next step this user may take now (nextAction set). */
export type RequestListQuery = Omit<RequestFilter, 'ownParty' | 'excludeDraftsOfOthers'> & {
  overdue?: boolean;
  mine?: boolean;
};

const STEP_EXPECTED: RequestStatus[] = REQUEST_STATUSES.filter(
  (s) => expectedStep({ status: s, approvalRequired: false, approval: null }) !== null,
);

export async function listVisibleRequests(
  ctx: ServiceContext,
  actor: UserActor,
  q: RequestListQuery,
): Promise<PresentedRequest[]> {
  const now = ctx.clock();
  // "Mine" looks only where a step is still expected, so finished requests do not fill the page.
  const status = q.mine && !q.status?.length ? STEP_EXPECTED : q.status;
  const rows = await listRequests(ctx.db, { ...q, status, ownParty: ctx.config.nodeId, excludeDraftsOfOthers: true });
  const visible = rows.filter((r) => canRequest(actor, 'view', r)).map((r) => presentRequest(ctx, r, actor, now));
  return visible.filter(
    (r) => (!q.overdue || r.clock.ackOverdue || r.clock.responseOverdue) && (!q.mine || r.nextAction !== null),
  );
}

export type RequestHistoryEntry = Pick<RecordEventRow, 'at' | 'type' | 'actorLabel' | 'party' | 'data'> & {
  auditSeq: number | null;
};

export async function getRequest(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
): Promise<PresentedRequest & { history: RequestHistoryEntry[] }> {
  const record = await findRequest(ctx.db, id);
  if (!record) throw new AppError('REQUEST_NOT_FOUND', { details: { id } });
  requireRequestAccess(actor, 'view', record);
  const events = await listRecordEvents(ctx.db, REQUEST_SUBJECT, [id]);
  return {
    ...presentRequest(ctx, record, actor, ctx.clock()),
    history: events.map((e) => ({
      at: e.at,
      type: e.type,
      actorLabel: e.actorLabel,
      party: e.party,
      data: e.data,
      auditSeq: e.auditSeq,
    })),
  };
}

export type RequestDeliveryView = Omit<RecordDelivery, 'receipt'> & {
  reason: Bilingual | null;
  receipt: ReceiptView | null;
};

/**
 * Every federation message sent about the request, with its delivery state and signed receipt
 * (decoded and verified now against the peer's stored card, receipt-view.ts); a message the other
 * node refused carries the meaning of its code (`reason`, en + zh) when known.
 */
export async function getRequestDeliveries(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
): Promise<RequestDeliveryView[]> {
  const record = await findRequest(ctx.db, id);
  if (!record) throw new AppError('REQUEST_NOT_FOUND', { details: { id } });
  requireRequestAccess(actor, 'view', record);
  const deliveries = await listRecordDeliveries(ctx.db, REQUEST_SUBJECT, id);
  const peers = new Map<string, PeerRow | null>();
  for (const p of new Set(deliveries.map((d) => d.peer))) peers.set(p, await findPeer(ctx.db, p));
  const named = deliveries.flatMap((d) => (d.receipt ? receiptMessageIds(d.receipt.jws) : []));
  const seqs = await outboxSeqs(ctx.db, named);
  return deliveries.map((d) => ({
    ...d,
    reason: refusalReason(d.code),
    receipt: d.receipt
      ? inspectReceipt(d.receipt, peers.get(d.peer) ?? null, { from: d.peer, to: ctx.config.nodeId, mid: d.mid }, seqs)
      : null,
  }));
}
