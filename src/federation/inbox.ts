// The receiving side of POST /federation/v1/inbox: open the batch, authenticate each message, and
// only then — if anything in it is authentic — queue behind the sender's previous batch and apply
// in order in ONE transaction (inbox rows + handlers + dead letters + audit), then sign the receipt.
// A batch that authenticates nobody never waits in a real peer's queue, opens no transaction and
// writes no audit entry of its own: its refusals are counted and summarised (inbox-refusals.ts).
import { decodeProtectedHeader } from 'jose';
import { appendAuditMany, type AuditInput } from '../audit/audit-log.js';
import type { ServiceContext } from '../services/context.js';
import { refreshPeerCard } from '../services/federation/refresh-peer-card.js';
import { notify } from '../services/notification/notify.js';
import { insertDeadLetters } from '../storage/repositories/federation-dead-letter.repository.js';
import {
  findKnownMids,
  insertInboxRows,
  lockInChannels,
  saveInChannel,
  settleHeld,
} from '../storage/repositories/federation-inbox.repository.js';
import { recordInboundContact } from '../storage/repositories/federation-peer-state.repository.js';
import {
  currentKeys,
  fedError,
  isFederationError,
  openBatch,
  signReceipt,
  type ReceiptResult,
} from './crypto/index.js';
import type { FederationMetrics } from './federation-metrics.js';
import { applyChannel, type AuthenticMessage, type ChannelWork } from './inbox-channel.js';
import { NeedCarefulMode, type ApplyMode } from './inbox-handlers-run.js';
import { noteUnauthenticatedRefusals, type RefusalSource } from './inbox-refusals.js';
import { verifyBatchMessages, type Verified } from './inbox-verify.js';
import { enqueueMessages } from './outbox.js';
import { lookupPeer, resolverFor, type PeerEntry } from './peer-directory.js';
import { serialisePerSender } from './sender-queue.js';
import { contactWriteDue } from './contact-throttle.js';

class PeerChanged extends Error {}

/** Messages checked before the rest of a batch: if none is authentic, the batch is refused whole. */
const PROBE = 8;

/** Who sent the request, as far as the connection tells (not authenticated). */
export type InboxClient = { ip: string };

/** Returns the signed receipt; throws a FederationError (already counted) when the whole batch is refused. */
export async function receiveBatch(
  ctx: ServiceContext,
  jwe: string,
  metrics: FederationMetrics,
  client: InboxClient,
): Promise<string> {
  const receivedAt = ctx.clock();
  const source: RefusalSource = { ip: client.ip, claimedFrom: claimedSender(jwe) };
  let opened;
  let peer: PeerEntry | null;
  try {
    opened = await openBatch(jwe, ctx.secrets.keyRing, {
      to: ctx.config.nodeId,
      maxMessages: ctx.config.federationBatchSize * 10,
    });
    // A sender never seals an empty batch; answering one would be free work for anyone.
    if (opened.messages.length === 0)
      throw fedError('FED_MALFORMED', { bid: opened.header.bid, reason: 'empty batch' });
    peer = await lookupPeer(ctx.db, ctx.db, opened.header.from);
    if (!peer || peer.status !== 'active') throw fedError('FED_UNKNOWN_SENDER', { from: opened.header.from });
  } catch (e) {
    if (isFederationError(e)) await refuseBatch(ctx, metrics, source, e.code);
    throw e;
  }
  const { header, messages } = opened;
  const expectedNow = () => ({
    to: ctx.config.nodeId,
    from: header.from,
    now: ctx.clock(),
    clockSkewSeconds: ctx.config.federationClockSkewSeconds,
  });
  // Authenticate first (CPU on the thread pool, no database): only a batch with something authentic
  // in it may wait behind the sender's previous batch, so forged traffic naming a real peer never
  // delays that peer's own batches.
  let verified = await verifyBatchMessages(messages, resolverFor(peer), expectedNow(), { probe: PROBE });
  // The sender rotated its keys: follow the rotation only if its old key endorses the new card.
  if (verified.unknownKey && (await refreshPeerCard(ctx, header.from, { ifStale: true }).catch(() => null))?.updated) {
    peer = await lookupPeer(ctx.db, ctx.db, header.from, true);
    if (!peer || peer.status !== 'active') {
      await refuseBatch(ctx, metrics, source, 'FED_UNKNOWN_SENDER');
      throw fedError('FED_UNKNOWN_SENDER', { from: header.from });
    }
    verified = await verifyBatchMessages(messages, resolverFor(peer), expectedNow(), { probe: PROBE });
  }
  if (verified.unchecked > 0) {
    // The first messages authenticate nobody: the batch is refused whole, the rest never checked. A
    // real sender's batch that meets this (e.g. signed with a key this node cannot follow) stays
    // pending on its side and is retried, as after any refused batch.
    const code = verified.refused[0]!.code;
    await refuseBatch(
      ctx,
      metrics,
      source,
      code,
      verified.refused.map((r) => r.code),
      verified.unchecked,
    );
    throw fedError(code, { bid: header.bid, reason: `none of the first ${PROBE} messages is authentic` });
  }
  await noteUnauthenticatedRefusals(
    ctx,
    metrics,
    source,
    verified.refused.filter((r) => !r.authenticated).map((r) => r.code),
  );
  const sign = (outcomes: Outcomes) =>
    signReceipt(currentKeys(ctx.secrets.keyRing), {
      bid: header.bid,
      from: ctx.config.nodeId,
      to: header.from,
      receivedAt: receivedAt.toISOString(),
      results: [...outcomes.values()],
    });

  if (verified.authentic.length === 0 && verified.refused.every((r) => !r.authenticated)) {
    // Nothing the sender can be held to: nothing to store or order. The receipt still names each
    // refused message (a real sender needs FED_UNKNOWN_KEY to retry after a rotation).
    const outcomes = refusedOutcomes(new Map(), verified);
    count(metrics, outcomes);
    metrics.batchesReceived.inc({ status: 'receipted' });
    return sign(outcomes);
  }

  const authenticPeer = peer;
  return serialisePerSender(ctx.db, header.from, async () => {
    let current = authenticPeer;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) verified = await verifyBatchMessages(messages, resolverFor(current), expectedNow());
      try {
        const outcomes = await commitBatch(ctx, current, header.bid, verified);
        count(metrics, outcomes);
        metrics.batchesReceived.inc({ status: 'receipted' });
        // Messages without a readable mid cannot be named; every other one is, exactly once.
        return sign(outcomes);
      } catch (caught) {
        let e = caught;
        if (e instanceof PeerChanged && attempt < 3) {
          const fresh = await lookupPeer(ctx.db, ctx.db, header.from, true);
          if (fresh && fresh.status === 'active') {
            current = fresh;
            continue;
          }
          e = fedError('FED_UNKNOWN_SENDER', { from: header.from });
        }
        if (isFederationError(e)) await refuseBatch(ctx, metrics, source, e.code);
        throw e;
      }
    }
  });
}

type Outcomes = Map<string, ReceiptResult>;

/** Adds the refused messages that have a readable mid (each named once) to the outcomes. */
function refusedOutcomes(outcomes: Outcomes, verified: Verified): Outcomes {
  for (const r of verified.refused)
    if (r.mid && !outcomes.has(r.mid)) outcomes.set(r.mid, { mid: r.mid, status: 'rejected', code: r.code });
  return outcomes;
}

async function commitBatch(ctx: ServiceContext, peer: PeerEntry, bid: string, verified: Verified): Promise<Outcomes> {
  try {
    return await commitOnce(ctx, peer, bid, verified, 'fast');
  } catch (e) {
    if (e instanceof NeedCarefulMode) return commitOnce(ctx, peer, bid, verified, 'careful');
    throw e;
  }
}

function commitOnce(
  ctx: ServiceContext,
  peer: PeerEntry,
  bid: string,
  verified: Verified,
  mode: ApplyMode,
): Promise<Outcomes> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock();
    const [row] = await tx.query<{ status: string; version: number }>(
      'SELECT status, version FROM peers WHERE id = $1 FOR SHARE',
      [peer.id],
    );
    if (!row || row.status !== 'active') throw fedError('FED_UNKNOWN_SENDER', { from: peer.id });
    if (row.version !== peer.version) throw new PeerChanged();
    const outcomes: Outcomes = new Map();
    const known = await findKnownMids(
      tx,
      verified.authentic.map((m) => m.mid),
    );
    const byChannel = new Map<string, AuthenticMessage[]>();
    for (const m of verified.authentic) {
      const seen = known.get(m.mid);
      if (seen) {
        // Idempotent: the same message again changes nothing; a refused one stays refused.
        outcomes.set(m.mid, {
          mid: m.mid,
          status: 'duplicate',
          ...(seen.state === 'rejected' && seen.code ? { code: seen.code } : {}),
        });
        continue;
      }
      byChannel.set(m.channel, [...(byChannel.get(m.channel) ?? []), m]);
    }
    const works: ChannelWork[] = [];
    if (byChannel.size > 0) {
      const channels = await lockInChannels(tx, peer.id, [...byChannel.keys()]);
      for (const [name, fresh] of [...byChannel].sort(([a], [b]) => (a < b ? -1 : 1))) {
        works.push(await applyChannel(ctx, tx, channels.get(name)!, fresh, bid, mode));
      }
    }
    const nowIso = now.toISOString();
    await insertInboxRows(
      tx,
      works.flatMap((w) => w.inserts),
      nowIso,
    );
    await settleHeld(
      tx,
      works.flatMap((w) => w.settled),
      nowIso,
    );
    for (const w of works) await saveInChannel(tx, w.channel);
    const deadLetters = works.flatMap((w) => w.deadLetters);
    if (deadLetters.length > 0) {
      await insertDeadLetters(tx, deadLetters, nowIso);
      // Something this node could not use arrived from a peer: an admin should look (Federation → dead letters).
      const codes = [...new Set(deadLetters.map((d) => d.code))].join(', ');
      await notify(
        tx,
        {
          to: { role: 'admin' },
          kind: 'federation.dead_letter',
          subjectType: 'peer',
          subjectId: peer.id,
          severity: 'warning',
          title: {
            en: `${deadLetters.length} message(s) from ${peer.card.name.en || peer.id} refused`,
            zh: `已拒收来自${peer.card.name.zh || peer.card.name.en || peer.id}的 ${deadLetters.length} 条消息`,
          },
          body: {
            en: `Codes: ${codes}. See Federation → dead letters.`,
            zh: `错误代码：${codes}。请查看“联邦 → 死信”。`,
          },
        },
        now,
      );
    }
    const late = works.flatMap((w) => w.lateRejections);
    if (late.length)
      await enqueueMessages(tx, ctx, {
        to: peer.id,
        channel: 'control',
        type: 'federation.result',
        schema: 1,
        bodies: late,
      });
    // Only refusals of what the peer really signed are audited one by one; the others were counted.
    const audits: AuditInput[] = verified.refused
      .filter((r) => r.authenticated)
      .map((r) => ({
        actor: { kind: 'system', partyId: ctx.config.nodeId },
        action: 'federation.rejected',
        subjectType: 'federation_message',
        subjectId: r.mid ?? 'unnamed',
        data: {
          code: r.code,
          bid,
          batchFrom: peer.id,
          claimed: { from: r.from, channel: r.channel, seq: r.seq, type: r.type },
        },
      }));
    await appendAuditMany(tx, [...audits, ...works.flatMap((w) => w.audits)], now);
    if (contactWriteDue(ctx.db, `in:${peer.id}`, now.getTime())) await recordInboundContact(tx, peer.id, now);
    for (const w of works) for (const o of w.outcomes) outcomes.set(o.mid, o);
    return refusedOutcomes(outcomes, verified);
  });
}

function count(metrics: FederationMetrics, outcomes: Outcomes): void {
  for (const r of outcomes.values()) {
    metrics.received.inc({ status: r.status });
    if (r.status === 'rejected' && r.code) metrics.rejected.inc({ code: r.code });
  }
}

/** The sender a batch names in its header, unverified (ECDH-ES is anonymous): for counting only. */
function claimedSender(jwe: string): string | null {
  try {
    const from = decodeProtectedHeader(jwe).from;
    return typeof from === 'string' ? from.slice(0, 64) : null;
  } catch {
    return null;
  }
}

/**
 * The whole batch is refused before anyone was authenticated: counted and summarised, not audited
 * alone. `itemCodes` are the refusals it consisted of (the batch's own code by default), `unchecked`
 * the messages left unchecked; all of them are spent from the client's refusal budget.
 */
async function refuseBatch(
  ctx: ServiceContext,
  metrics: FederationMetrics,
  source: RefusalSource,
  code: string,
  itemCodes: readonly string[] = [code],
  unchecked = 0,
): Promise<void> {
  metrics.rejected.inc({ code });
  metrics.batchesReceived.inc({ status: 'refused' });
  await noteUnauthenticatedRefusals(ctx, metrics, source, itemCodes, unchecked);
}
