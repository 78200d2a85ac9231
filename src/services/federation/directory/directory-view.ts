// Use cases: the directory this node holds as the admin pages show it (members with their peer's
// status and health, the founders that signed), the history of versions with what changed in each,
// and the signed version as this node serves it to others (GET /federation/v1/directory).
import type { DirectoryDiff } from '../../../domain/federation-directory/diff.js';
import type {
  DirectoryDocument,
  DirectoryMember,
  SignedDirectory,
} from '../../../domain/federation-directory/document.js';
import type { Bilingual } from '../../../error-types.js';
import { AppError } from '../../../errors.js';
import { signatureParty } from '../../../federation/crypto/directory-signature.js';
import { formatFingerprint } from '../../../federation/crypto/index.js';
import {
  currentDirectoryVersion,
  listDirectoryVersions,
  listPendingDirectories,
  type DirectoryOutcome,
} from '../../../storage/repositories/federation-directory.repository.js';
import { peerGlances } from '../../../storage/repositories/federation-status.repository.js';
import type { ServiceContext } from '../../context.js';
import { refusalReason } from '../refusal-reason.js';

const HISTORY_LIMIT = 100;

export type DirectoryMemberView = Omit<DirectoryMember, 'fingerprint'> & {
  fingerprint: string;
  founder: boolean;
  self: boolean;
  /** This node's peer for the member (null: not a peer — its card could not be fetched or did not match). */
  peer: null | {
    status: 'active' | 'suspended';
    fingerprintMatches: boolean;
    lastContactAt: string | null;
    queueDepth: number;
    consecutiveFailures: number;
    lastErrorCode: string | null;
    lastErrorReason: Bilingual | null;
  };
};

export type DirectoryVersionView = {
  version: number;
  hash: string;
  issuedAt: string;
  appliedAt: string;
  resyncedAt: string | null;
  source: string;
  diff: DirectoryDiff;
  outcomes: DirectoryOutcome[];
};

export type DirectoryView = {
  current: null | {
    federation: string;
    version: number;
    hash: string;
    issuedAt: string;
    threshold: number;
    founders: { party: string; fingerprint: string }[];
    /** Founders whose signature the held copy carries (each verified when the version was applied). */
    signedBy: string[];
    members: DirectoryMemberView[];
  };
  history: DirectoryVersionView[];
  /** Versions peers sent that wait to be applied. */
  pending: { version: number; from: string; receivedAt: string }[];
};

export async function directoryView(ctx: ServiceContext): Promise<DirectoryView> {
  const [held, versions, pending] = await Promise.all([
    currentDirectoryVersion(ctx.db),
    listDirectoryVersions(ctx.db, HISTORY_LIMIT),
    listPendingDirectories(ctx.db),
  ]);
  const history = versions.map((v): DirectoryVersionView => ({
    version: v.version,
    hash: v.hash,
    issuedAt: (v.signed as SignedDirectory).document.issuedAt,
    appliedAt: v.appliedAt,
    resyncedAt: v.resyncedAt,
    source: v.source,
    diff: v.diff as DirectoryDiff,
    outcomes: v.outcomes,
  }));
  const waiting = pending.map((p) => ({ version: p.version, from: p.receivedFrom, receivedAt: p.receivedAt }));
  if (!held) return { current: null, history, pending: waiting };
  const signed = held.signed as SignedDirectory;
  const doc: DirectoryDocument = signed.document;
  // One statement for every member's peer (the page polls this every 15 s, with 30+ members).
  const peers = new Map((await peerGlances(ctx.db)).map((p) => [p.peerId, p]));
  const members = doc.members.map((m): DirectoryMemberView => {
    const p = peers.get(m.party);
    return {
      ...m,
      fingerprint: formatFingerprint(m.fingerprint),
      founder: doc.founders.some((f) => f.party === m.party),
      self: m.party === ctx.config.nodeId,
      peer: p
        ? {
            status: p.status,
            fingerprintMatches: p.fingerprint === m.fingerprint,
            lastContactAt: p.lastContactAt ? p.lastContactAt.toISOString() : null,
            queueDepth: p.queueDepth,
            consecutiveFailures: p.consecutiveFailures,
            lastErrorCode: p.lastErrorCode,
            lastErrorReason: refusalReason(p.lastErrorCode),
          }
        : null,
    };
  });
  return {
    current: {
      federation: doc.federation,
      version: doc.version,
      hash: held.hash,
      issuedAt: doc.issuedAt,
      threshold: doc.threshold,
      founders: doc.founders.map((f) => ({ party: f.party, fingerprint: formatFingerprint(f.fingerprint) })),
      signedBy: signed.signatures.map(signatureParty).filter((p): p is string => p !== null),
      members,
    },
    history,
    pending: waiting,
  };
}

/** The signed version this node holds, exactly as it was applied (others verify it themselves). */
export async function heldSignedDirectory(ctx: ServiceContext): Promise<SignedDirectory> {
  const held = await currentDirectoryVersion(ctx.db);
  if (!held) throw new AppError('FED_DIRECTORY_NONE');
  return held.signed as SignedDirectory;
}
