// Per-(sender, channel) ordering inside the inbox transaction: messages are applied strictly in seq
// order; later ones wait (held) until the gap closes; a consumed seq is never applied twice.
import type { AuditInput } from '../audit/audit-log.js';
import type { ServiceContext } from '../services/context.js';
import type { Queryable } from '../storage/db.js';
import {
  findSeqOwners,
  loadWaiting,
  type InChannel,
  type InboxInsert,
  type InboxState,
} from '../storage/repositories/federation-inbox.repository.js';
import type { DeadLetterInsert } from '../storage/repositories/federation-dead-letter.repository.js';
import type { CheckedBody } from './inbound-handlers.js';
import { applyInOrder, type ApplyMode, type ToApply } from './inbox-handlers-run.js';

/** A message whose signature, sender, recipient and channel are verified. */
export type AuthenticMessage = {
  mid: string;
  channel: string;
  seq: number;
  mtype: string;
  schema: number;
  body: unknown;
  createdAt: Date;
  jws: string;
  /** The body as its type's schema accepted it; null when refused on arrival. */
  checked: CheckedBody | null;
  /**
   * Set when the message is authentic but refused on arrival (expired, not yet valid, a body its
   * schema refuses, an unknown type): it still consumes its seq.
   */
  preRejectCode: string | null;
  /** What the dead letter keeps about an arrival refusal of the body (schema issues). */
  preRejectDetails: Record<string, unknown> | null;
};

/**
 * Refusals about a message's content rather than its transport: the message is kept as a dead
 * letter (raw signed bytes, code, details) for an administrator to inspect, export or discard.
 * Expiry, replays and the re-order window are transport facts the sender already handles.
 */
const TRANSPORT_CODES = new Set(['FED_EXPIRED', 'FED_NOT_YET_VALID', 'FED_REPLAYED', 'FED_REORDER_WINDOW']);
export const isDeadLetterCode = (code: string): boolean => !TRANSPORT_CODES.has(code);

export type Outcome = { mid: string; status: 'accepted' | 'rejected'; code?: string };

export type ChannelWork = {
  outcomes: Outcome[];
  inserts: InboxInsert[];
  settled: { mid: string; state: InboxState; code: string | null }[];
  audits: AuditInput[];
  /** Messages refused for their content (body schema, handler refusal, unknown type), kept for an admin. */
  deadLetters: DeadLetterInsert[];
  /** Held messages refused when their turn came: the sender learns it by a federation.result message. */
  lateRejections: { mid: string; code: string }[];
  channel: InChannel;
};

type Candidate = ToApply & {
  isNew: boolean;
  preRejectCode: string | null;
  preRejectDetails: Record<string, unknown> | null;
};

const LOAD_PAGE = 500;

export async function applyChannel(
  ctx: ServiceContext,
  tx: Queryable,
  ch: InChannel,
  fresh: readonly AuthenticMessage[],
  bid: string,
  mode: ApplyMode,
): Promise<ChannelWork> {
  const now = ctx.clock();
  const from = ch.from;
  const work: ChannelWork = {
    outcomes: [],
    inserts: [],
    settled: [],
    audits: [],
    deadLetters: [],
    lateRejections: [],
    channel: { ...ch },
  };
  // The signed bytes are copied from the message's inbox row, so held messages read back lose nothing.
  const deadLetter = (m: { mid: string }, code: string, details: Record<string, unknown> | null) => {
    if (isDeadLetterCode(code)) work.deadLetters.push({ mid: m.mid, code, details, bid });
  };
  const refuse = (m: AuthenticMessage, code: string) => {
    work.outcomes.push({ mid: m.mid, status: 'rejected', code });
    work.audits.push(auditOf(from, m, 'federation.rejected', bid, code));
  };

  // Classify: seq already consumed (replay), too far ahead (window), or a candidate for this channel.
  const window = ctx.config.federationReorderWindow;
  const candidates = new Map<number, Candidate>();
  const inWindow = [...fresh]
    .sort((a, b) => a.seq - b.seq)
    .filter((m) => {
      if (m.seq < ch.nextSeq) refuse(m, 'FED_REPLAYED');
      else if (m.seq >= ch.nextSeq + window) refuse(m, 'FED_REORDER_WINDOW');
      else if (candidates.has(m.seq)) refuse(m, 'FED_REPLAYED');
      else {
        candidates.set(m.seq, { ...m, isNew: true });
        return true;
      }
      return false;
    });
  if (ch.heldCount > 0 && inWindow.length > 0) {
    const owners = await findSeqOwners(
      tx,
      from,
      ch.channel,
      inWindow.map((m) => m.seq),
    );
    for (const m of inWindow) {
      if (owners.has(m.seq)) {
        candidates.delete(m.seq);
        refuse(m, 'FED_REPLAYED');
      }
    }
  }

  // Drain: take seq == next from this batch or from the waiting rows, as long as it is contiguous.
  let next = ch.nextSeq;
  let waiting = ch.heldCount;
  const due: Candidate[] = [];
  for (;;) {
    let c: Candidate | undefined;
    while ((c = candidates.get(next))) {
      candidates.delete(next);
      due.push(c);
      if (!c.isNew) waiting -= 1;
      next += 1;
    }
    if (waiting <= 0) break;
    const rows = await loadWaiting(tx, from, ch.channel, next, LOAD_PAGE);
    if (rows[0]?.seq !== next) break;
    for (const r of rows) {
      if (candidates.has(r.seq)) continue;
      candidates.set(r.seq, {
        mid: r.mid,
        seq: r.seq,
        mtype: r.mtype,
        schema: r.schema,
        body: r.body,
        createdAt: r.createdAt,
        channel: ch.channel,
        checked: null,
        isNew: false,
        preRejectCode: r.state === 'rejected' ? (r.code ?? 'FED_REJECTED') : null,
        preRejectDetails: null,
      });
    }
  }

  const applied = await applyInOrder(
    ctx,
    tx,
    from,
    due.filter((c) => c.preRejectCode === null),
    mode,
  );
  for (const c of due) {
    const refusal = applied.get(c.mid);
    const code = c.preRejectCode ?? refusal?.code ?? null;
    const state: InboxState = code ? 'rejected' : 'applied';
    if (c.isNew) {
      const m = c as Candidate & AuthenticMessage;
      work.inserts.push(insertOf(from, m, state, code, bid));
      work.outcomes.push(code ? { mid: c.mid, status: 'rejected', code } : { mid: c.mid, status: 'accepted' });
      work.audits.push(auditOf(from, c, code ? 'federation.rejected' : 'federation.received', bid, code));
      if (code) deadLetter(c, code, c.preRejectDetails ?? refusal?.details ?? null);
    } else if (!c.preRejectCode) {
      // Refused-on-arrival rows were audited, receipted and dead-lettered when they came; nothing changes for them.
      work.settled.push({ mid: c.mid, state, code });
      work.audits.push(auditOf(from, c, code ? 'federation.rejected' : 'federation.received', bid, code));
      if (code) {
        work.lateRejections.push({ mid: c.mid, code });
        deadLetter(c, code, refusal?.details ?? null);
      }
    }
  }
  // What is still ahead of `next` waits; refused-on-arrival ones are receipted as rejected at once.
  for (const c of candidates.values()) {
    if (!c.isNew) continue;
    const m = c as Candidate & AuthenticMessage;
    work.inserts.push(insertOf(from, m, m.preRejectCode ? 'rejected' : 'held', m.preRejectCode, bid));
    if (m.preRejectCode) {
      work.outcomes.push({ mid: m.mid, status: 'rejected', code: m.preRejectCode });
      work.audits.push(auditOf(from, m, 'federation.rejected', bid, m.preRejectCode));
      deadLetter(m, m.preRejectCode, m.preRejectDetails);
    } else work.outcomes.push({ mid: m.mid, status: 'accepted' });
    waiting += 1;
  }

  const moved = next !== ch.nextSeq;
  work.channel = {
    ...ch,
    nextSeq: next,
    heldCount: waiting,
    // A gap is timed from the last progress, so a channel that is filling is not re-requested.
    gapSince: waiting > 0 ? (moved || !ch.gapSince ? now : ch.gapSince) : null,
    resendRequestedAt: waiting > 0 ? ch.resendRequestedAt : null,
  };
  return work;
}

function insertOf(from: string, m: AuthenticMessage, state: InboxState, code: string | null, bid: string): InboxInsert {
  return {
    mid: m.mid,
    from,
    channel: m.channel,
    seq: m.seq,
    mtype: m.mtype,
    schema: m.schema,
    state,
    code,
    body: m.body,
    jws: m.jws,
    bid,
    createdAt: m.createdAt.toISOString(),
  };
}

function auditOf(
  from: string,
  m: { mid: string; channel: string; seq: number; mtype: string },
  action: string,
  bid: string,
  code: string | null,
): AuditInput {
  return {
    actor: { kind: 'peer', partyId: from },
    action,
    subjectType: 'federation_message',
    subjectId: m.mid,
    data: { from, channel: m.channel, seq: m.seq, type: m.mtype, bid, ...(code ? { code } : {}) },
  };
}
