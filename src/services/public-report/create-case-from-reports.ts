// Use case: triage turns one or more reports into a case in one action (docs/spec.md §6.2). In one
// transaction: the case (actor as lead), the reports' indicators as observables, their screenshots
// as evidence with a signed `collected` custody event, and the reports set to forwarded with the
// case link. Evidence objects are written before commit and removed again if anything fails.
import {
  addObservables,
  createEvidenceRecord,
  evidenceStorageKey,
  recordCustody,
  sealEvidence,
  type CaseRecord,
} from '../../domain/case/index.js';
import {
  markForwarded,
  REPORT_CATEGORY_LABELS,
  type PublicReportRecord,
  type ReportCategory,
} from '../../domain/public-report/index.js';
import type { CrimeCategory } from '../../domain/shared/crime-categories.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Bilingual } from '../../error-types.js';
import { AppError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import { objectStoreFor } from '../../storage/object-store/object-store-for.js';
import { insertObservable } from '../../storage/repositories/case-observable.repository.js';
import { insertCustodyEvent, insertEvidence } from '../../storage/repositories/evidence.repository.js';
import {
  findReportsByIds,
  listIndicators,
  loadAttachments,
} from '../../storage/repositories/public-report.repository.js';
import type { ServiceContext } from '../context.js';
import { recordCaseEvents } from '../case/case-support.js';
import { insertCase } from '../case/create-case.js';
import { openAttachment } from './download-report-attachment.js';
import { saveReportChange } from './report-support.js';

export type CaseFromReports = { reportIds: string[]; title?: Bilingual; crimeCategory?: CrimeCategory };
export type CaseFromReportsResult = {
  kase: CaseRecord;
  reports: PublicReportRecord[];
  observables: number;
  evidence: number;
};

const CRIME_OF: Record<ReportCategory, CrimeCategory> = {
  fraud: 'online_fraud',
  illegal_content: 'other',
  other: 'other',
};

export async function createCaseFromReports(
  ctx: ServiceContext,
  actor: UserActor,
  input: CaseFromReports,
): Promise<CaseFromReportsResult> {
  const now = ctx.clock();
  const ids = [...new Set(input.reportIds)];
  const written: string[] = [];
  try {
    return await ctx.db.transaction(async (tx) => {
      const stored = await findReportsByIds(tx, ids, true);
      const missing = ids.filter((id) => !stored.some((s) => s.record.id === id));
      if (missing.length) throw new AppError('PUBLIC_REPORT_NOT_FOUND', { details: { ids: missing } });
      const reports = stored.map((s) => s.record);
      // Every report must be able to move to forwarded before anything is created.
      const forwarded = stored.map((s) => ({ s, change: markForwarded(s.record, 'pending', now) }));
      const kase = await insertCase(
        tx,
        ctx,
        actor,
        {
          title: input.title ?? defaultTitle(reports),
          summary: summaryOf(reports),
          crimeCategories: [input.crimeCategory ?? CRIME_OF[reports[0]!.category]],
        },
        now,
      );
      const observables = await addReportObservables(tx, ctx, actor, kase, reports, now);
      const evidence = await addReportEvidence(tx, ctx, actor, kase, reports, now, written);
      const out: PublicReportRecord[] = [];
      for (const { s } of forwarded) {
        const { record, events } = markForwarded(s.record, kase.id, now);
        await saveReportChange(tx, actor, s, record, events, now);
        out.push(record);
      }
      return { kase, reports: out, observables, evidence };
    });
  } catch (e) {
    const store = objectStoreFor(ctx.config);
    await Promise.all(written.map((key) => store.remove(key).catch(() => undefined)));
    throw e;
  }
}

async function addReportObservables(
  tx: Queryable,
  ctx: ServiceContext,
  actor: UserActor,
  kase: CaseRecord,
  reports: PublicReportRecord[],
  now: Date,
): Promise<number> {
  const indicators = await listIndicators(
    tx,
    reports.map((r) => r.id),
  );
  if (!indicators.length) return 0;
  const receiptOf = new Map(reports.map((r) => [r.id, r.receipt]));
  const result = addObservables({
    kase,
    existing: [],
    actor,
    now,
    newId,
    sourceParty: ctx.config.nodeId,
    sourceRef: 'public-report',
    defaultCountry: ctx.config.country,
    atomic: false,
    inputs: indicators.map((i) => ({
      type: i.type,
      value: i.value,
      tags: ['public-report', receiptOf.get(i.reportId)!],
    })),
  });
  for (const o of result.added) await insertObservable(tx, o);
  await recordCaseEvents(tx, actor, kase, result.events, now);
  return result.added.length;
}

async function addReportEvidence(
  tx: Queryable,
  ctx: ServiceContext,
  actor: UserActor,
  kase: CaseRecord,
  reports: PublicReportRecord[],
  now: Date,
  written: string[],
): Promise<number> {
  const attachments = await loadAttachments(
    tx,
    reports.map((r) => r.id),
  );
  for (const a of attachments) {
    const receipt = reports.find((r) => r.id === a.reportId)!.receipt;
    const plain = openAttachment(ctx, a);
    const id = newId();
    // Re-sealed under a fresh data key bound to the evidence id, as every evidence item is.
    const sealed = sealEvidence(plain, ctx.secrets.masterKey, { masterKeyId: ctx.secrets.masterKeyId, aad: id });
    const { record, events } = createEvidenceRecord({
      kase,
      actor,
      now,
      id,
      localParty: ctx.config.nodeId,
      input: {
        filename: a.filename,
        mediaType: a.mediaType,
        size: a.size,
        sha256: a.sha256,
        description: `Public report ${receipt} / 群众举报 ${receipt}`,
      },
      sealed: { sha256: sealed.sha256, size: sealed.size, encryption: sealed.encryption },
    });
    const key = evidenceStorageKey(kase.id, id);
    await objectStoreFor(ctx.config).put(key, sealed.ciphertext);
    written.push(key);
    const custody = recordCustody({
      kase,
      evidence: record,
      chain: [],
      kind: 'collected',
      actor,
      now,
      party: ctx.config.nodeId,
      note: `From public report ${receipt}`,
      signingKey: ctx.secrets.signingKey,
      keyId: ctx.secrets.signingKeyId,
    });
    await insertEvidence(tx, custody.evidence);
    await insertCustodyEvent(tx, custody.event);
    await recordCaseEvents(tx, actor, kase, [...events, ...custody.events], now);
  }
  return attachments.length;
}

function defaultTitle(reports: PublicReportRecord[]): Bilingual {
  const first = reports[0]!;
  const label = REPORT_CATEGORY_LABELS[first.category];
  const more =
    reports.length > 1
      ? { en: ` (+${reports.length - 1} more)`, zh: `（另 ${reports.length - 1} 份）` }
      : { en: '', zh: '' };
  return {
    en: `Public report ${first.receipt}: ${label.en}${more.en}`,
    zh: `群众举报 ${first.receipt}：${label.zh}${more.zh}`,
  };
}

/** The victims' own words, in the language each wrote in, under its receipt. */
function summaryOf(reports: PublicReportRecord[]): Bilingual {
  const part = (lang: 'en' | 'zh') =>
    reports
      .filter((r) => r.language === lang)
      .map((r) => `${r.receipt}: ${r.narrative}`)
      .join('\n\n')
      .slice(0, 9_000);
  return { en: part('en'), zh: part('zh') };
}
