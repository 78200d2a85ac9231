// Sends one claimed batch to a peer and records the outcome. Only a verified, signed receipt can
// settle a message (sent or rejected); any other outcome — network error, HTTP error, unverifiable
// reply — leaves every message pending for a retry, so nobody on the path can make us drop one.
import { appendAuditMany } from '../audit/audit-log.js';
import type { ServiceContext } from '../services/context.js';
import { notify } from '../services/notification/notify.js';
import { refreshPeerCard } from '../services/federation/refresh-peer-card.js';
import {
  deferOutboxRows,
  recordOutboxResults,
  type ClaimedMessage,
  type OutboxResult,
} from '../storage/repositories/federation-outbox.repository.js';
import { insertReceipt, recordDeliverySuccess } from '../storage/repositories/federation-peer-state.repository.js';
import { isFederationError, newFederationId, sealBatch, verifyReceipt, type Receipt } from './crypto/index.js';
import type { FederationMetrics } from './federation-metrics.js';
import { lookupPeer, resolverFor, type PeerEntry } from './peer-directory.js';
import { postToInbox } from './inbox-post.js';
import { recordFailure } from './record-failure.js';
import { contactWriteDue } from './contact-throttle.js';

export const INBOX_PATH = '/federation/v1/inbox';

class DeliveryTimeout extends Error {
  constructor() {
    super('no receipt within the delivery timeout');
  }
}

/** Receipt codes that mean "not now" rather than "never": the message stays pending and is retried. */
const RETRYABLE = new Set(['FED_REORDER_WINDOW', 'FED_UNKNOWN_KEY', 'FED_UNAVAILABLE']);

export type DeliveryOutcome =
  { ok: true; sent: number; rejected: number; retried: number } | { ok: false; code: string; retryAt: Date };

export async function deliverBatch(
  ctx: ServiceContext,
  peer: PeerEntry,
  batch: readonly ClaimedMessage[],
  metrics: FederationMetrics,
  stop?: AbortSignal,
): Promise<DeliveryOutcome> {
  const bid = newFederationId(ctx.clock());
  const mids = batch.map((m) => m.mid);
  const fail = async (code: string, message: string): Promise<DeliveryOutcome> => {
    if (stop?.aborted) {
      // Shutting down: not the peer's fault. Release the batch for whoever runs next.
      await ctx.db.transaction((tx) => deferOutboxRows(tx, mids, ctx.clock(), 'stopped'));
      return { ok: false, code: 'STOPPED', retryAt: ctx.clock() };
    }
    metrics.deliveryFailures.inc({ peer: peer.id, code });
    return { ok: false, code, retryAt: await recordFailure(ctx, peer.id, mids, code, message) };
  };
  let text: string;
  try {
    const jwe = await sealBatch(
      batch.map((m) => m.jws),
      ctx.config.nodeId,
      peer.recipient,
      bid,
    );
    const timeout = AbortSignal.timeout(ctx.config.federationHttpTimeoutMs);
    const res = await postToInbox(
      `${peer.endpoint}${INBOX_PATH}`,
      jwe,
      stop ? AbortSignal.any([stop, timeout]) : timeout,
    ).catch((e: unknown) => {
      throw timeout.aborted ? new DeliveryTimeout() : e;
    });
    text = res.body;
    if (res.status !== 200) return fail(errorCodeOf(text) ?? `HTTP_${res.status}`, text.slice(0, 300));
  } catch (e) {
    return fail(e instanceof DeliveryTimeout ? 'TIMEOUT' : 'NETWORK', e instanceof Error ? e.message : String(e));
  }
  let receipt: Receipt;
  try {
    receipt = await verifyWithRefresh(ctx, peer, text, bid, mids);
  } catch (e) {
    if (!isFederationError(e)) throw e;
    return fail(e.code, e.message);
  }
  return settle(ctx, peer, batch, receipt, text, metrics);
}

async function verifyWithRefresh(
  ctx: ServiceContext,
  peer: PeerEntry,
  jws: string,
  bid: string,
  mids: string[],
): Promise<Receipt> {
  const expected = { bid, from: peer.id, to: ctx.config.nodeId, mids };
  try {
    return verifyReceipt(jws, resolverFor(peer), expected);
  } catch (e) {
    // The peer signed with a key we do not know yet: follow its rotation if the old key endorses it.
    if (!isFederationError(e, 'FED_UNKNOWN_KEY')) throw e;
    const refreshed = await refreshPeerCard(ctx, peer.id, { ifStale: true }).catch(() => null);
    if (!refreshed?.updated) throw e;
    return verifyReceipt(jws, resolverFor(await lookupPeer(ctx.db, ctx.db, peer.id, true)), expected);
  }
}

async function settle(
  ctx: ServiceContext,
  peer: PeerEntry,
  batch: readonly ClaimedMessage[],
  receipt: Receipt,
  jws: string,
  metrics: FederationMetrics,
): Promise<DeliveryOutcome> {
  const now = ctx.clock();
  const byMid = new Map(receipt.results.map((r) => [r.mid, r]));
  const results: OutboxResult[] = [];
  const retry: string[] = [];
  for (const m of batch) {
    const r = byMid.get(m.mid)!;
    if (r.status === 'rejected' && r.code && RETRYABLE.has(r.code)) retry.push(m.mid);
    // A duplicate carrying a code is a message the peer refused the first time round.
    else if (r.status === 'rejected' || r.code)
      results.push({ mid: m.mid, state: 'rejected', result: 'rejected', code: r.code ?? 'FED_REJECTED' });
    else results.push({ mid: m.mid, state: 'sent', result: r.status, code: null });
  }
  const rejected = results.filter((r) => r.state === 'rejected');
  await ctx.db.transaction(async (tx) => {
    await insertReceipt(tx, { bid: receipt.bid, peerId: peer.id, jws, receivedAt: receipt.receivedAt }, now);
    await recordOutboxResults(tx, results, receipt.bid, now);
    await deferOutboxRows(tx, retry, new Date(now.getTime() + ctx.config.federationRetryBaseMs), 'retryable refusal');
    if (contactWriteDue(ctx.db, `out:${peer.id}`, now.getTime())) await recordDeliverySuccess(tx, peer.id, now);
    if (rejected.length > 0) {
      // Refused for good: an admin must look (the message will never be applied at the peer).
      const codes = [...new Set(rejected.map((r) => r.code))].join(', ');
      await notify(
        tx,
        {
          to: { role: 'admin' },
          kind: 'federation.send_rejected',
          subjectType: 'peer',
          subjectId: peer.id,
          severity: 'warning',
          title: {
            en: `${peer.card.name.en || peer.id} refused ${rejected.length} message(s)`,
            zh: `${peer.card.name.zh || peer.card.name.en || peer.id}拒收了 ${rejected.length} 条消息`,
          },
          body: {
            en: `Codes: ${codes}. See Federation → outbox (rejected).`,
            zh: `错误代码：${codes}。请查看“联邦 → 发件箱（已拒收）”。`,
          },
        },
        now,
      );
    }
    await appendAuditMany(
      tx,
      rejected.map((r) => ({
        actor: { kind: 'peer' as const, partyId: peer.id },
        action: 'federation.send_rejected',
        subjectType: 'federation_message',
        subjectId: r.mid,
        data: { to: peer.id, code: r.code, bid: receipt.bid },
      })),
      now,
    );
  });
  for (const r of results) {
    if (r.state === 'sent') metrics.sent.inc({ peer: peer.id, result: r.result });
    else metrics.outboundRejected.inc({ peer: peer.id, code: r.code ?? 'unknown' });
  }
  for (const m of batch) {
    if (!retry.includes(m.mid))
      metrics.deliverySeconds.observe({ peer: peer.id }, (now.getTime() - m.createdAt.getTime()) / 1000);
  }
  return { ok: true, sent: results.length - rejected.length, rejected: rejected.length, retried: retry.length };
}

function errorCodeOf(body: string): string | null {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,63}$/.test(code) ? code : null;
  } catch {
    return null;
  }
}
