// SQL for screenshots uploaded ahead of their report (migration 140): staged sealed, claimed by the
// submission that names their tokens (moved into public_report_attachments in SQL), or swept away.
import type { EvidenceEncryption } from '../../domain/case/evidence-crypto.js';
import type { Queryable } from '../db.js';

export type StagedUpload = {
  tokenHash: string;
  attachmentId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  encryption: EvidenceEncryption;
  ciphertext: Buffer;
  createdAt: string;
};

export type StagedUploadMeta = Omit<StagedUpload, 'encryption' | 'ciphertext'>;

export async function insertStagedUpload(tx: Queryable, u: StagedUpload): Promise<void> {
  await tx.query(
    `INSERT INTO public_report_uploads (token_hash, attachment_id, filename, media_type, size, sha256, encryption, ciphertext, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
    [
      u.tokenHash,
      u.attachmentId,
      u.filename,
      u.mediaType,
      u.size,
      u.sha256,
      JSON.stringify(u.encryption),
      u.ciphertext,
      u.createdAt,
    ],
  );
}

/** The uploads with these token hashes made at or after `since`, locked for the claiming transaction. */
export async function lockStagedUploads(
  tx: Queryable,
  tokenHashes: readonly string[],
  since: Date,
): Promise<StagedUploadMeta[]> {
  if (tokenHashes.length === 0) return [];
  const rows = await tx.query(
    `SELECT token_hash, attachment_id, filename, media_type, size, sha256, created_at FROM public_report_uploads
     WHERE token_hash = ANY($1::text[]) AND created_at >= $2 FOR UPDATE`,
    [tokenHashes, since.toISOString()],
  );
  return rows.map((r) => ({
    tokenHash: r.token_hash as string,
    attachmentId: r.attachment_id as string,
    filename: r.filename as string,
    mediaType: r.media_type as string,
    size: Number(r.size),
    sha256: r.sha256 as string,
    createdAt: new Date(r.created_at as string).toISOString(),
  }));
}

/** Makes a staged upload an attachment of the report (its ciphertext copied inside the database) and removes it. */
export async function moveStagedUpload(
  tx: Queryable,
  tokenHash: string,
  to: { reportId: string; position: number; filename: string; createdAt: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO public_report_attachments (id, report_id, position, filename, media_type, size, sha256, encryption, ciphertext, created_at)
     SELECT attachment_id, $2, $3, $4, media_type, size, sha256, encryption, ciphertext, $5 FROM public_report_uploads WHERE token_hash = $1`,
    [tokenHash, to.reportId, to.position, to.filename, to.createdAt],
  );
  await tx.query('DELETE FROM public_report_uploads WHERE token_hash = $1', [tokenHash]);
}

/** Removes uploads made before `before` that no report claimed; returns how many. */
export async function deleteStagedUploadsBefore(db: Queryable, before: Date): Promise<number> {
  const rows = await db.query('DELETE FROM public_report_uploads WHERE created_at < $1 RETURNING 1', [
    before.toISOString(),
  ]);
  return rows.length;
}
