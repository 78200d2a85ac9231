// Checks the audit chain against the checkpoints peers countersigned (docs/spec.md §9.2): each
// countersignature must verify with that peer's key and name (seq, hash) equal to the chain's
// CURRENT hash at seq. A rewrite that recomputed every hash passes the chain walk but not this.
import { cardSigKeys, isFederationError, verifyNodeCard } from '../federation/crypto/index.js';
import { verifyCountersignature } from '../federation/checkpoint-jws.js';
import type { Queryable } from '../storage/db.js';
import { auditHashAt, listCountersignatures } from '../storage/repositories/federation-checkpoint.repository.js';

export type CheckpointVerification = {
  /** Countersignatures stored. */
  checked: number;
  /** Countersignatures whose signature and (seq, hash) matched the chain. */
  verified: number;
  /** Signed by a peer that was removed (no key to check with): reported, not counted as failure. */
  unverifiable: number;
  failure?: { seq: number; peer: string; reason: 'checkpoint_mismatch' | 'bad_countersignature'; detail: string };
};

export async function verifyCountersignedCheckpoints(db: Queryable): Promise<CheckpointVerification> {
  const result: CheckpointVerification = { checked: 0, verified: 0, unverifiable: 0 };
  for (const cs of await listCountersignatures(db)) {
    result.checked += 1;
    const card = cs.card ? verifyNodeCard(cs.card) : null;
    if (!card?.ok) {
      result.unverifiable += 1;
      continue;
    }
    const keys = cardSigKeys(card.card);
    let signed;
    try {
      signed = verifyCountersignature(cs.jws, (kid) => keys.get(kid));
    } catch (e) {
      if (!isFederationError(e)) throw e;
      if (e.code === 'FED_UNKNOWN_KEY') {
        result.unverifiable += 1;
        continue;
      }
      return {
        ...result,
        failure: {
          seq: cs.seq,
          peer: cs.peerId,
          reason: 'bad_countersignature',
          detail: `countersignature by ${cs.peerId} at entry ${cs.seq}: ${e.code}`,
        },
      };
    }
    if (signed.seq !== cs.seq || signed.hash !== cs.hash || signed.by !== cs.peerId) {
      return {
        ...result,
        failure: {
          seq: cs.seq,
          peer: cs.peerId,
          reason: 'bad_countersignature',
          detail: `stored countersignature row ${cs.seq} differs from what ${cs.peerId} signed`,
        },
      };
    }
    const current = await auditHashAt(db, cs.seq);
    if (current !== signed.hash) {
      return {
        ...result,
        failure: {
          seq: cs.seq,
          peer: cs.peerId,
          reason: 'checkpoint_mismatch',
          detail: `entry ${cs.seq} ${current ? 'has a different hash than' : 'is missing from'} the checkpoint ${cs.peerId} countersigned: history up to it was rewritten`,
        },
      };
    }
    result.verified += 1;
  }
  return result;
}
