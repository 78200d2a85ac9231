// Use case: the statistics report of a period, for all peers or one (docs/spec.md §10.4). Counts are
// grouped in SQL; percentiles and SLA outcomes are computed by the pure report domain.
import { buildPeriodReport, type PreservationFact } from '../../domain/report/period-report.js';
import type { ReportPeriod } from '../../domain/report/period.js';
import type { ReportDocument } from '../../domain/report/report-model.js';
import { canRequest } from '../../domain/request/index.js';
import {
  callTimings,
  countCalls,
  countCases,
  countRequests,
  openPreservations,
  peerNames,
  requestTimings,
} from '../../storage/repositories/report.repository.js';
import type { ServiceContext } from '../context.js';
import { periodExerciseResults } from './exercise-section.js';
import type { ReportViewer } from './report-viewer.js';

export type PeriodReportQuery = { period: ReportPeriod; peer: string | null };

export async function buildPeriodStatistics(
  ctx: ServiceContext,
  viewer: ReportViewer,
  q: PeriodReportQuery,
): Promise<ReportDocument> {
  const own = ctx.config.nodeId;
  const scope = { ownParty: own, from: q.period.from, to: q.period.to, peer: q.peer };
  const [requestCounts, timings, callCounts, calls, cases, preservations, names, exercises] = await Promise.all([
    countRequests(ctx.db, scope),
    requestTimings(ctx.db, scope),
    countCalls(ctx.db, scope),
    callTimings(ctx.db, scope),
    countCases(ctx.db, scope),
    openPreservations(ctx.db, q.peer),
    peerNames(ctx.db),
    periodExerciseResults(ctx, q.period, q.peer),
  ]);
  // Counts are aggregates; the expiry list names requests, so it keeps to those the viewer may open.
  const visible =
    viewer.kind === 'operator' ? preservations : preservations.filter((r) => canRequest(viewer.actor, 'view', r));
  const facts: PreservationFact[] = visible.map((r) => ({
    reference: r.reference,
    direction: r.requestingParty === own ? 'outgoing' : 'incoming',
    counterpart: r.requestingParty === own ? r.requestedParty : r.requestingParty,
    status: r.status,
    expiresAt: r.clocks.preservationExpiresAt as string,
    renewalCount: r.clocks.renewalCount,
  }));
  return buildPeriodReport(
    {
      party: own,
      peer: q.peer,
      peerNames: names,
      requestCounts,
      requestTimings: timings,
      callCounts,
      callTimings: calls,
      caseCounts: cases.counts,
      caseTotal: cases.total,
      preservations: facts,
      exercises,
    },
    q.period,
    ctx.clock(),
  );
}
