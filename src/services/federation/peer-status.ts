// Use case: per-peer health (docs/spec.md §1.7) — last contact, queue depth, oldest undelivered message,
// delivery latency percentiles from stored sent rows, failures, and the inbound channels' gaps.
import { AppError } from '../../errors.js';
import { getPeerDeliveryState } from '../../storage/repositories/federation-peer-state.repository.js';
import {
  inboundChannels,
  outboundChannels,
  outboundStats,
  sentWithoutReceipt,
  type InboundChannelStatus,
} from '../../storage/repositories/federation-status.repository.js';
import { findPeer, listPeers, type PeerRow } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { presentPeer, type PeerView } from './present-peer.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** One peer's health as the admin API shows it (instants as ISO strings). */
export type PeerHealth = {
  lastContactAt: string | null;
  lastSentAt: string | null;
  lastReceivedAt: string | null;
  queueDepth: number;
  oldestUndeliveredAt: string | null;
  sent: number;
  rejected: number;
  sentWithoutReceipt: number;
  latencyMs: { p50: number | null; p99: number | null; samples: number };
  failures: {
    consecutive: number;
    total: number;
    lastCode: string | null;
    lastMessage: string | null;
    lastAt: string | null;
    nextAttemptAt: string | null;
  };
  outbound: { channel: string; lastSeq: number }[];
  inbound: (Omit<InboundChannelStatus, 'gapSince' | 'resendRequestedAt'> & {
    gapSince: string | null;
    resendRequestedAt: string | null;
  })[];
};

export async function peerStatus(ctx: ServiceContext, peerId: string) {
  const peer = await findPeer(ctx.db, peerId);
  if (!peer) throw new AppError('FED_PEER_NOT_FOUND', { details: { peer: peerId } });
  return statusOf(ctx, peer);
}

export async function listPeerStatuses(ctx: ServiceContext) {
  return Promise.all((await listPeers(ctx.db)).map((p) => statusOf(ctx, p)));
}

async function statusOf(ctx: ServiceContext, peer: PeerRow): Promise<PeerView & { health: PeerHealth }> {
  const [state, out, inbound, unreceipted, outbound] = await Promise.all([
    getPeerDeliveryState(ctx.db, peer.id),
    outboundStats(ctx.db, peer.id),
    inboundChannels(ctx.db, peer.id),
    sentWithoutReceipt(ctx.db, peer.id),
    outboundChannels(ctx.db, peer.id),
  ]);
  return {
    ...presentPeer(peer),
    health: {
      lastContactAt: iso(state.lastContactAt),
      lastSentAt: iso(state.lastSentAt),
      lastReceivedAt: iso(state.lastReceivedAt),
      queueDepth: out.pending,
      oldestUndeliveredAt: iso(out.oldestPendingAt),
      sent: out.sent,
      rejected: out.rejected,
      sentWithoutReceipt: unreceipted,
      latencyMs: { p50: out.latencyP50Ms, p99: out.latencyP99Ms, samples: out.latencySamples },
      failures: {
        consecutive: state.consecutiveFailures,
        total: state.totalFailures,
        lastCode: state.lastErrorCode,
        lastMessage: state.lastError,
        lastAt: iso(state.lastErrorAt),
        nextAttemptAt: iso(state.retryAt),
      },
      outbound,
      inbound: inbound.map((c) => ({ ...c, gapSince: iso(c.gapSince), resendRequestedAt: iso(c.resendRequestedAt) })),
    },
  };
}
