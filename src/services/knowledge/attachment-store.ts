// Attachments at rest: sealed with a fresh data key wrapped by the node master key, the attachment
// id as AAD (the case-evidence scheme), and opened only after tag, size and SHA-256 all check out.
import { AppError } from '../../errors.js';
import { openEvidence, sealEvidence, type EvidenceEncryption } from '../../domain/case/evidence-crypto.js';
import { safeContentType } from '../../domain/shared/media-type.js';
import type { AttachmentMeta, StoredAttachment } from '../../storage/repositories/knowledge.repository.js';
import type { ServiceContext } from '../context.js';

export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

export function sealAttachment(
  ctx: ServiceContext,
  meta: Omit<AttachmentMeta, 'size' | 'sha256'>,
  bytes: Buffer,
): StoredAttachment {
  const sealed = sealEvidence(bytes, ctx.secrets.masterKey, {
    masterKeyId: ctx.secrets.masterKeyId,
    aad: `knowledge:${meta.id}`,
  });
  // Local uploads were checked by the route; a peer's copy is stored even when its media type is
  // not one (the article matters more than the label), but then as plain bytes.
  const mediaType = safeContentType(meta.mediaType);
  return {
    ...meta,
    mediaType,
    size: sealed.size,
    sha256: sealed.sha256,
    encryption: sealed.encryption,
    ciphertext: sealed.ciphertext,
  };
}

export function openAttachment(ctx: ServiceContext, a: StoredAttachment): Buffer {
  try {
    return openEvidence(
      a.ciphertext,
      a.encryption as EvidenceEncryption,
      ctx.secrets.masterKey,
      { sha256: a.sha256, size: a.size },
      `knowledge:${a.id}`,
    );
  } catch (cause) {
    throw new AppError('KNOWLEDGE_ATTACHMENT_INTEGRITY_FAILED', { details: { id: a.id }, cause });
  }
}
