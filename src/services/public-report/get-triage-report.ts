// Use case: one report as triage sees it — the story and structured fields, attachments (metadata),
// indicators, and other reports that look like the same incident.
import {
  suggestDuplicates,
  type DuplicateCandidate,
  type DuplicateScore,
  type PublicReportRecord,
  type ReportIndicator,
} from '../../domain/public-report/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import {
  findReportsByIds,
  listAttachments,
  listIndicators,
  listReportCorrelations,
  recentReports,
  reportsSharingIndicators,
  type AttachmentMeta,
  type ReportCorrelation,
  type StoredReport,
} from '../../storage/repositories/public-report.repository.js';
import { casesShownTo } from '../case/case-visibility.js';
import type { ServiceContext } from '../context.js';
import { narrativeFlags } from './narrative-indicators.js';
import { loadReport } from './report-support.js';

export type DuplicateSuggestion = DuplicateScore & { report: PublicReportRecord };
export type TriageReportView = StoredReport & {
  attachments: AttachmentMeta[];
  indicators: ReportIndicator[];
  duplicates: DuplicateSuggestion[];
  /** Other records holding the same values (correlation index), cases only when the viewer may see them. */
  correlations: ReportCorrelation[];
  /** The report this one was merged into, and the reports merged into this one. */
  duplicateOf: PublicReportRecord | null;
};

const CANDIDATE_WINDOW_DAYS = 90;
const CANDIDATE_POOL = 200;

export async function getTriageReport(ctx: ServiceContext, actor: UserActor, id: string): Promise<TriageReportView> {
  const stored = await loadReport(ctx.db, id);
  const [attachments, indicators] = await Promise.all([listAttachments(ctx.db, [id]), listIndicators(ctx.db, [id])]);
  const duplicates = await duplicateSuggestions(ctx.db, stored.record, indicators, ctx.clock());
  const original = stored.record.duplicateOf
    ? ((await findReportsByIds(ctx.db, [stored.record.duplicateOf]))[0]?.record ?? null)
    : null;
  const correlations = await visibleCorrelations(ctx.db, actor, await listReportCorrelations(ctx.db, id, 100));
  const flags = narrativeFlags(stored.record.narrative);
  const shown = indicators.map(({ reportId: _r, ...i }) => {
    const f = flags.get(`${i.type}:${i.value}`);
    return f?.length ? { ...i, flags: f } : i;
  });
  return { ...stored, attachments, indicators: shown, duplicates, duplicateOf: original, correlations };
}

/** A case the viewer may not see (the case page's rule) is not even named. */
async function visibleCorrelations(
  db: Queryable,
  actor: UserActor,
  rows: ReportCorrelation[],
): Promise<ReportCorrelation[]> {
  const caseIds = rows.filter((r) => r.sourceKind === 'case').map((r) => r.sourceId);
  const shown = caseIds.length ? await casesShownTo(db, actor, caseIds) : new Set<string>();
  return rows.filter((r) => r.sourceKind !== 'case' || shown.has(r.sourceId));
}

/** Candidates: reports sharing an indicator, plus recent reports (for near-identical stories). */
async function duplicateSuggestions(
  db: Queryable,
  report: PublicReportRecord,
  indicators: ReportIndicator[],
  now: Date,
): Promise<DuplicateSuggestion[]> {
  const since = new Date(now.getTime() - CANDIDATE_WINDOW_DAYS * 86_400_000).toISOString();
  const sharing = await reportsSharingIndicators(db, report.id, 50);
  const recent = await recentReports(db, since, CANDIDATE_POOL);
  const byId = new Map(recent.map((r) => [r.id, r]));
  for (const s of await findReportsByIds(
    db,
    sharing.filter((x) => !byId.has(x)),
  ))
    byId.set(s.record.id, s.record);
  byId.delete(report.id);
  const pool = [...byId.values()];
  const allIndicators = pool.length
    ? await listIndicators(
        db,
        pool.map((r) => r.id),
      )
    : [];
  const candidate = (r: PublicReportRecord, inds: readonly ReportIndicator[]): DuplicateCandidate => ({
    id: r.id,
    category: r.category,
    narrative: r.narrative,
    indicators: inds.map((i) => ({ type: i.type, value: i.value })),
    contacts: inds.filter((i) => i.source === 'contact').map((i) => ({ type: i.type, value: i.value })),
  });
  const target = candidate(report, indicators);
  const others = pool.map((r) =>
    candidate(
      r,
      allIndicators.filter((i) => i.reportId === r.id),
    ),
  );
  return suggestDuplicates(target, others).map((s) => ({ ...s, report: byId.get(s.id)! }));
}
