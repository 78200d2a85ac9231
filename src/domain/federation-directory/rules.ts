// When a node may take a directory version: same federation, not older than the one it holds
// (rollback), linked to its predecessor, and signed by at least `threshold` distinct founders whose
// keys this node trusts — the OLD founders when the founder set or threshold changes.
import { AppError } from '../../errors.js';
import { foundersChanged } from './diff.js';
import { directoryHash, type DirectoryDocument, type DirectoryFounder } from './document.js';

/**
 * A founder whose signature verified with a key this node trusts, and the card fingerprints that key
 * speaks for: its own, and those of the earlier keys it replaced by an endorsed rotation this node
 * accepted (so a founder who rotated its key still counts until a version lists its new fingerprint).
 */
export type VerifiedSigner = { party: string; fingerprints: readonly string[] };

export type HeldDirectory = { document: DirectoryDocument; hash: string };

export type DirectoryVerdict = {
  /** The same version as the one held (identical bytes): re-applied to retry what failed before. */
  resync: boolean;
  foundersChanged: boolean;
  /** The founders whose signatures counted. */
  signedBy: string[];
};

/** Distinct founders among the verified signers (party and key both as the founder list names them). */
export function countFounderSignatures(
  founders: readonly DirectoryFounder[],
  signers: readonly VerifiedSigner[],
): string[] {
  const counted = new Set<string>();
  for (const s of signers) {
    if (founders.some((f) => f.party === s.party && s.fingerprints.includes(f.fingerprint))) counted.add(s.party);
  }
  return [...counted].sort();
}

export function checkDirectory(
  candidate: DirectoryDocument,
  held: HeldDirectory | null,
  signers: readonly VerifiedSigner[],
): DirectoryVerdict {
  let resync = false;
  let changed = false;
  let anchor: Pick<DirectoryDocument, 'founders' | 'threshold'> = candidate;
  if (held) {
    const current = held.document;
    if (candidate.federation !== current.federation) {
      throw new AppError('FED_DIRECTORY_OTHER_FEDERATION', {
        details: { held: current.federation, given: candidate.federation },
      });
    }
    const hash = directoryHash(candidate);
    if (candidate.version < current.version || (candidate.version === current.version && hash !== held.hash)) {
      throw new AppError('FED_DIRECTORY_ROLLBACK', { details: { held: current.version, given: candidate.version } });
    }
    resync = candidate.version === current.version;
    if (candidate.version === current.version + 1 && candidate.previous !== held.hash) {
      throw new AppError('FED_DIRECTORY_CHAIN_BROKEN', {
        details: { version: candidate.version, previous: candidate.previous, held: held.hash },
      });
    }
    changed = foundersChanged(current, candidate);
    // A new founder set cannot vouch for itself: k of the founders this node already trusts must sign it.
    if (changed) anchor = current;
  }
  const signedBy = countFounderSignatures(anchor.founders, signers);
  if (signedBy.length < anchor.threshold) {
    throw new AppError('FED_DIRECTORY_NOT_ENOUGH_SIGNATURES', {
      details: {
        required: anchor.threshold,
        valid: signedBy.length,
        signedBy,
        founders: anchor.founders.map((f) => f.party),
        foundersChanged: changed,
      },
    });
  }
  return { resync, foundersChanged: changed, signedBy };
}
