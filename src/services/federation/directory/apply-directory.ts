// Use case: verify a signed directory version and bring this node's peers in line with it. A member
// not yet a peer is added as active iff the card its endpoint serves has the fingerprint the
// directory lists (the founders vouched for it: no manual confirmation); a member whose fingerprint
// changed is updated to the new card when it matches (a key rotation via the directory); a member
// the new version drops is suspended. Peers the directory never listed are left alone. Cards are
// fetched before the transaction; the transaction re-checks the version under a lock, applies,
// records the version with its diff and outcomes, and audits.
import { appendAuditMany, type AuditInput } from '../../../audit/audit-log.js';
import { diffDirectories, type DirectoryDiff } from '../../../domain/federation-directory/diff.js';
import {
  directoryHash,
  mayPublishDirectory,
  type DirectoryDocument,
  type DirectoryMember,
  type SignedDirectory,
} from '../../../domain/federation-directory/document.js';
import { checkDirectory, type DirectoryVerdict } from '../../../domain/federation-directory/rules.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { isAppError } from '../../../errors.js';
import { fetchNodeCard } from '../../../federation/card-fetch.js';
import { verifiedSigners } from '../../../federation/crypto/directory-signature.js';
import { verifyNodeCard, type NodeCard } from '../../../federation/crypto/index.js';
import { invalidatePeer } from '../../../federation/peer-directory.js';
import { signalOutbox } from '../../../federation/outbox-signal.js';
import type { Queryable } from '../../../storage/db.js';
import { clearRetryGate } from '../../../storage/repositories/federation-peer-state.repository.js';
import {
  currentDirectoryVersion,
  deletePendingDirectory,
  directoryVersionBefore,
  insertDirectoryVersion,
  listPendingDirectories,
  lockDirectory,
  updateDirectoryResync,
  type DirectoryOutcome,
  type DirectoryVersionRow,
} from '../../../storage/repositories/federation-directory.repository.js';
import { findPeer, insertPeer, updatePeer, type PeerRow } from '../../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../../context.js';
import { sendDirectoryTo } from './send-directory.js';
import { ownNodeCard } from '../node-card.js';
import { parseSignedDirectory } from './parse-directory.js';
import { trustedFounderKeys } from './trusted-founders.js';

export type AppliedDirectory = {
  federation: string;
  version: number;
  hash: string;
  resync: boolean;
  foundersChanged: boolean;
  signedBy: string[];
  diff: DirectoryDiff;
  outcomes: DirectoryOutcome[];
};

/** A member's card as fetched from the endpoint the directory lists, or why it could not be used. */
type FetchedCard = { card: NodeCard } | { problem: 'card_unreachable' | 'card_mismatch'; detail: string };

const FETCH_CONCURRENCY = 8;

/** Verifies `signed` against the held version and this node's trusted founder keys (throws the refusal). */
export async function verifyDirectory(
  ctx: ServiceContext,
  db: Queryable,
  signed: SignedDirectory,
): Promise<{ verdict: DirectoryVerdict; held: DirectoryVersionRow | null }> {
  const held = await currentDirectoryVersion(db);
  const heldDirectory = held ? { document: (held.signed as SignedDirectory).document, hash: held.hash } : null;
  const signers = verifiedSigners(signed.document, signed.signatures, await trustedFounderKeys(ctx, db));
  return { verdict: checkDirectory(signed.document, heldDirectory, signers), held };
}

async function fetchMemberCard(ctx: ServiceContext, member: DirectoryMember): Promise<FetchedCard> {
  let raw: unknown;
  try {
    raw = await fetchNodeCard(member.endpoint, ctx.config.federationHttpTimeoutMs, ctx.logger);
  } catch (e) {
    if (isAppError(e)) return { problem: 'card_unreachable', detail: member.endpoint };
    throw e;
  }
  const check = verifyNodeCard(raw);
  if (!check.ok) return { problem: 'card_mismatch', detail: check.reason };
  if (check.card.id !== member.party) return { problem: 'card_mismatch', detail: `card of ${check.card.id}` };
  if (check.card.fingerprint !== member.fingerprint)
    return { problem: 'card_mismatch', detail: `fingerprint ${check.card.fingerprint}` };
  return { card: check.card };
}

/** Cards of the members this node must add or rotate, fetched a few at a time. */
async function fetchNeededCards(ctx: ServiceContext, doc: DirectoryDocument): Promise<Map<string, FetchedCard>> {
  const needed: DirectoryMember[] = [];
  for (const m of doc.members) {
    if (m.party === ctx.config.nodeId) continue;
    const peer = await findPeer(ctx.db, m.party);
    if (!peer || peer.fingerprint !== m.fingerprint) needed.push(m);
  }
  const out = new Map<string, FetchedCard>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(FETCH_CONCURRENCY, needed.length) }, async () => {
      while (next < needed.length) {
        const m = needed[next++]!;
        out.set(m.party, await fetchMemberCard(ctx, m));
      }
    }),
  );
  return out;
}

const cardRow = (card: NodeCard) => ({
  name: card.name,
  country: card.country,
  endpoint: card.endpoint,
  card: card as unknown as Record<string, unknown>,
  fingerprint: card.fingerprint,
});

type Planned = { outcomes: DirectoryOutcome[]; audits: AuditInput[]; touched: string[]; resumed: string[] };

/** Applies one version's members to the peers table (inside the caller's transaction). */
async function applyMembers(
  ctx: ServiceContext,
  tx: Queryable,
  actor: Actor,
  doc: DirectoryDocument,
  previous: DirectoryDocument | null,
  cards: Map<string, FetchedCard>,
): Promise<Planned> {
  const now = ctx.clock().toISOString();
  const plan: Planned = { outcomes: [], audits: [], touched: [], resumed: [] };
  const via = { via: 'directory', federation: doc.federation, version: doc.version };
  const note = (party: string, outcome: string, detail?: string) =>
    plan.outcomes.push(detail ? { party, outcome, detail } : { party, outcome });
  const wasListed = new Set((previous?.members ?? []).map((m) => m.party));
  for (const m of doc.members) {
    if (m.party === ctx.config.nodeId) {
      note(m.party, m.fingerprint === ownNodeCard(ctx).fingerprint ? 'self' : 'self_mismatch');
      continue;
    }
    const peer = await findPeer(tx, m.party);
    if (peer && peer.fingerprint === m.fingerprint) {
      // A member dropped by an earlier version and listed again is resumed; an admin's own suspension stays.
      if (peer.status === 'suspended' && previous && !wasListed.has(m.party)) {
        await updatePeer(tx, { ...peer, status: 'active', updatedAt: now });
        await clearRetryGate(tx, m.party);
        plan.audits.push({
          actor,
          action: 'federation.peer_resumed',
          subjectType: 'peer',
          subjectId: m.party,
          data: via,
        });
        plan.touched.push(m.party);
        plan.resumed.push(m.party);
        note(m.party, 'peer_resumed');
      } else note(m.party, 'unchanged');
      continue;
    }
    const fetched = cards.get(m.party);
    if (!fetched || 'problem' in fetched) {
      note(
        m.party,
        fetched?.problem ?? 'card_unreachable',
        fetched && 'detail' in fetched ? fetched.detail : undefined,
      );
      continue;
    }
    const card = fetched.card;
    if (!peer) {
      const row: PeerRow = {
        id: m.party,
        ...cardRow(card),
        status: 'active',
        addedAt: now,
        updatedAt: now,
        version: 1,
      };
      await insertPeer(tx, row);
      plan.audits.push({
        actor,
        action: 'federation.peer_added',
        subjectType: 'peer',
        subjectId: m.party,
        data: { fingerprint: card.fingerprint, endpoint: card.endpoint, country: card.country, ...via },
      });
      note(m.party, 'peer_added');
    } else {
      await updatePeer(tx, { ...peer, ...cardRow(card), updatedAt: now });
      plan.audits.push({
        actor,
        action: 'federation.peer_card_updated',
        subjectType: 'peer',
        subjectId: m.party,
        data: { rotated: true, fingerprint: card.fingerprint, previousFingerprint: peer.fingerprint, ...via },
      });
      note(m.party, 'peer_rotated');
    }
    plan.touched.push(m.party);
  }
  const listed = new Set(doc.members.map((m) => m.party));
  for (const party of wasListed) {
    if (listed.has(party) || party === ctx.config.nodeId) continue;
    const peer = await findPeer(tx, party);
    if (!peer || peer.status === 'suspended') {
      note(party, 'removed');
      continue;
    }
    await updatePeer(tx, { ...peer, status: 'suspended', updatedAt: now });
    plan.audits.push({ actor, action: 'federation.peer_suspended', subjectType: 'peer', subjectId: party, data: via });
    plan.touched.push(party);
    note(party, 'peer_suspended');
  }
  return plan;
}

/**
 * Verifies and applies a signed directory. `source` says where it came from: 'upload', 'publish',
 * 'url', or 'peer:<id>' for a version a peer sent. The same version again (identical bytes) re-syncs:
 * members whose card could not be fetched before are tried again.
 */
export async function applyDirectory(
  ctx: ServiceContext,
  actor: Actor,
  raw: unknown,
  source: string,
): Promise<AppliedDirectory> {
  const signed = parseSignedDirectory(raw);
  const doc = signed.document;
  await verifyDirectory(ctx, ctx.db, signed); // refuse early, before fetching any card
  const cards = await fetchNeededCards(ctx, doc);
  const now = ctx.clock();
  const result = await ctx.db.transaction(async (tx) => {
    await lockDirectory(tx);
    const { verdict, held } = await verifyDirectory(ctx, tx, signed);
    const heldSigned = held ? (held.signed as SignedDirectory) : null;
    // A re-sync compares with the version before the held one, so its removals are enforced again too.
    const previous = verdict.resync ? await previousVersionDoc(tx, held) : (heldSigned?.document ?? null);
    const diff = verdict.resync && held ? (held.diff as DirectoryDiff) : diffDirectories(previous, doc);
    const plan = await applyMembers(ctx, tx, actor, doc, previous, cards);
    const hash = directoryHash(doc);
    if (verdict.resync && held) {
      const merged = {
        document: doc,
        signatures: [...new Set([...(heldSigned?.signatures ?? []), ...signed.signatures])],
      };
      await updateDirectoryResync(tx, doc.version, merged, plan.outcomes, now.toISOString());
      // A member that could not be reached when this node published the version was no peer then, so
      // nothing was queued for it; now that the re-sync made it one, a publisher sends it the version.
      if (mayPublishDirectory(doc, ctx.config.nodeId)) {
        for (const o of plan.outcomes.filter((x) => x.outcome === 'peer_added'))
          await sendDirectoryTo(tx, ctx, o.party, merged);
      }
    } else {
      await insertDirectoryVersion(tx, {
        version: doc.version,
        federation: doc.federation,
        hash,
        signed,
        diff,
        outcomes: plan.outcomes,
        source,
        appliedAt: now.toISOString(),
        resyncedAt: null,
      });
    }
    // The upkeep re-syncs once a minute while a member stays unreachable: a re-sync that changed no
    // peer and found the same outcomes writes no entry (the version's row keeps its re-sync time).
    const sameOutcomes = held !== null && JSON.stringify(held.outcomes) === JSON.stringify(plan.outcomes);
    const quietResync = verdict.resync && plan.audits.length === 0 && sameOutcomes;
    await appendAuditMany(
      tx,
      [
        ...plan.audits,
        ...(quietResync
          ? []
          : [
              {
                actor,
                action: 'federation.directory_applied' as const,
                subjectType: 'federation_directory',
                subjectId: doc.federation,
                data: {
                  version: doc.version,
                  hash,
                  source,
                  resync: verdict.resync,
                  signedBy: verdict.signedBy,
                  foundersChanged: verdict.foundersChanged,
                  added: diff.added.length,
                  rotated: diff.rotated.length,
                  removed: diff.removed.length,
                  problems: plan.outcomes
                    .filter((o) => o.outcome.startsWith('card_') || o.outcome === 'self_mismatch')
                    .map((o) => o.party),
                },
              },
            ]),
      ],
      now,
    );
    return {
      plan,
      applied: {
        federation: doc.federation,
        version: doc.version,
        hash,
        resync: verdict.resync,
        foundersChanged: verdict.foundersChanged,
        signedBy: verdict.signedBy,
        diff,
        outcomes: plan.outcomes,
      },
    };
  });
  for (const party of result.plan.touched) invalidatePeer(ctx.db, party);
  for (const party of result.plan.resumed) signalOutbox(ctx.db, party);
  return result.applied;
}

/** The document of the version applied before `held` (for a re-sync), if this node applied one. */
async function previousVersionDoc(tx: Queryable, held: DirectoryVersionRow | null): Promise<DirectoryDocument | null> {
  const before = held ? await directoryVersionBefore(tx, held.version) : null;
  return before ? (before.signed as SignedDirectory).document : null;
}

const applying = new WeakSet<object>();

/**
 * Applies the versions peers sent (stored by the inbound handler), oldest first. Runs after the
 * inbox transaction commits and on the federation upkeep tick (a version whose apply failed for a
 * transient reason is tried again). A version refused now (superseded, or no longer verifiable) is
 * dropped: its refusal is audited.
 */
export async function applyPendingDirectories(ctx: ServiceContext): Promise<number> {
  if (applying.has(ctx.db)) return 0;
  applying.add(ctx.db);
  let applied = 0;
  try {
    for (const p of await listPendingDirectories(ctx.db)) {
      const actor = { kind: 'system' as const, partyId: ctx.config.nodeId };
      try {
        await applyDirectory(ctx, actor, p.signed, `peer:${p.receivedFrom}`);
        applied += 1;
      } catch (e) {
        if (!isAppError(e)) {
          ctx.logger.warn({ err: e, version: p.version }, 'directory version could not be applied; will retry');
          continue;
        }
        if (e.code !== 'FED_DIRECTORY_ROLLBACK') {
          await ctx.db.transaction((tx) =>
            appendAuditMany(
              tx,
              [
                {
                  actor,
                  action: 'federation.directory_refused',
                  subjectType: 'federation_directory',
                  subjectId: p.receivedFrom,
                  data: { version: p.version, code: e.code, from: p.receivedFrom },
                },
              ],
              ctx.clock(),
            ),
          );
        }
      }
      await deletePendingDirectory(ctx.db, p.version, p.hash);
    }
  } finally {
    applying.delete(ctx.db);
  }
  return applied;
}

/**
 * Re-applies the held version when some of its members could not be added (their card could not be
 * fetched or did not match): a member that was down or overloaded when the version arrived becomes a
 * peer once it answers, without an admin re-applying by hand. Runs on the federation upkeep tick, at
 * most once per `federationDirectoryResyncSeconds` after the last apply or re-sync. Returns whether it tried.
 */
export async function resyncIncompleteDirectory(ctx: ServiceContext): Promise<boolean> {
  const held = await currentDirectoryVersion(ctx.db);
  if (!held || !held.outcomes.some((o) => o.outcome.startsWith('card_'))) return false;
  const last = Date.parse(held.resyncedAt ?? held.appliedAt);
  if (ctx.clock().getTime() - last < ctx.config.federationDirectoryResyncSeconds * 1000) return false;
  try {
    await applyDirectory(ctx, { kind: 'system', partyId: ctx.config.nodeId }, held.signed, 'resync');
  } catch (e) {
    ctx.logger.warn({ err: e, version: held.version }, 'directory re-sync failed; will retry');
  }
  return true;
}
