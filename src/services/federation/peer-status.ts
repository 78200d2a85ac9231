// Use case: per-peer health (docs/spec.md §1.7) — last contact, queue depth, oldest undelivered message,
// delivery latency percentiles from stored sent rows, failures, and the inbound channels' gaps.
import type { Bilingual } from '../../error-types.js';
import { AppError } from '../../errors.js';
import {
  emptyDeliveryState,
  getPeerDeliveryState,
  listPeerDeliveryStates,
  type PeerDeliveryState,
} from '../../storage/repositories/federation-peer-state.repository.js';
import {
  inboundChannelsByPeer,
  NO_OUTBOUND,
  outboundChannelsByPeer,
  outboundStatsByPeer,
  sentWithoutReceiptByPeer,
  type InboundChannelStatus,
  type OutboundStats,
} from '../../storage/repositories/federation-status.repository.js';
import { findPeer, listPeers, type PeerRow } from '../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../context.js';
import { presentPeer, type PeerView } from './present-peer.js';
import { refusalReason } from './refusal-reason.js';

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
    /** The catalogue's meaning of `lastCode` (null for transport failures and unknown codes). */
    lastReason: Bilingual | null;
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

export type PeerStatusView = PeerView & { health: PeerHealth };

export async function peerStatus(ctx: ServiceContext, peerId: string): Promise<PeerStatusView> {
  const peer = await findPeer(ctx.db, peerId);
  if (!peer) throw new AppError('FED_PEER_NOT_FOUND', { details: { peer: peerId } });
  const [state, facts] = await Promise.all([getPeerDeliveryState(ctx.db, peer.id), factsByPeer(ctx, peer.id)]);
  return statusOf(peer, facts(peer.id, state));
}

/**
 * Every peer with its health. The federation page polls this every 15 s with 30+ peers: each figure
 * is one statement for all peers (6 in all, whatever their number), not one per figure and peer.
 */
export async function listPeerStatuses(ctx: ServiceContext): Promise<PeerStatusView[]> {
  const [peers, states, facts] = await Promise.all([
    listPeers(ctx.db),
    listPeerDeliveryStates(ctx.db),
    factsByPeer(ctx),
  ]);
  return peers.map((peer) => statusOf(peer, facts(peer.id, states.get(peer.id) ?? emptyDeliveryState(peer.id))));
}

/** Reads the delivery figures of every peer, or of `onlyPeer`, and returns how to take one peer's. */
async function factsByPeer(
  ctx: ServiceContext,
  onlyPeer?: string,
): Promise<(peerId: string, state: PeerDeliveryState) => PeerFacts> {
  const [outs, inbounds, unreceipted, outbounds] = await Promise.all([
    outboundStatsByPeer(ctx.db, undefined, onlyPeer),
    inboundChannelsByPeer(ctx.db, onlyPeer),
    sentWithoutReceiptByPeer(ctx.db, onlyPeer),
    outboundChannelsByPeer(ctx.db, onlyPeer),
  ]);
  return (peerId, state) => ({
    state,
    out: outs.get(peerId) ?? NO_OUTBOUND,
    inbound: inbounds.get(peerId) ?? [],
    unreceipted: unreceipted.get(peerId) ?? 0,
    outbound: outbounds.get(peerId) ?? [],
  });
}

type PeerFacts = {
  state: PeerDeliveryState;
  out: OutboundStats;
  inbound: InboundChannelStatus[];
  unreceipted: number;
  outbound: { channel: string; lastSeq: number }[];
};

function statusOf(peer: PeerRow, { state, out, inbound, unreceipted, outbound }: PeerFacts): PeerStatusView {
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
        lastReason: refusalReason(state.lastErrorCode),
        lastMessage: state.lastError,
        lastAt: iso(state.lastErrorAt),
        nextAttemptAt: iso(state.retryAt),
      },
      outbound,
      inbound: inbound.map((c) => ({ ...c, gapSince: iso(c.gapSince), resendRequestedAt: iso(c.resendRequestedAt) })),
    },
  };
}
