// Use cases: list the requests a user may see, and read one with its history.
import type { Bilingual } from '../../error-types.js';
import { AppError } from '../../errors.js';
import { canRequest, requireRequestAccess } from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { listRecordEvents, type RecordEventRow } from '../../storage/repositories/record-event.repository.js';
import { listRecordDeliveries, type RecordDelivery } from '../../storage/repositories/record-message.repository.js';
import { findRequest, listRequests, type RequestFilter } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { refusalReason } from '../federation/refusal-reason.js';
import { presentRequest, type PresentedRequest } from './present-request.js';
import { REQUEST_SUBJECT } from './request-support.js';

export type RequestListQuery = Omit<RequestFilter, 'ownParty' | 'excludeDraftsOfOthers'> & { overdue?: boolean };

export async function listVisibleRequests(ctx: ServiceContext, actor: UserActor, q: RequestListQuery): Promise<PresentedRequest[]> {
  const now = ctx.clock();
  const rows = await listRequests(ctx.db, { ...q, ownParty: ctx.config.nodeId, excludeDraftsOfOthers: true });
  const visible = rows.filter((r) => canRequest(actor, 'view', r)).map((r) => presentRequest(ctx, r, actor, now));
  return q.overdue ? visible.filter((r) => r.clock.ackOverdue || r.clock.responseOverdue) : visible;
}

export type RequestHistoryEntry = Pick<RecordEventRow, 'at' | 'type' | 'actorLabel' | 'party' | 'data'> & { auditSeq: number | null };

export async function getRequest(ctx: ServiceContext, actor: UserActor, id: string): Promise<PresentedRequest & { history: RequestHistoryEntry[] }> {
  const record = await findRequest(ctx.db, id);
  if (!record) throw new AppError('REQUEST_NOT_FOUND', { details: { id } });
  requireRequestAccess(actor, 'view', record);
  const events = await listRecordEvents(ctx.db, REQUEST_SUBJECT, [id]);
  return {
    ...presentRequest(ctx, record, actor, ctx.clock()),
    history: events.map((e) => ({ at: e.at, type: e.type, actorLabel: e.actorLabel, party: e.party, data: e.data, auditSeq: e.auditSeq })),
  };
}

/**
 * Every federation message sent about the request, with its delivery state and signed receipt; a
 * message the other node refused carries the meaning of its code (`reason`, en + zh) when known.
 */
export async function getRequestDeliveries(ctx: ServiceContext, actor: UserActor, id: string): Promise<(RecordDelivery & { reason: Bilingual | null })[]> {
  const record = await findRequest(ctx.db, id);
  if (!record) throw new AppError('REQUEST_NOT_FOUND', { details: { id } });
  requireRequestAccess(actor, 'view', record);
  return (await listRecordDeliveries(ctx.db, REQUEST_SUBJECT, id)).map((d) => ({ ...d, reason: refusalReason(d.code) }));
}
