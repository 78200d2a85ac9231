// Use case: upload an evidence file to a case. Every rule that can be decided first (case access,
// status, metadata, a declared size over the limit) is checked before a byte of the body is read.
// The body is then streamed: counted, hashed and sealed (AES-256-GCM under a fresh data key wrapped
// by the master key, bound to the item id) into a private temporary file under the data dir, and
// moved (disk) or streamed (S3) into the object store — never held in memory whole. The record and
// its signed `collected` custody event commit in one transaction, or the object is removed again.
import type { Readable } from 'node:stream';
import {
  DEFAULT_EVIDENCE_LIMITS,
  checkEvidenceUpload,
  createEvidenceRecord,
  evidenceStorageKey,
  recordCustody,
  type CaseRecord,
  type EvidenceInput,
  type EvidenceRecord,
} from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { issue } from '../../domain/shared/bilingual.js';
import { AppError, validationError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { objectStoreFor } from '../../storage/object-store/object-store-for.js';
import { insertCustodyEvent, insertEvidence } from '../../storage/repositories/evidence.repository.js';
import { removeTempFile } from '../../storage/temp-files.js';
import type { ServiceContext } from '../context.js';
import { sealUploadToFile } from '../shared/seal-upload.js';
import { loadCase, recordCaseEvents } from './case-support.js';

export type EvidenceUpload = Omit<EvidenceInput, 'size'>;

/** The file as a stream (an HTTP body, a file on disk) and the length its sender declared, if any. */
export type EvidenceBody = { stream: Readable; declaredSize?: number };

export async function addEvidence(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
  meta: EvidenceUpload,
  body: EvidenceBody,
): Promise<EvidenceRecord> {
  const id = newId();
  const limits = { ...DEFAULT_EVIDENCE_LIMITS, maxBytes: ctx.config.maxEvidenceBytes };
  // Refusals that need no byte of the file come first: nothing is read, nothing is written.
  const kase = await loadCase(ctx.db, actor, caseId);
  checkEvidenceUpload(kase, meta, actor, body.declaredSize, limits);
  requireLinkedRequest(kase, meta.requestId);

  const sealed = await sealUploadToFile(ctx, body.stream, {
    aad: id,
    maxBytes: limits.maxBytes,
    tooLarge: (seen) => new AppError('EVIDENCE_TOO_LARGE', { details: { maxBytes: limits.maxBytes, size: seen } }),
  });
  const storageKey = evidenceStorageKey(caseId, id);
  const store = objectStoreFor(ctx.config);
  let stored = false;
  try {
    const now = ctx.clock();
    const summary = { sha256: sealed.sha256, size: sealed.size, encryption: sealed.encryption };
    const build = (k: CaseRecord) =>
      createEvidenceRecord({
        kase: k,
        input: { ...meta, size: sealed.size },
        sealed: summary,
        actor,
        now,
        id,
        localParty: ctx.config.nodeId,
        limits,
      });
    // The rules that needed the bytes (empty file, declared SHA-256) before the object is stored.
    build(kase);
    await store.putFile(storageKey, { path: sealed.file, size: sealed.size, sha256: sealed.ciphertextSha256 });
    stored = true;
    return await ctx.db.transaction(async (tx) => {
      const locked = await loadCase(tx, actor, caseId, true);
      const { record, events } = build(locked);
      requireLinkedRequest(locked, meta.requestId);
      const custody = recordCustody({
        kase: locked,
        evidence: record,
        chain: [],
        kind: 'collected',
        actor,
        now,
        party: ctx.config.nodeId,
        signingKey: ctx.secrets.signingKey,
        keyId: ctx.secrets.signingKeyId,
      });
      await insertEvidence(tx, custody.evidence);
      await insertCustodyEvent(tx, custody.event);
      await recordCaseEvents(tx, actor, locked, [...events, ...custody.events], now);
      return custody.evidence;
    });
  } catch (e) {
    if (stored) await store.remove(storageKey).catch(() => undefined);
    throw e;
  } finally {
    await removeTempFile(sealed.file);
  }
}

/** Evidence returned in answer to a request belongs to a case the request is linked to. */
function requireLinkedRequest(kase: CaseRecord, requestId: string | undefined): void {
  if (requestId === undefined || kase.linkedRequestIds.includes(requestId)) return;
  throw validationError(
    [
      issue(
        'requestId',
        'EVIDENCE_REQUEST_NOT_LINKED',
        'Link the request to this case before attaching its evidence.',
        '请先将该协助请求关联到本案，再附加其证据。',
      ),
    ],
    'EVIDENCE_INVALID',
  );
}
