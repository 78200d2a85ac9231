// Use case: the report of one request — its step history, deadlines met or missed and the
// federation deliveries with receipts — under the request's own view policy (getRequest).
import { buildRequestReport } from '../../domain/report/request-report.js';
import type { ReportDocument } from '../../domain/report/report-model.js';
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { getRequest, getRequestDeliveries } from '../request/read-requests.js';

export async function buildRequestReportFor(
  ctx: ServiceContext,
  actor: UserActor,
  requestId: string,
): Promise<ReportDocument> {
  const view = await getRequest(ctx, actor, requestId);
  const [record, deliveries] = await Promise.all([
    findRequest(ctx.db, requestId),
    getRequestDeliveries(ctx, actor, requestId),
  ]);
  if (!record) throw new AppError('REQUEST_NOT_FOUND', { details: { id: requestId } });
  return buildRequestReport(
    {
      party: ctx.config.nodeId,
      record,
      history: view.history.map((h) => ({ at: h.at, type: h.type, actorLabel: h.actorLabel, party: h.party })),
      deliveries: deliveries.map((d) => ({
        type: d.type,
        peer: d.peer,
        state: d.state,
        result: d.result,
        sentAt: d.sentAt,
        receiptAt: d.receipt?.receivedAt ?? null,
      })),
    },
    ctx.clock(),
  );
}
