// Sending one evidence item to a peer, in the caller's transaction: the stored bytes are opened and
// checked (GCM tag, size, SHA-256), the chain of custody must verify, and a signed `transferred`
// event naming the recipient is appended before the body (bytes + metadata + full chain) is built.
// A chain of custody is complete by nature: a later recipient of the same item sees its earlier
// transfers, which is what a court needs and the one thing selective sharing cannot hide.
import { AppError } from '../../errors.js';
import {
  handoverCustody,
  handoverNote,
  type CaseRecord,
  type TransferredEvidenceMeta,
} from '../../domain/case/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { actorLabel } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import { findEvidence, insertCustodyEvent, updateEvidence } from '../../storage/repositories/evidence.repository.js';
import type { ServiceContext } from '../context.js';
import { recordCaseEvents } from './case-support.js';
import { namingRecipient, type EvidenceContext, type EvidenceTransferredBody } from './case-share-messages.js';
import { openStoredEvidence, verifyCustody } from './evidence-support.js';

/**
 * Largest item sent in one message: the bytes grow about 2.4× on the wire (base64 in the body, the
 * JWS payload, the JWE), and the receiver refuses batches above federationMaxBatchBytes.
 */
export function maxTransferBytes(ctx: ServiceContext): number {
  return Math.floor(ctx.config.federationMaxBatchBytes / 3);
}

export type TransferRequest = {
  actor: Actor;
  kase: CaseRecord;
  evidenceId: string;
  recipient: string;
  context: EvidenceContext;
  /** Why the item moves, written into the custody note (e.g. "case share CN-2025-000001"). */
  purpose: string;
  now: Date;
  /** Plaintext already opened in this use case (one item going to several recipients). */
  opened?: Map<string, Buffer>;
};

export async function transferEvidence(
  ctx: ServiceContext,
  tx: Queryable,
  t: TransferRequest,
): Promise<EvidenceTransferredBody> {
  const local = ctx.config.nodeId;
  const stored = await findEvidence(tx, t.evidenceId, true);
  if (!stored || stored.record.caseId !== t.kase.id)
    throw new AppError('EVIDENCE_NOT_FOUND', { details: { caseId: t.kase.id, evidenceId: t.evidenceId } });
  const e = stored.record;
  const max = maxTransferBytes(ctx);
  if (e.size > max)
    throw new AppError('EVIDENCE_TRANSFER_TOO_LARGE', { details: { evidenceId: e.id, size: e.size, maxBytes: max } });
  const content = t.opened?.get(e.id) ?? (await openStoredEvidence(ctx, e));
  t.opened?.set(e.id, content);
  const { chain, verification } = await verifyCustody(ctx, tx, e);
  if (!verification.ok) {
    throw new AppError('EVIDENCE_CUSTODY_BROKEN', {
      details: { evidenceId: e.id, firstBadSeq: verification.firstBadSeq, reason: verification.reason },
    });
  }
  const h = handoverCustody({
    kase: t.kase,
    evidence: e,
    chain,
    kind: 'transferred',
    actor: t.actor,
    now: t.now,
    party: local,
    note: handoverNote('transferred', t.recipient, t.purpose),
    signingKey: ctx.secrets.signingKey,
    keyId: ctx.secrets.signingKeyId,
  });
  await updateEvidence(tx, h.evidence, stored.version);
  await insertCustodyEvent(tx, h.event);
  await recordCaseEvents(
    tx,
    t.actor,
    t.kase,
    h.events.map((ev) => ({ ...ev, data: { ...ev.data, recipient: t.recipient } })),
    t.now,
  );
  const named = namingRecipient(
    { party: e.originParty, tlp: e.tlp, namedRecipients: e.namedRecipients },
    local,
    t.recipient,
  ).namedRecipients;
  const meta: TransferredEvidenceMeta = {
    id: e.id,
    filename: e.filename,
    mediaType: e.mediaType,
    size: e.size,
    sha256: e.sha256,
    description: e.description,
    tlp: e.tlp,
    originParty: e.originParty,
    namedRecipients: [...named],
    createdAt: e.createdAt,
    createdBy: e.createdBy,
  };
  return {
    context: t.context,
    evidence: meta,
    custody: [...chain, h.event],
    custodyHead: h.evidence.custodyHead!,
    content: content.toString('base64'),
    transferredBy: actorLabel(t.actor),
  };
}
