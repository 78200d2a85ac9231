// What the federation admin routes and the parties list answer with, as zod schemas: Fastify
// serialises through them (only these fields leave the node) and the OpenAPI document — and so the
// web client's types — come from them. A dead letter's body is never part of them (audited export only).
import { z } from 'zod';
import { ZNodeCard } from '../../../federation/crypto/node-card-schema.js';
import { ZBilingualSchema } from '../common.schema.js';

const ZNodeCardSchema = ZNodeCard.meta({ id: 'NodeCard' });

export const ZOwnNodeCardSchema = z
  .object({ card: ZNodeCardSchema, fingerprint: z.string(), kid: z.string() })
  .meta({ id: 'OwnNodeCard' });

export const ZPeerCardPreviewSchema = z
  .object({ card: ZNodeCardSchema, fingerprint: z.string() })
  .meta({ id: 'PeerCardPreview' });

export const ZKeyRotationSchema = z
  .object({ kid: z.string(), fingerprint: z.string(), previousKid: z.string() })
  .meta({ id: 'KeyRotation' });

export const ZPeerSchema = z
  .object({
    id: z.string(),
    name: ZBilingualSchema,
    country: z.string(),
    endpoint: z.string(),
    fingerprint: z.string(),
    status: z.enum(['active', 'suspended']),
    addedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Peer' });

export const ZPeerHealthSchema = z
  .object({
    lastContactAt: z.string().nullable(),
    lastSentAt: z.string().nullable(),
    lastReceivedAt: z.string().nullable(),
    queueDepth: z.number(),
    oldestUndeliveredAt: z.string().nullable(),
    sent: z.number(),
    rejected: z.number(),
    sentWithoutReceipt: z.number(),
    latencyMs: z.object({ p50: z.number().nullable(), p99: z.number().nullable(), samples: z.number() }),
    failures: z.object({
      consecutive: z.number(),
      total: z.number(),
      lastCode: z.string().nullable(),
      /** What the last failure's code means, for people (null: a transport failure or a code this node does not know). */
      lastReason: ZBilingualSchema.nullable(),
      lastMessage: z.string().nullable(),
      lastAt: z.string().nullable(),
      nextAttemptAt: z.string().nullable(),
    }),
    outbound: z.array(z.object({ channel: z.string(), lastSeq: z.number() })),
    inbound: z.array(
      z.object({
        channel: z.string(),
        nextSeq: z.number(),
        held: z.number(),
        gapSince: z.string().nullable(),
        resendRequestedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PeerHealth' });

export const ZPeerStatusSchema = ZPeerSchema.extend({ health: ZPeerHealthSchema }).meta({ id: 'PeerStatus' });

export const ZPeerRemovedSchema = z.object({ removed: z.string() }).meta({ id: 'PeerRemoved' });

export const ZPeerCardRefreshSchema = z
  .object({ updated: z.boolean(), rotated: z.boolean(), fingerprint: z.string() })
  .meta({ id: 'PeerCardRefresh' });

export const ZPingResultSchema = z
  .object({
    peer: z.string(),
    count: z.number(),
    firstSeq: z.number(),
    lastSeq: z.number(),
    firstMid: z.string(),
    lastMid: z.string(),
  })
  .meta({ id: 'PingResult' });

export const ZPingSummarySchema = z
  .object({
    from: z.string(),
    channels: z.array(
      z.object({
        channel: z.string(),
        count: z.number(),
        distinctMids: z.number(),
        firstSeq: z.number().nullable(),
        lastSeq: z.number().nullable(),
        outOfOrder: z.number(),
        lastReceivedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PingSummary' });

export const ZOutboxMessageSchema = z
  .object({
    mid: z.string(),
    peer: z.string(),
    channel: z.string(),
    seq: z.number(),
    type: z.string(),
    state: z.enum(['pending', 'sent', 'rejected']),
    result: z.enum(['accepted', 'duplicate', 'rejected']).nullable(),
    code: z.string().nullable(),
    /** What the peer's refusal code means, when this node knows it. */
    reason: ZBilingualSchema.nullable(),
    attempts: z.number(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable(),
    bid: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export const ZDeadLetterSchema = z
  .object({
    mid: z.string(),
    from: z.string(),
    channel: z.string(),
    seq: z.number(),
    type: z.string(),
    schema: z.number(),
    code: z.string(),
    reason: ZBilingualSchema.nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    batchId: z.string(),
    receivedAt: z.string(),
    state: z.enum(['open', 'discarded']),
    discardedAt: z.string().nullable(),
    discardedBy: z.string().nullable(),
    size: z.number(),
  })
  .meta({ id: 'DeadLetter' });

/** With the protected header the sender signed. */
export const ZDeadLetterDetailSchema = ZDeadLetterSchema.extend({
  header: z.record(z.string(), z.unknown()).nullable(),
}).meta({ id: 'DeadLetterDetail' });

export const ZPartySchema = z
  .object({
    id: z.string(),
    name: ZBilingualSchema,
    country: z.string(),
    /** This node itself. */
    self: z.boolean(),
    /** Can be written to now: this node, or a peer that is not suspended. */
    active: z.boolean(),
  })
  .meta({ id: 'Party' });
