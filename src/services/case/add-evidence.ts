// Use case: upload an evidence file to a case. The bytes are sealed (AES-256-GCM under a fresh
// data key wrapped by the master key, bound to the item id) and written to the object store; the
// record and its signed `collected` custody event commit in one transaction, or the object is removed again.
import {
  DEFAULT_EVIDENCE_LIMITS, createEvidenceRecord, evidenceStorageKey, recordCustody, sealEvidence,
  type CaseRecord, type EvidenceInput, type EvidenceRecord, type SealedEvidence,
} from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { issue } from '../../domain/shared/bilingual.js';
import { validationError } from '../../errors.js';
import { newId } from '../../shared/ids.js';
import { objectStoreFor } from '../../storage/object-store/object-store-for.js';
import { insertCustodyEvent, insertEvidence } from '../../storage/repositories/evidence.repository.js';
import type { ServiceContext } from '../context.js';
import { loadCase, recordCaseEvents } from './case-support.js';

export type EvidenceUpload = Omit<EvidenceInput, 'size'>;

export async function addEvidence(ctx: ServiceContext, actor: UserActor, caseId: string, meta: EvidenceUpload, bytes: Buffer): Promise<EvidenceRecord> {
  const now = ctx.clock();
  const id = newId();
  const limits = { ...DEFAULT_EVIDENCE_LIMITS, maxBytes: ctx.config.maxEvidenceBytes };
  const sealed = sealEvidence(bytes, ctx.secrets.masterKey, { masterKeyId: ctx.secrets.masterKeyId, aad: id });
  const build = (kase: CaseRecord) => createEvidenceRecord({
    kase, input: { ...meta, size: bytes.length }, sealed: sealedSummary(sealed), actor, now, id, localParty: ctx.config.nodeId, limits,
  });
  // Every rule is checked before a byte is written, so a refused upload leaves nothing in the store.
  const kase = await loadCase(ctx.db, actor, caseId);
  build(kase);
  requireLinkedRequest(kase, meta.requestId);
  const storageKey = evidenceStorageKey(caseId, id);
  const store = objectStoreFor(ctx.config);
  await store.put(storageKey, sealed.ciphertext);
  try {
    return await ctx.db.transaction(async (tx) => {
      const locked = await loadCase(tx, actor, caseId, true);
      const { record, events } = build(locked);
      requireLinkedRequest(locked, meta.requestId);
      const custody = recordCustody({
        kase: locked, evidence: record, chain: [], kind: 'collected', actor, now, party: ctx.config.nodeId,
        signingKey: ctx.secrets.signingKey, keyId: ctx.secrets.signingKeyId,
      });
      await insertEvidence(tx, custody.evidence);
      await insertCustodyEvent(tx, custody.event);
      await recordCaseEvents(tx, actor, locked, [...events, ...custody.events], now);
      return custody.evidence;
    });
  } catch (e) {
    await store.remove(storageKey).catch(() => undefined);
    throw e;
  }
}

/** Evidence returned in answer to a request belongs to a case the request is linked to. */
function requireLinkedRequest(kase: CaseRecord, requestId: string | undefined): void {
  if (requestId === undefined || kase.linkedRequestIds.includes(requestId)) return;
  throw validationError([issue('requestId', 'EVIDENCE_REQUEST_NOT_LINKED', 'Link the request to this case before attaching its evidence.', '请先将该协查请求关联到本案，再附加其证据。')], 'EVIDENCE_INVALID');
}

function sealedSummary(s: SealedEvidence) {
  return { sha256: s.sha256, size: s.size, encryption: s.encryption };
}
