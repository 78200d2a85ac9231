// Federation options of the node configuration (spread into ZConfigSchema in src/config.ts), each
// with its environment variable; kept here so the transport's tuning knobs live beside it.
import { z } from 'zod';

const seconds = (def: number) => z.coerce.number().min(0).default(def);

export const FEDERATION_CONFIG = {
  /** Tolerated difference between peers' clocks when checking a message's iat/exp. */
  federationClockSkewSeconds: seconds(120),
  /** Lifetime of a signed message (exp - iat): a message not delivered by then is rejected FED_EXPIRED. */
  federationMessageTtlSeconds: z.coerce
    .number()
    .int()
    .min(60)
    .default(30 * 24 * 3600),
  /** Most messages in one batch (one JWE, one POST, one receipt). 250 measured best on the bench (100: -20 %). */
  federationBatchSize: z.coerce.number().int().min(1).max(1000).default(250),
  /**
   * Batches in flight per peer at once: more hides network latency and lets the receiver verify the
   * next batch while the previous one commits (order is restored by the inbox).
   */
  federationMaxInFlight: z.coerce.number().int().min(1).max(16).default(4),
  /** First retry delay after a failed delivery; doubles per consecutive failure, with full jitter. */
  federationRetryBaseMs: z.coerce.number().int().min(1).default(500),
  /** Cap of the retry delay. */
  federationRetryMaxMs: z.coerce
    .number()
    .int()
    .min(1)
    .default(5 * 60_000),
  /** Time allowed for one delivery POST (connect + receipt). */
  federationHttpTimeoutMs: z.coerce.number().int().min(100).default(10_000),
  /** How long a claimed batch stays reserved to one process before another may send it again. */
  federationLeaseSeconds: seconds(30),
  /** Idle poll of the outbox (other processes' messages, due retries); own messages wake the worker at once. */
  federationPollMs: z.coerce.number().int().min(10).default(500),
  /** A gap in a channel older than this makes the receiver ask the sender to re-send. */
  federationGapTimeoutSeconds: seconds(30),
  /** Messages further than this ahead of the next expected seq are refused (FED_REORDER_WINDOW), not held. */
  federationReorderWindow: z.coerce.number().int().min(1).default(10_000),
  /** Largest accepted batch body, bytes. */
  federationMaxBatchBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(32 * 1024 * 1024),
  /** How often this node signs its audit head and sends it to peers for countersigning; 0 = never. */
  federationCheckpointSeconds: seconds(3600),
  /**
   * While the held directory version has a member whose card could not be fetched or did not match,
   * the node applies that version again at most this often (docs/federation.md §18).
   */
  federationDirectoryResyncSeconds: seconds(60),
  /**
   * Inbox refusals before the sender is authenticated (bad JWE, unknown sender or key, malformed or
   * wrongly signed messages) one client IP may cause per minute, summed over the node's processes
   * (the budget is a row in the database). Beyond it the inbox answers 429 FED_RATE_LIMITED without
   * reading the batch. A real peer causes none of these in normal operation.
   */
  federationInboxRefusalBudget: z.coerce.number().int().min(1).default(1000),
  /**
   * Refusals before authentication are counted, not audited one by one: each process writes at most
   * one summary audit entry (`federation.inbox_refused`) per source (client IP, claimed sender) per
   * this many seconds.
   */
  federationInboxRefusalAuditSeconds: z.coerce.number().int().min(1).default(60),
};

export const FEDERATION_ENV = {
  CROSSLINE_FEDERATION_CLOCK_SKEW_SECONDS: 'federationClockSkewSeconds',
  CROSSLINE_FEDERATION_MESSAGE_TTL_SECONDS: 'federationMessageTtlSeconds',
  CROSSLINE_FEDERATION_BATCH_SIZE: 'federationBatchSize',
  CROSSLINE_FEDERATION_MAX_IN_FLIGHT: 'federationMaxInFlight',
  CROSSLINE_FEDERATION_RETRY_BASE_MS: 'federationRetryBaseMs',
  CROSSLINE_FEDERATION_RETRY_MAX_MS: 'federationRetryMaxMs',
  CROSSLINE_FEDERATION_HTTP_TIMEOUT_MS: 'federationHttpTimeoutMs',
  CROSSLINE_FEDERATION_LEASE_SECONDS: 'federationLeaseSeconds',
  CROSSLINE_FEDERATION_POLL_MS: 'federationPollMs',
  CROSSLINE_FEDERATION_GAP_TIMEOUT_SECONDS: 'federationGapTimeoutSeconds',
  CROSSLINE_FEDERATION_REORDER_WINDOW: 'federationReorderWindow',
  CROSSLINE_FEDERATION_CHECKPOINT_SECONDS: 'federationCheckpointSeconds',
  CROSSLINE_FEDERATION_DIRECTORY_RESYNC_SECONDS: 'federationDirectoryResyncSeconds',
  CROSSLINE_FEDERATION_INBOX_REFUSAL_BUDGET: 'federationInboxRefusalBudget',
  CROSSLINE_FEDERATION_INBOX_REFUSAL_AUDIT_SECONDS: 'federationInboxRefusalAuditSeconds',
} as const satisfies Record<string, keyof typeof FEDERATION_CONFIG>;
