// Evidence crossing the federation (docs/spec.md §4.3): the `transferred` custody event the sender signs as
// an item leaves, the checks a receiver makes of the chain it was handed, and the record plus the
// `received` event with which the receiver continues that chain under its own key.
//
// No user policy is checked here: the authority for a hand-over is decided by the caller — the share
// plan (planCaseShare: lead or supervisor, TLP), the request workflow (the requested party fulfils),
// or, on the receiving side, the peer's signed message.
import type { KeyObject } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import { actorLabel } from '../shared/actor.js';
import type { CaseRecord } from './case-types.js';
import type { CustodyEvent, CustodyVerification } from './custody.js';
import { appendCustodyEvent } from './custody.js';
import type { EvidenceEncryption } from './evidence-crypto.js';
import type { EvidenceRecord } from './evidence.js';
import { evidenceStorageKey } from './evidence.js';
import type { CaseDomainEvent } from './events.js';
import { actorId, makeEvent } from './events.js';

export type HandoverInput = {
  kase: CaseRecord;
  evidence: EvidenceRecord;
  chain: readonly CustodyEvent[];
  kind: 'transferred' | 'received';
  actor: Actor;
  now: Date;
  /** This node's party id; its key signs the event. */
  party: string;
  note: string;
  signingKey: KeyObject;
  keyId: string;
};

export function handoverCustody(h: HandoverInput): {
  evidence: EvidenceRecord;
  event: CustodyEvent;
  events: CaseDomainEvent[];
} {
  const last = h.chain[h.chain.length - 1];
  // The peer's clock may run ahead of ours: a chain must never go back in time.
  const at = last && last.at > h.now.toISOString() ? last.at : h.now.toISOString();
  const { event } = appendCustodyEvent(
    h.chain,
    {
      evidenceId: h.evidence.id,
      kind: h.kind,
      at,
      actor: actorId(h.actor),
      actorLabel: actorLabel(h.actor),
      party: h.party,
      note: h.note,
    },
    h.signingKey,
    h.keyId,
  );
  const evidence = { ...h.evidence, custodyHead: { seq: event.seq, hash: event.hash } };
  const domainEvent = makeEvent('evidence.custody', h.actor, h.now, {
    caseId: h.kase.id,
    evidenceId: evidence.id,
    filename: evidence.filename,
    kind: event.kind,
    seq: event.seq,
    hash: event.hash,
  });
  return { evidence, event, events: [domainEvent] };
}

/** The custody note of a hand-over names the other party and why the item moved. */
export function handoverNote(kind: 'transferred' | 'received', party: string, purpose: string): string {
  return kind === 'transferred' ? `Transferred to ${party} — ${purpose}` : `Received from ${party} — ${purpose}`;
}

export type ReceivedChainFailure = { reason: string; firstBadSeq: number };

/**
 * A received chain must verify (signatures against the signers' keys, links, and the head the sender
 * declared), belong to the item it came with, and end with the sender's own `transferred` event.
 */
export function checkReceivedChain(
  chain: readonly CustodyEvent[],
  evidenceId: string,
  sender: string,
  verification: CustodyVerification,
): ReceivedChainFailure | null {
  if (!verification.ok) return { reason: verification.reason, firstBadSeq: verification.firstBadSeq };
  const wrongItem = chain.findIndex((e) => e.evidenceId !== evidenceId);
  if (wrongItem >= 0) return { reason: 'evidence_mismatch', firstBadSeq: wrongItem + 1 };
  const head = chain[chain.length - 1]!;
  if (head.kind !== 'transferred' || head.party !== sender)
    return { reason: 'not_transferred_by_sender', firstBadSeq: head.seq };
  return null;
}

export function custodyTransferInvalid(failure: ReceivedChainFailure, evidenceId: string): AppError {
  return new AppError('EVIDENCE_TRANSFER_CUSTODY_INVALID', { details: { evidenceId, ...failure } });
}

/** What the sender says about the item; the bytes are checked against `sha256` and `size` on arrival. */
export type TransferredEvidenceMeta = Pick<
  EvidenceRecord,
  | 'id'
  | 'filename'
  | 'mediaType'
  | 'size'
  | 'sha256'
  | 'description'
  | 'tlp'
  | 'originParty'
  | 'namedRecipients'
  | 'createdAt'
  | 'createdBy'
>;

/** The local record of a received item: stored under this node's key, in the case it was attached to. */
export function receivedEvidenceRecord(input: {
  kase: CaseRecord;
  meta: TransferredEvidenceMeta;
  requestId: string | null;
  encryption: EvidenceEncryption;
  sender: Actor & { kind: 'peer' };
  now: Date;
  /** SHA-256 this node computed over the bytes received, and the sender's label of who sent them. */
  receivedSha256: string;
  transferredBy: string;
}): { record: EvidenceRecord; events: CaseDomainEvent[] } {
  const { kase, meta, sender, now } = input;
  const record: EvidenceRecord = {
    ...meta,
    caseId: kase.id,
    requestId: input.requestId,
    storageKey: evidenceStorageKey(kase.id, meta.id),
    encryption: input.encryption,
    namedRecipients: [...meta.namedRecipients],
    custodyHead: null,
    received: {
      from: sender.partyId,
      at: now.toISOString(),
      sentSha256: meta.sha256,
      receivedSha256: input.receivedSha256,
      transferredBy: input.transferredBy,
    },
  };
  const event = makeEvent('evidence.received', sender, now, {
    caseId: kase.id,
    evidenceId: meta.id,
    filename: meta.filename,
    size: meta.size,
    sha256: meta.sha256,
    from: sender.partyId,
  });
  return { record, events: [event] };
}
