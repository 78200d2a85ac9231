// Presenters for evidence: metadata with the SHA-256 and custody head, never the storage key or
// the wrapped data key; custody events in full (they are signed facts meant to be checked).
import type { CustodyEvent, CustodyVerification, EvidenceRecord } from '../../../domain/case/index.js';
import type { CustodyState } from '../../../services/case/evidence-support.js';

export function presentEvidence(e: EvidenceRecord) {
  return {
    id: e.id,
    caseId: e.caseId,
    requestId: e.requestId,
    filename: e.filename,
    mediaType: e.mediaType,
    size: e.size,
    sha256: e.sha256,
    description: e.description,
    tlp: e.tlp,
    originParty: e.originParty,
    namedRecipients: [...e.namedRecipients],
    encryptedAtRest: { alg: e.encryption.alg, masterKeyId: e.encryption.masterKeyId },
    custodyHead: e.custodyHead ? { seq: e.custodyHead.seq, hash: e.custodyHead.hash } : null,
    createdAt: e.createdAt,
    createdBy: e.createdBy,
    received: e.received ?? null,
  };
}

export function presentCustodyEvent(e: CustodyEvent) {
  return {
    seq: e.seq,
    evidenceId: e.evidenceId,
    kind: e.kind,
    at: e.at,
    actor: e.actor,
    actorLabel: e.actorLabel,
    party: e.party,
    note: e.note,
    prevHash: e.prevHash,
    hash: e.hash,
    signature: e.signature,
    keyId: e.keyId,
  };
}

export function presentCustody(s: CustodyState & { evidence: EvidenceRecord }) {
  const v = s.verification;
  const verification: CustodyVerification = v.ok
    ? { ok: true, length: v.length, headHash: v.headHash }
    : { ok: false, firstBadSeq: v.firstBadSeq, reason: v.reason, message: { en: v.message.en, zh: v.message.zh } };
  return {
    evidenceId: s.evidence.id,
    head: s.evidence.custodyHead,
    events: s.chain.map(presentCustodyEvent),
    verification,
  };
}
