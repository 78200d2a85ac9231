// Health at a glance for a peer (docs/federation.md §20): one of four words an officer reads across
// 30 peers, from the figures the peer list already carries. The clock is an argument (pure).
// - suspended: an administrator suspended it (nothing is sent to it);
// - unreachable: its last UNREACHABLE_AFTER delivery attempts or more all failed;
// - degraded: it failed once or twice in a row, or a message to it has waited longer than
//   STALE_QUEUE_MS (delivery is slow or stuck);
// - healthy: otherwise — including a peer nothing has been sent to yet.

export const PEER_HEALTH = ['unreachable', 'degraded', 'suspended', 'healthy'] as const;
export type PeerHealthClass = (typeof PEER_HEALTH)[number];

/** Consecutive failed delivery attempts from which a peer counts as unreachable. */
export const UNREACHABLE_AFTER = 3;
/** How long the oldest undelivered message may wait before the peer counts as degraded. */
export const STALE_QUEUE_MS = 5 * 60_000;

export type PeerHealthFacts = {
  status: string;
  consecutiveFailures: number;
  oldestUndeliveredAt: string | null;
};

export function classifyPeerHealth(p: PeerHealthFacts, now: Date): PeerHealthClass {
  if (p.status !== 'active') return 'suspended';
  if (p.consecutiveFailures >= UNREACHABLE_AFTER) return 'unreachable';
  if (p.consecutiveFailures > 0) return 'degraded';
  if (p.oldestUndeliveredAt && now.getTime() - Date.parse(p.oldestUndeliveredAt) > STALE_QUEUE_MS) return 'degraded';
  return 'healthy';
}

/** How many peers are in each class (every class present, 0 when none). */
export function countPeerHealth(classes: readonly PeerHealthClass[]): Record<PeerHealthClass, number> {
  const counts: Record<PeerHealthClass, number> = { unreachable: 0, degraded: 0, suspended: 0, healthy: 0 };
  for (const c of classes) counts[c] += 1;
  return counts;
}

/** Sort key: the unhealthy first (unreachable, degraded, suspended), then the healthy. */
export function healthRank(c: PeerHealthClass): number {
  return PEER_HEALTH.indexOf(c);
}
