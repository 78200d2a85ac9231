// The receiving side of POST /federation/v1/inbox: open the batch, verify each message, apply in
// order in ONE transaction (inbox rows + handlers + audit), then sign the receipt for the sender.
import { decodeProtectedHeader } from 'jose';
import { appendAudit, appendAuditMany, type AuditInput } from '../audit/audit-log.js';
import type { ServiceContext } from '../services/context.js';
import { refreshPeerCard } from '../services/federation/refresh-peer-card.js';
import { findKnownMids, insertInboxRows, lockInChannels, saveInChannel, settleHeld } from '../storage/repositories/federation-inbox.repository.js';
import { recordInboundContact } from '../storage/repositories/federation-peer-state.repository.js';
import { currentKeys, fedError, isFederationError, openBatch, signReceipt, type ReceiptResult } from './crypto/index.js';
import type { FederationMetrics } from './federation-metrics.js';
import { applyChannel, type AuthenticMessage, type ChannelWork } from './inbox-channel.js';
import { NeedCarefulMode, type ApplyMode } from './inbox-handlers-run.js';
import { verifyBatchMessages, type Verified } from './inbox-verify.js';
import { enqueueMessages } from './outbox.js';
import { lookupPeer, resolverFor, type PeerEntry } from './peer-directory.js';
import { serialisePerSender } from './sender-queue.js';
import { contactWriteDue } from './contact-throttle.js';

class PeerChanged extends Error {}

/** Returns the signed receipt; throws a FederationError (already audited and counted) when the whole batch is refused. */
export async function receiveBatch(ctx: ServiceContext, jwe: string, metrics: FederationMetrics): Promise<string> {
  const receivedAt = ctx.clock();
  let opened;
  let peer: PeerEntry | null = null;
  try {
    opened = await openBatch(jwe, ctx.secrets.keyRing, { to: ctx.config.nodeId, maxMessages: ctx.config.federationBatchSize * 10 });
    peer = await lookupPeer(ctx.db, ctx.db, opened.header.from);
    if (!peer || peer.status !== 'active') throw fedError('FED_UNKNOWN_SENDER', { from: opened.header.from });
  } catch (e) {
    if (isFederationError(e)) await refuseBatch(ctx, metrics, jwe, e.code);
    throw e;
  }
  const { header, messages } = opened;
  const expectedNow = () => ({ to: ctx.config.nodeId, from: header.from, now: ctx.clock(), clockSkewSeconds: ctx.config.federationClockSkewSeconds });
  // Verifying is CPU only: done before queueing behind this sender's previous batch, it overlaps
  // that batch's database work instead of adding to it.
  const verifiedEarly = await verifyBatchMessages(messages, resolverFor(peer), expectedNow());
  return serialisePerSender(ctx.db, header.from, async () => {
    for (let attempt = 0; ; attempt++) {
      const expected = expectedNow();
      let verified = attempt === 0 ? verifiedEarly : await verifyBatchMessages(messages, resolverFor(peer), expected);
      // The sender rotated its keys: follow the rotation only if its old key endorses the new card.
      if (verified.unknownKey && attempt === 0 && (await refreshPeerCard(ctx, header.from, { ifStale: true }).catch(() => null))?.updated) {
        peer = await lookupPeer(ctx.db, ctx.db, header.from, true);
        verified = await verifyBatchMessages(messages, resolverFor(peer), expected);
      }
      try {
        const outcomes = await commitBatch(ctx, peer!, header.bid, verified);
        count(metrics, outcomes);
        metrics.batchesReceived.inc({ status: 'receipted' });
        // Messages without a readable mid cannot be named; every other one is, exactly once.
        return signReceipt(currentKeys(ctx.secrets.keyRing), {
          bid: header.bid, from: ctx.config.nodeId, to: header.from, receivedAt: receivedAt.toISOString(), results: [...outcomes.values()],
        });
      } catch (e) {
        if (e instanceof PeerChanged && attempt < 3) {
          peer = await lookupPeer(ctx.db, ctx.db, header.from, true);
          if (!peer || peer.status !== 'active') e = fedError('FED_UNKNOWN_SENDER', { from: header.from });
          else continue;
        }
        if (isFederationError(e)) await refuseBatch(ctx, metrics, jwe, e.code);
        throw e;
      }
    }
  });
}

type Outcomes = Map<string, ReceiptResult>;

async function commitBatch(ctx: ServiceContext, peer: PeerEntry, bid: string, verified: Verified): Promise<Outcomes> {
  try {
    return await commitOnce(ctx, peer, bid, verified, 'fast');
  } catch (e) {
    if (e instanceof NeedCarefulMode) return commitOnce(ctx, peer, bid, verified, 'careful');
    throw e;
  }
}

function commitOnce(ctx: ServiceContext, peer: PeerEntry, bid: string, verified: Verified, mode: ApplyMode): Promise<Outcomes> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock();
    const [row] = await tx.query<{ status: string; version: number }>('SELECT status, version FROM peers WHERE id = $1 FOR SHARE', [peer.id]);
    if (!row || row.status !== 'active') throw fedError('FED_UNKNOWN_SENDER', { from: peer.id });
    if (row.version !== peer.version) throw new PeerChanged();
    const outcomes: Outcomes = new Map();
    const known = await findKnownMids(tx, verified.authentic.map((m) => m.mid));
    const byChannel = new Map<string, AuthenticMessage[]>();
    for (const m of verified.authentic) {
      const seen = known.get(m.mid);
      if (seen) {
        // Idempotent: the same message again changes nothing; a refused one stays refused.
        outcomes.set(m.mid, { mid: m.mid, status: 'duplicate', ...(seen.state === 'rejected' && seen.code ? { code: seen.code } : {}) });
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
    await insertInboxRows(tx, works.flatMap((w) => w.inserts), nowIso);
    await settleHeld(tx, works.flatMap((w) => w.settled), nowIso);
    for (const w of works) await saveInChannel(tx, w.channel);
    const late = works.flatMap((w) => w.lateRejections);
    if (late.length) await enqueueMessages(tx, ctx, { to: peer.id, channel: 'control', type: 'federation.result', schema: 1, bodies: late });
    const audits: AuditInput[] = verified.refused.map((r) => ({
      actor: { kind: 'system', partyId: ctx.config.nodeId }, action: 'federation.rejected', subjectType: 'federation_message',
      subjectId: r.mid ?? 'unnamed', data: { code: r.code, bid, batchFrom: peer.id, claimed: { from: r.from, channel: r.channel, seq: r.seq, type: r.type } },
    }));
    await appendAuditMany(tx, [...audits, ...works.flatMap((w) => w.audits)], now);
    if (contactWriteDue(ctx.db, `in:${peer.id}`, now.getTime())) await recordInboundContact(tx, peer.id, now);
    for (const w of works) for (const o of w.outcomes) outcomes.set(o.mid, o);
    for (const r of verified.refused) if (r.mid && !outcomes.has(r.mid)) outcomes.set(r.mid, { mid: r.mid, status: 'rejected', code: r.code });
    return outcomes;
  });
}

function count(metrics: FederationMetrics, outcomes: Outcomes): void {
  for (const r of outcomes.values()) {
    metrics.received.inc({ status: r.status });
    if (r.status === 'rejected' && r.code) metrics.rejected.inc({ code: r.code });
  }
}

/** The whole batch is refused before any message is looked at: audit it (claimed ids only) and count it. */
async function refuseBatch(ctx: ServiceContext, metrics: FederationMetrics, jwe: string, code: string): Promise<void> {
  metrics.rejected.inc({ code });
  metrics.batchesReceived.inc({ status: 'refused' });
  let claimed: Record<string, unknown> = {};
  try {
    const h = decodeProtectedHeader(jwe);
    claimed = { from: String(h.from ?? '').slice(0, 64), bid: String(h.bid ?? '').slice(0, 64) };
  } catch { /* unreadable header: nothing to name */ }
  await ctx.db.transaction((tx) => appendAudit(tx, {
    actor: { kind: 'system', partyId: ctx.config.nodeId }, action: 'federation.rejected', subjectType: 'federation_batch',
    subjectId: (claimed.bid as string) || 'unknown', data: { code, claimed },
  }, ctx.clock())).catch((err: unknown) => ctx.logger.error({ err }, 'could not audit a refused batch'));
}
