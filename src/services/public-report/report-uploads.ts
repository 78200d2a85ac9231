// Screenshots arrive one per request, ahead of their report (POST /api/public/reports/attachments),
// so no request from the public is larger than one file (5 MB) and the report itself is a small JSON
// body. Each file is checked by its bytes, sealed like a report attachment under the id it will keep,
// and staged for an hour behind a random upload token that only the reporter's browser holds; the
// submission that names the tokens moves the files to the report inside its own transaction.
import { createHash, randomBytes } from 'node:crypto';
import { sealEvidence } from '../../domain/case/evidence-crypto.js';
import {
  ATTACHMENT_LIMITS,
  cleanFilename,
  sniffMediaType,
  type AllowedMediaType,
} from '../../domain/public-report/index.js';
import { AppError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import {
  deleteStagedUploadsBefore,
  insertStagedUpload,
  lockStagedUploads,
  moveStagedUpload,
} from '../../storage/repositories/public-report-upload.repository.js';
import type { ServiceContext } from '../context.js';

/** How long a staged screenshot waits for its report. */
export const UPLOAD_TTL_MS = 60 * 60_000;

export const ACCEPTED_MEDIA_TYPES: readonly AllowedMediaType[] = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/pdf',
];

export type StagedAttachment = {
  uploadToken: string;
  filename: string;
  mediaType: AllowedMediaType;
  size: number;
  sha256: string;
  expiresAt: string;
};

const hashToken = (token: string) => createHash('sha256').update(`public-report-upload\u0000${token}`).digest('hex');

/** Checks one screenshot by its bytes, seals it and stages it; the token is shown to the uploader only. */
export async function stageReportAttachment(
  ctx: ServiceContext,
  file: { filename: string; bytes: Buffer },
): Promise<StagedAttachment> {
  if (file.bytes.length > ATTACHMENT_LIMITS.maxBytes) {
    throw new AppError('PUBLIC_REPORT_ATTACHMENT_TOO_LARGE', {
      details: { maxBytes: ATTACHMENT_LIMITS.maxBytes, size: file.bytes.length },
    });
  }
  const mediaType = file.bytes.length ? sniffMediaType(file.bytes) : null;
  if (!mediaType) throw new AppError('PUBLIC_REPORT_ATTACHMENT_TYPE', { details: { accepted: ACCEPTED_MEDIA_TYPES } });
  const now = ctx.clock();
  const attachmentId = newId();
  const uploadToken = randomBytes(32).toString('base64url');
  const sealed = sealEvidence(file.bytes, ctx.secrets.masterKey, {
    masterKeyId: ctx.secrets.masterKeyId,
    aad: attachmentId,
  });
  // The name is cleaned now; one with nothing left gets its "screenshot-N" name from its place in the
  // report (the cleaned name depends on the position only when it is such a fallback).
  const named = cleanFilename(file.filename, mediaType, 0);
  const filename = named === cleanFilename(file.filename, mediaType, 1) ? named : '';
  await insertStagedUpload(ctx.db, {
    tokenHash: hashToken(uploadToken),
    attachmentId,
    filename,
    mediaType,
    size: sealed.size,
    sha256: sealed.sha256,
    encryption: sealed.encryption,
    ciphertext: sealed.ciphertext,
    createdAt: now.toISOString(),
  });
  return {
    uploadToken,
    filename: filename || named,
    mediaType,
    size: sealed.size,
    sha256: sealed.sha256,
    expiresAt: new Date(now.getTime() + UPLOAD_TTL_MS).toISOString(),
  };
}

/**
 * Inside the submission's transaction: the staged files named by `tokens` become the report's
 * attachments from `firstPosition` on. A token that is unknown, expired, already used or given twice
 * refuses the whole submission (nothing is stored), so the reporter can attach the file again.
 */
export async function attachStagedUploads(
  tx: Queryable,
  reportId: string,
  tokens: readonly string[],
  firstPosition: number,
  now: Date,
): Promise<number> {
  if (tokens.length === 0) return 0;
  const hashes = tokens.map(hashToken);
  const found = await lockStagedUploads(tx, hashes, new Date(now.getTime() - UPLOAD_TTL_MS));
  const missing = hashes
    .map((h, i) => ({ h, i }))
    .filter(({ h, i }) => !found.some((u) => u.tokenHash === h) || hashes.indexOf(h) !== i);
  if (missing.length) {
    throw new AppError('PUBLIC_REPORT_UPLOAD_UNKNOWN', {
      issues: missing.map(({ i }) => ({
        path: `attachments.${firstPosition + i}`,
        code: 'UPLOAD_UNKNOWN',
        message: { en: 'This file was not found: attach it again.', zh: '未找到该文件，请重新添加。' },
      })),
    });
  }
  for (const [i, h] of hashes.entries()) {
    const u = found.find((x) => x.tokenHash === h)!;
    const position = firstPosition + i;
    await moveStagedUpload(tx, h, {
      reportId,
      position,
      filename: u.filename || cleanFilename('', u.mediaType as AllowedMediaType, position),
      createdAt: now.toISOString(),
    });
  }
  return tokens.length;
}

/** Housekeeping: staged files no report claimed within the hour. */
export function sweepStagedUploads(ctx: ServiceContext): Promise<number> {
  return deleteStagedUploadsBefore(ctx.db, new Date(ctx.clock().getTime() - UPLOAD_TTL_MS));
}
