// Use cases: list the requests a user may see, and read one with its history.
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
import { findRequest, listRequests, type RequestFilter } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { recordDeliveryViews, type RecordDeliveryView } from '../federation/record-deliveries.js';
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

export type RequestDeliveryView = RecordDeliveryView;

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
  return recordDeliveryViews(ctx, REQUEST_SUBJECT, id);
}
