// Use case: a member of the public files a report (docs/spec.md §6.1). Files are checked by their bytes
// before anything is stored; the report, its sealed screenshots, its indicators and the audit entry
// commit in one transaction under a system actor (the reporter has no account).
import { indexSearchDocument } from '../search/index-search-document.js';
import { reportDocument } from '../search/search-documents.js';
import { createHmac } from 'node:crypto';
import { sealEvidence } from '../../domain/case/evidence-crypto.js';
import {
  ATTACHMENT_LIMITS,
  attachmentCountIssue,
  cleanFilename,
  createReport,
  formatReceipt,
  reportIndicators,
  sniffMediaType,
  type AllowedMediaType,
  type ReportInput,
} from '../../domain/public-report/index.js';
import type { SystemActor } from '../../domain/shared/actor.js';
import { AppError, validationError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { nextCounter } from '../../storage/repositories/counter.repository.js';
import {
  SPAM_COUNTER,
  insertAttachment,
  insertIndicators,
  insertReport,
  receiptTaken,
} from '../../storage/repositories/public-report.repository.js';
import type { ServiceContext } from '../context.js';
import { recordObservables } from '../intel/record-observables.js';
import { recordChange } from '../shared/record-change.js';
import { narrativeIndicators } from './narrative-indicators.js';
import { attachStagedUploads } from './report-uploads.js';
import { REPORT_SUBJECT } from './report-support.js';
import { receiptSeries } from './receipt-series.js';
import { hashStatusCode, newStatusCode } from './status-code.js';

export type UploadedFile = { filename: string; bytes: Buffer };
/** `uploads`: tokens of screenshots sent ahead through the upload route (report-uploads.ts). */
export type SubmissionMeta = { clientIp: string; honeypot?: string; uploads?: readonly string[] };
export type SubmissionReceipt = { receipt: string; statusCode: string; submittedAt: string };

type CheckedFile = { filename: string; bytes: Buffer; mediaType: AllowedMediaType };

export async function submitPublicReport(
  ctx: ServiceContext,
  input: ReportInput,
  files: readonly UploadedFile[],
  meta: SubmissionMeta,
): Promise<SubmissionReceipt> {
  const now = ctx.clock();
  // A filled honeypot is a bot: it gets an answer that looks real, so it learns nothing.
  if (meta.honeypot?.trim()) return discardSpam(ctx, now);
  const uploads = meta.uploads ?? [];
  const checked = checkFiles(files, uploads.length);
  const statusCode = newStatusCode();
  const receipt = await ctx.db.transaction(async (tx) => {
    const series = receiptSeries(ctx);
    let given: string;
    // The series never repeats for one key and code; should either change within a year (a renamed
    // node keeping its configured code), a receipt already given is skipped rather than refused.
    do {
      const n = await nextCounter(tx, `PUBLIC_REPORT:${now.getUTCFullYear()}`);
      given = formatReceipt(series, now.getUTCFullYear(), n);
    } while (await receiptTaken(tx, given));
    const id = newId();
    const { record, events } = createReport(input, { id, receipt: given }, now);
    await insertReport(tx, record, {
      codeHash: hashStatusCode(record.receipt, statusCode),
      clientIpHash: clientIpHash(ctx, meta.clientIp),
    });
    await indexSearchDocument(tx, reportDocument(record));
    for (const [position, f] of checked.entries()) {
      const attachmentId = newId();
      const sealed = sealEvidence(f.bytes, ctx.secrets.masterKey, {
        masterKeyId: ctx.secrets.masterKeyId,
        aad: attachmentId,
      });
      await insertAttachment(tx, {
        id: attachmentId,
        reportId: id,
        position,
        filename: cleanFilename(f.filename, f.mediaType, position),
        mediaType: f.mediaType,
        size: sealed.size,
        sha256: sealed.sha256,
        encryption: sealed.encryption,
        ciphertext: sealed.ciphertext,
        createdAt: now.toISOString(),
      });
    }
    // Screenshots sent ahead follow the inline ones; their ciphertext moves inside the database.
    await attachStagedUploads(tx, id, uploads, checked.length, now);
    const indicators = reportIndicators(record, narrativeIndicators(record.narrative), ctx.config.country);
    await insertIndicators(tx, id, indicators);
    // Correlation at write time: a shared wallet or phone raises an alert linking this report.
    await recordObservables(
      tx,
      ctx,
      { kind: 'report', id, label: record.receipt },
      indicators.map((i) => ({ type: i.type, value: i.value })),
      now,
    );
    const actor: SystemActor = { kind: 'system', partyId: ctx.config.nodeId };
    // Counts only: the story, the contacts and the files stay out of the audit log.
    const audited = events.map((e) => ({
      ...e,
      data: { ...e.data, attachments: checked.length + uploads.length, indicators: indicators.length },
    }));
    await recordChange(
      tx,
      { actor, subjectType: REPORT_SUBJECT, subjectId: id, events: audited, auditData: { receipt: record.receipt } },
      now,
    );
    return record.receipt;
  });
  return { receipt, statusCode, submittedAt: now.toISOString() };
}

function checkFiles(files: readonly UploadedFile[], staged: number): CheckedFile[] {
  const countIssue = attachmentCountIssue(files.length + staged);
  if (countIssue) throw validationError([countIssue], 'PUBLIC_REPORT_INVALID');
  return files.map((f, i) => {
    if (f.bytes.length > ATTACHMENT_LIMITS.maxBytes) {
      throw new AppError('PUBLIC_REPORT_ATTACHMENT_TOO_LARGE', {
        details: { index: i, maxBytes: ATTACHMENT_LIMITS.maxBytes, size: f.bytes.length },
      });
    }
    const mediaType = f.bytes.length ? sniffMediaType(f.bytes) : null;
    if (!mediaType)
      throw new AppError('PUBLIC_REPORT_ATTACHMENT_TYPE', {
        details: { index: i, accepted: ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'] },
      });
    return { filename: f.filename, bytes: f.bytes, mediaType };
  });
}

/** Repeated senders can be recognised in triage; the keyed hash cannot be reversed by trying all IPs. */
function clientIpHash(ctx: ServiceContext, ip: string): string {
  return createHmac('sha256', ctx.secrets.masterKey).update(`public-report-ip\u0000${ip}`).digest('hex').slice(0, 32);
}

async function discardSpam(ctx: ServiceContext, now: Date): Promise<SubmissionReceipt> {
  // Only a count is kept (node-wide, shared by all API processes); nothing the bot sent is stored.
  await ctx.db.transaction((tx) => nextCounter(tx, SPAM_COUNTER));
  // A receipt from the top of the counter space: well-formed, and never one a real report gets.
  const fake = formatReceipt(
    receiptSeries(ctx),
    now.getUTCFullYear(),
    2 ** 25 - 1 - Math.floor(Math.random() * 2 ** 20),
  );
  return { receipt: fake, statusCode: newStatusCode(), submittedAt: now.toISOString() };
}
