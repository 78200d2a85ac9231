// Use case: the report of one case, with the case page's visibility rule (caseAccess: members see
// content, admins the membership only, anyone else 404) — built from getCase, whose membership view
// is already cut down to what the page shows, so the report cannot show more.
import { buildCaseReport, type LinkedRecord } from '../../domain/report/case-report.js';
import type { ReportDocument } from '../../domain/report/report-model.js';
import { canRequest } from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { findCall } from '../../storage/repositories/call.repository.js';
import { custodyCounts } from '../../storage/repositories/report.repository.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import { getCase } from '../case/get-case.js';
import type { ServiceContext } from '../context.js';

export async function buildCaseReportFor(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
): Promise<ReportDocument> {
  const detail = await getCase(ctx, actor, caseId);
  const own = ctx.config.nodeId;
  const content = detail.content;
  // Membership only (an admin who is not a member): the cut-down record the case page shows, nothing more.
  if (detail.access !== 'full' || !content) {
    return buildCaseReport(
      { party: own, access: 'membership', record: detail.record, memberNames: detail.memberNames },
      ctx.clock(),
    );
  }
  const counts = await custodyCounts(ctx.db, caseId);
  const linked: LinkedRecord[] = [];
  for (const id of detail.record.linkedRequestIds) {
    const r = await findRequest(ctx.db, id);
    if (r && canRequest(actor, 'view', r)) {
      linked.push({
        kind: 'request',
        reference: r.reference,
        type: r.type,
        status: r.status,
        direction: r.requestingParty === own ? 'outgoing' : 'incoming',
        at: r.submittedAt ?? r.createdAt,
      });
    }
  }
  for (const id of detail.record.linkedCallIds) {
    const c = await findCall(ctx.db, id);
    if (c)
      linked.push({
        kind: 'call',
        reference: c.reference,
        type: c.topic,
        status: c.status,
        direction: c.fromParty === own ? 'outgoing' : 'incoming',
        at: c.placedAt,
      });
  }
  return buildCaseReport(
    {
      party: own,
      access: 'full',
      record: detail.record,
      memberNames: detail.memberNames,
      content: {
        observables: content.observables,
        evidence: content.evidence.map((e) => ({ ...e, custodyEvents: counts.get(e.id) ?? 0 })),
        tasks: content.tasks.map((t) => ({ ...t.record, isOverdue: t.isOverdue })),
        timeline: content.timeline,
        linked,
      },
    },
    ctx.clock(),
  );
}
