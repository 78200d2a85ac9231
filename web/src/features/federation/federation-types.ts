// Shapes of the federation admin API (/api/federation/...), mirroring its presenters.
import type { Bilingual } from '../../api/types';

export type NodeCardView = {
  card: { id: string; name: Bilingual; country: string; endpoint: string; issuedAt: string; previousKeys: unknown[] } & Record<string, unknown>;
  fingerprint: string;
  kid: string;
};
export type PeerHealth = {
  lastContactAt: string | null; lastSentAt: string | null; lastReceivedAt: string | null; queueDepth: number;
  oldestUndeliveredAt: string | null; sent: number; rejected: number; sentWithoutReceipt: number;
  latencyMs: { p50: number | null; p99: number | null; samples: number };
  failures: { consecutive: number; total: number; lastCode: string | null; lastMessage: string | null; lastAt: string | null; nextAttemptAt: string | null };
};
export type PeerStatus = {
  id: string; name: Bilingual; country: string; endpoint: string; fingerprint: string; status: string;
  addedAt: string; updatedAt: string; health: PeerHealth;
};
/** An outbound message as the outbox lists it; `reason` explains a peer's refusal code when known. */
export type OutboxMessage = {
  mid: string; peer: string; channel: string; seq: number; type: string; state: 'pending' | 'sent' | 'rejected';
  result: 'accepted' | 'duplicate' | 'rejected' | null; code: string | null; reason: Bilingual | null; createdAt: string; sentAt: string | null;
};
/** An inbound message this node refused for its content, kept for an administrator. */
export type DeadLetter = {
  mid: string; from: string; channel: string; seq: number; type: string; schema: number; code: string; reason: Bilingual | null;
  details: Record<string, unknown> | null; receivedAt: string; state: 'open' | 'discarded'; discardedBy: string | null; size: number;
};
