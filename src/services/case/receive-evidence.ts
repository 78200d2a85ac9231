// Use case (federation): a peer transferred an evidence item. Before anything is stored, the chain
// of custody must verify against its signers' keys (the sender's from its peer card) and end at the
// head the sender declared with the sender's own `transferred` event, and the bytes must match the
// declared size and SHA-256; any failure refuses the message with its code and stores nothing.
// The item is then sealed under THIS node's master key, attached to the case it belongs to here, and
// its chain continued with a `received` event signed by this node. An item already held is skipped
// (a later share of the same case sends it again).
import { AppError, validationError } from '../../errors.js';
import {
  DEFAULT_EVIDENCE_LIMITS,
  checkReceivedChain,
  custodyTransferInvalid,
  handoverCustody,
  handoverNote,
  receivedEvidenceRecord,
  sealEvidence,
  sha256Hex,
  validateEvidenceInput,
  verifyCustodyChain,
  type CaseRecord,
} from '../../domain/case/index.js';
import type { PeerActor, SystemActor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import { objectStoreFor } from '../../storage/object-store/object-store-for.js';
import { findEvidence, insertCustodyEvent, insertEvidence } from '../../storage/repositories/evidence.repository.js';
import type { ServiceContext } from '../context.js';
import { recordCaseEvents } from './case-support.js';
import { findSharedCase } from './case-receivers.js';
import type { EvidenceTransferredBody } from './case-share-messages.js';
import { custodyKeyResolver } from './custody-keys.js';
import { caseForRequestEvidence } from './request-evidence.js';

export async function receiveEvidence(
  ctx: ServiceContext,
  peer: PeerActor,
  body: EvidenceTransferredBody,
): Promise<void> {
  const now = ctx.clock();
  const local = ctx.config.nodeId;
  const meta = body.evidence;
  await ctx.db.transaction(async (tx) => {
    const verification = verifyCustodyChain(body.custody, await custodyKeyResolver(ctx, tx, body.custody), {
      expectedHead: body.custodyHead,
    });
    const failure = checkReceivedChain(body.custody, meta.id, peer.partyId, verification);
    if (failure) throw custodyTransferInvalid(failure, meta.id);
    const bytes = Buffer.from(body.content, 'base64');
    const receivedSha256 = sha256Hex(bytes);
    if (bytes.length !== meta.size || receivedSha256 !== meta.sha256) {
      throw new AppError('EVIDENCE_INTEGRITY_FAILED', {
        details: { reason: 'transfer', evidenceId: meta.id, size: bytes.length },
      });
    }
    if (bytes.length > ctx.config.maxEvidenceBytes)
      throw new AppError('EVIDENCE_TOO_LARGE', {
        details: { maxBytes: ctx.config.maxEvidenceBytes, size: bytes.length },
      });
    const issues = validateEvidenceInput(
      { ...meta, description: meta.description ?? undefined },
      { ...DEFAULT_EVIDENCE_LIMITS, maxBytes: ctx.config.maxEvidenceBytes },
    );
    if (issues.length) throw validationError(issues, 'EVIDENCE_INVALID');
    if (await findEvidence(tx, meta.id)) return;

    const { kase, requestId, purpose } = await targetCase(ctx, tx, peer, body, now);
    const sealed = sealEvidence(bytes, ctx.secrets.masterKey, { masterKeyId: ctx.secrets.masterKeyId, aad: meta.id });
    const { record, events } = receivedEvidenceRecord({
      kase,
      meta,
      requestId,
      encryption: sealed.encryption,
      sender: peer,
      now,
      receivedSha256,
      transferredBy: body.transferredBy,
    });
    const system: SystemActor = { kind: 'system', partyId: local };
    const h = handoverCustody({
      kase,
      evidence: record,
      chain: body.custody,
      kind: 'received',
      actor: system,
      now,
      party: local,
      note: handoverNote('received', peer.partyId, purpose),
      signingKey: ctx.secrets.signingKey,
      keyId: ctx.secrets.signingKeyId,
    });
    // Written under a name made from the ids: a retry of this message after a rollback overwrites it.
    const store = objectStoreFor(ctx.config);
    await store.put(record.storageKey, sealed.ciphertext);
    try {
      await insertEvidence(tx, h.evidence);
      for (const e of body.custody) await insertCustodyEvent(tx, e);
      await insertCustodyEvent(tx, h.event);
      await recordCaseEvents(tx, peer, kase, [...events, ...h.events], now);
    } catch (e) {
      await store.remove(record.storageKey).catch(() => undefined);
      throw e;
    }
  });
}

async function targetCase(
  ctx: ServiceContext,
  tx: Queryable,
  peer: PeerActor,
  body: EvidenceTransferredBody,
  now: Date,
): Promise<{ kase: CaseRecord; requestId: string | null; purpose: string }> {
  const c = body.context;
  if (c.kind === 'request') {
    const { kase, request } = await caseForRequestEvidence(ctx, tx, peer, c.requestId, now);
    return { kase, requestId: request.id, purpose: `request ${request.reference}` };
  }
  // The share that announced this item came first on the same channel, so its case is here.
  const found = await findSharedCase(tx, ctx.config.nodeId, peer.partyId, { caseId: c.caseId, origin: c.origin });
  if (!found) throw new AppError('CASE_NOT_FOUND', { details: { sharedBy: peer.partyId, caseId: c.caseId } });
  return { kase: found.kase, requestId: null, purpose: `case share ${found.kase.reference}` };
}
