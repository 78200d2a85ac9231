// What the inbox does with refusals that happen BEFORE any sender is authenticated — a batch that
// does not open, names an unknown or suspended sender, or messages that are malformed, wrongly
// signed or name an unknown key. Anyone can produce those (peer ids are public; ECDH-ES batches can
// be sealed by anyone), so none of them writes an audit entry of its own:
// - every one is counted (crossline_federation_inbox_refused_total{reason});
// - each source (client IP, claimed sender) gets at most one summary audit entry
//   (`federation.inbox_refused`, with counts per reason) per federationInboxRefusalAuditSeconds;
// - each client IP spends a refusal budget per minute, shared by the node's processes in the
//   database; once it is spent the inbox answers 429 FED_RATE_LIMITED before reading the body, after
//   holding the request for a second (a client that waits for answers — any simple flood loop — is
//   slowed to one request per second per connection; a few dozen held requests at most per process,
//   beyond that the answer is immediate).
//
// The summaries and the "shut out until" times live in this process's memory on purpose: they only
// limit noise and work. Losing them (a restart) at worst writes one summary early or lets one more
// request through, which then spends the shared budget in the database and shuts the IP out again
// here. Each process thus serves at most one refused request per IP beyond the shared budget.
import { appendAuditMany, type AuditInput } from '../audit/audit-log.js';
import type { ServiceContext } from '../services/context.js';
import { spendInboxRefusals } from '../services/federation/spend-inbox-refusals.js';
import { storableText } from './inbound-body-check.js';
import type { FederationMetrics } from './federation-metrics.js';

/** Where unauthenticated traffic came from: the connection's address and the sender it claimed (unverified). */
export type RefusalSource = { ip: string; claimedFrom: string | null };

type Summary = {
  ip: string;
  claimedFrom: string | null;
  counts: Map<string, number>;
  requests: number;
  firstAt: number;
  lastAt: number;
};

type State = {
  /** IP → time (ms) until which it is shut out. */
  blocked: Map<string, number>;
  /** Requests of shut-out clients being held before their 429. */
  held: number;
  /** Source key → refusals not yet in an audit entry. */
  pending: Map<string, Summary>;
  /** Source key → when its last summary was written. */
  lastWritten: Map<string, number>;
};

/** More distinct sources than this in one window are summed into one catch-all source (memory stays bounded). */
const MAX_SOURCES = 1000;
const OVERFLOW: RefusalSource = { ip: '*', claimedFrom: '*' };

const states = new WeakMap<object, State>();

function stateOf(store: object): State {
  let s = states.get(store);
  if (!s) states.set(store, (s = { blocked: new Map(), held: 0, pending: new Map(), lastWritten: new Map() }));
  return s;
}

const keyOf = (s: RefusalSource) => `${s.ip}\u0001${s.claimedFrom ?? ''}`;

/** Milliseconds this IP must still wait (0: serve it). Cheap: memory only, checked before the body is read. */
export function inboxRetryAfterMs(ctx: ServiceContext, ip: string): number {
  const s = stateOf(ctx.db);
  const until = s.blocked.get(ip);
  if (until === undefined) return 0;
  const left = until - ctx.clock().getTime();
  if (left > 0) return left;
  s.blocked.delete(ip);
  return 0;
}

const HOLD_MS = 1000;
const MAX_HELD = 64;

/** Holds a shut-out client's request for a moment before it is refused (costs a socket and a timer, no CPU). */
export async function holdShutOutRequest(ctx: ServiceContext): Promise<void> {
  const s = stateOf(ctx.db);
  if (s.held >= MAX_HELD) return;
  s.held += 1;
  try {
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
  } finally {
    s.held -= 1;
  }
}

/** A request answered 429 before anything was read: counted, and summarised with the IP's other refusals. */
export function noteRateLimited(ctx: ServiceContext, metrics: FederationMetrics, ip: string): void {
  metrics.inboxRefused.inc({ reason: 'FED_RATE_LIMITED' });
  aggregate(stateOf(ctx.db), { ip, claimedFrom: null }, ['FED_RATE_LIMITED'], ctx.clock().getTime());
}

/** Reason under which the messages of a batch refused whole, and left unchecked, are counted. */
export const UNCHECKED_REASON = 'FED_UNCHECKED';

/**
 * Counts and summarises refusals of one request before anyone was authenticated, and spends them
 * (with `unchecked` messages of a batch refused whole) from the IP's budget. Never throws: a failure
 * to record noise must not change the answer to the request.
 */
export async function noteUnauthenticatedRefusals(
  ctx: ServiceContext,
  metrics: FederationMetrics,
  source: RefusalSource,
  codes: readonly string[],
  unchecked = 0,
): Promise<void> {
  if (codes.length === 0 && unchecked === 0) return;
  for (const code of codes) metrics.inboxRefused.inc({ reason: code });
  if (unchecked > 0) metrics.inboxRefused.inc({ reason: UNCHECKED_REASON }, unchecked);
  const s = stateOf(ctx.db);
  aggregate(s, source, codes, ctx.clock().getTime(), unchecked);
  try {
    const { blockMs } = await spendInboxRefusals(ctx, source.ip, codes.length + unchecked);
    if (blockMs > 0) s.blocked.set(source.ip, ctx.clock().getTime() + blockMs);
  } catch (err) {
    ctx.logger.warn({ err }, 'could not spend the inbox refusal budget');
  }
}

function aggregate(s: State, source: RefusalSource, codes: readonly string[], nowMs: number, unchecked = 0): void {
  let key = keyOf(source);
  let summary = s.pending.get(key);
  if (!summary && s.pending.size >= MAX_SOURCES) {
    key = keyOf(OVERFLOW);
    summary = s.pending.get(key);
    source = OVERFLOW;
  }
  if (!summary) {
    summary = {
      ip: source.ip,
      claimedFrom: source.claimedFrom,
      counts: new Map(),
      requests: 0,
      firstAt: nowMs,
      lastAt: nowMs,
    };
    s.pending.set(key, summary);
  }
  summary.requests += 1;
  summary.lastAt = nowMs;
  for (const code of codes) summary.counts.set(code, (summary.counts.get(code) ?? 0) + 1);
  if (unchecked > 0) summary.counts.set(UNCHECKED_REASON, (summary.counts.get(UNCHECKED_REASON) ?? 0) + unchecked);
}

/**
 * Writes one summary audit entry per source whose last one is at least a window old (run by the
 * federation upkeep every second). Returns how many entries it wrote.
 */
export async function flushInboxRefusalSummaries(ctx: ServiceContext): Promise<number> {
  const s = stateOf(ctx.db);
  const now = ctx.clock();
  const nowMs = now.getTime();
  const windowMs = ctx.config.federationInboxRefusalAuditSeconds * 1000;
  const due: Summary[] = [];
  for (const [key, summary] of s.pending) {
    if (nowMs - (s.lastWritten.get(key) ?? -Infinity) < windowMs) continue;
    due.push(summary);
    s.pending.delete(key);
    s.lastWritten.set(key, nowMs);
  }
  for (const [key, at] of s.lastWritten) if (nowMs - at >= windowMs && !s.pending.has(key)) s.lastWritten.delete(key);
  if (due.length === 0) return 0;
  const entries: AuditInput[] = due.map((d) => ({
    actor: { kind: 'system', partyId: ctx.config.nodeId },
    action: 'federation.inbox_refused',
    subjectType: 'federation_source',
    subjectId: storableText(d.ip, 64),
    data: {
      ip: storableText(d.ip, 64),
      claimedFrom: d.claimedFrom === null ? null : storableText(d.claimedFrom, 64),
      requests: d.requests,
      refusals: Object.fromEntries([...d.counts].sort(([a], [b]) => (a < b ? -1 : 1))),
      firstAt: new Date(d.firstAt).toISOString(),
      lastAt: new Date(d.lastAt).toISOString(),
      windowSeconds: ctx.config.federationInboxRefusalAuditSeconds,
    },
  }));
  try {
    await ctx.db.transaction((tx) => appendAuditMany(tx, entries, now));
  } catch (err) {
    // Put them back: the next tick tries again (their window is already spent, so they stay one entry).
    for (const d of due) aggregateBack(s, d);
    throw err;
  }
  return entries.length;
}

function aggregateBack(s: State, d: Summary): void {
  const key = keyOf(d);
  const current = s.pending.get(key);
  if (!current) {
    s.pending.set(key, d);
    s.lastWritten.delete(key);
    return;
  }
  current.requests += d.requests;
  current.firstAt = Math.min(current.firstAt, d.firstAt);
  for (const [code, n] of d.counts) current.counts.set(code, (current.counts.get(code) ?? 0) + n);
  s.lastWritten.delete(key);
}
