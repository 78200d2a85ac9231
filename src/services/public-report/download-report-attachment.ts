// Use case: triage opens a screenshot. The bytes are decrypted and checked against their SHA-256
// in memory; every download is audited (who, which file — never the content).
import { openEvidence } from '../../domain/case/evidence-crypto.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import {
  findAttachment,
  type AttachmentMeta,
  type StoredAttachment,
} from '../../storage/repositories/public-report.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { REPORT_SUBJECT, loadReport } from './report-support.js';

export async function downloadReportAttachment(
  ctx: ServiceContext,
  actor: UserActor,
  reportId: string,
  attachmentId: string,
): Promise<{ attachment: AttachmentMeta; content: Buffer }> {
  const now = ctx.clock();
  const stored = await loadReport(ctx.db, reportId);
  const attachment = await findAttachment(ctx.db, reportId, attachmentId);
  if (!attachment) throw new AppError('PUBLIC_REPORT_ATTACHMENT_NOT_FOUND', { details: { reportId, attachmentId } });
  const content = openAttachment(ctx, attachment);
  await ctx.db.transaction((tx) =>
    recordChange(
      tx,
      {
        actor,
        subjectType: REPORT_SUBJECT,
        subjectId: reportId,
        auditData: { receipt: stored.record.receipt },
        events: [
          { type: 'attachment_downloaded', at: now.toISOString(), data: { attachmentId, sha256: attachment.sha256 } },
        ],
      },
      now,
    ),
  );
  return { attachment, content };
}

export function openAttachment(ctx: ServiceContext, a: StoredAttachment): Buffer {
  try {
    return openEvidence(a.ciphertext, a.encryption, ctx.secrets.masterKey, { sha256: a.sha256, size: a.size }, a.id);
  } catch (cause) {
    throw new AppError('PUBLIC_REPORT_ATTACHMENT_INTEGRITY', { details: { attachmentId: a.id }, cause });
  }
}
