// Shared steps of the evidence use cases: load an item of a case, open its ciphertext, verify its
// chain of custody against the recorded head, and append a custody event in the caller's transaction.
import { AppError } from '../../errors.js';
import {
  openEvidence,
  recordCustody,
  verifyCustodyChain,
  type CaseRecord,
  type CustodyEvent,
  type CustodyKind,
  type CustodyVerification,
  type EvidenceRecord,
} from '../../domain/case/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import { ObjectChecksumError } from '../../storage/object-store/object-store.js';
import { objectStoreFor } from '../../storage/object-store/object-store-for.js';
import {
  findEvidence,
  insertCustodyEvent,
  listCustodyEvents,
  updateEvidence,
  type StoredEvidence,
} from '../../storage/repositories/evidence.repository.js';
import type { ServiceContext } from '../context.js';
import { recordCaseEvents } from './case-support.js';
import { custodyKeyResolver } from './custody-keys.js';
import { isEvidenceVisible } from './case-visibility.js';

export async function loadEvidence(
  ctx: ServiceContext,
  db: Queryable,
  kase: CaseRecord,
  evidenceId: string,
  forUpdate = false,
): Promise<StoredEvidence> {
  const stored = await findEvidence(db, evidenceId, forUpdate);
  // An item of another case, or one TLP hides from this node's users, is reported as absent.
  if (!stored || stored.record.caseId !== kase.id || !isEvidenceVisible(ctx.config.nodeId, stored.record)) {
    throw new AppError('EVIDENCE_NOT_FOUND', { details: { caseId: kase.id, evidenceId } });
  }
  return stored;
}

const integrity = (reason: string) => new AppError('EVIDENCE_INTEGRITY_FAILED', { details: { reason } });

/**
 * Decrypts the stored item in memory and checks the GCM tag, size and SHA-256 before anything is
 * returned. A wrapped key that no longer opens under the master key it names was altered in the
 * database: that is an integrity failure of the item (422), not a server fault. Only a record
 * naming a master key this node does not hold stays EVIDENCE_KEY_UNWRAP_FAILED (500).
 */
export async function openStoredEvidence(ctx: ServiceContext, e: EvidenceRecord): Promise<Buffer> {
  const ciphertext = await readCiphertext(ctx, e.storageKey);
  if (!ciphertext) throw integrity('missing');
  if (e.encryption.masterKeyId !== ctx.secrets.masterKeyId) {
    throw new AppError('EVIDENCE_KEY_UNWRAP_FAILED', { details: { masterKeyId: e.encryption.masterKeyId } });
  }
  try {
    return openEvidence(ciphertext, e.encryption, ctx.secrets.masterKey, { sha256: e.sha256, size: e.size }, e.id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'EVIDENCE_KEY_UNWRAP_FAILED') throw integrity('wrapped_key');
    throw err;
  }
}

/** A stored object whose checksum no longer matches (S3) is tampered ciphertext: the same 422. */
async function readCiphertext(ctx: ServiceContext, storageKey: string): Promise<Buffer | null> {
  try {
    return await objectStoreFor(ctx.config).get(storageKey);
  } catch (err) {
    if (err instanceof ObjectChecksumError) throw integrity(err.reason === 'missing' ? 'checksum_missing' : 'checksum');
    throw err;
  }
}

export type CustodyState = { chain: CustodyEvent[]; verification: CustodyVerification };

/** The stored chain, checked link by link and against the head recorded on the item (catches a cut tail). */
export async function verifyCustody(ctx: ServiceContext, db: Queryable, e: EvidenceRecord): Promise<CustodyState> {
  const chain = await listCustodyEvents(db, e.id);
  const resolve = await custodyKeyResolver(ctx, db, chain);
  return { chain, verification: verifyCustodyChain(chain, resolve, { expectedHead: e.custodyHead ?? undefined }) };
}

/**
 * Appends one signed custody event and moves the item's custody head, in the caller's transaction
 * (the evidence row must be locked). An item whose chain does not verify cannot be used until the
 * break is resolved, so nothing is appended to it.
 */
export async function appendCustody(
  ctx: ServiceContext,
  tx: Queryable,
  actor: Actor,
  kase: CaseRecord,
  stored: StoredEvidence,
  kind: CustodyKind,
  now: Date,
  note?: string,
): Promise<{ evidence: EvidenceRecord; event: CustodyEvent }> {
  const { chain, verification } = await verifyCustody(ctx, tx, stored.record);
  if (!verification.ok) {
    throw new AppError('EVIDENCE_CUSTODY_BROKEN', {
      details: { evidenceId: stored.record.id, firstBadSeq: verification.firstBadSeq, reason: verification.reason },
    });
  }
  const r = recordCustody({
    kase,
    evidence: stored.record,
    chain,
    kind,
    actor,
    now,
    party: ctx.config.nodeId,
    note,
    signingKey: ctx.secrets.signingKey,
    keyId: ctx.secrets.signingKeyId,
  });
  await updateEvidence(tx, r.evidence, stored.version);
  await insertCustodyEvent(tx, r.event);
  await recordCaseEvents(tx, actor, kase, r.events, now);
  return { evidence: r.evidence, event: r.event };
}
