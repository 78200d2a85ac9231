// Runs inbound handlers for messages whose turn has come, in seq order. The fast mode has no
// savepoints (a savepoint costs two round trips per message); if any handler fails for good the
// whole transaction is rolled back and redone in careful mode, one savepoint per message, so a
// refused message's partial writes are undone while the others still apply. A transient failure
// (inbound-failure.ts) is rethrown in either mode: the batch aborts and the sender retries it.
import type { ServiceContext } from '../services/context.js';
import type { Queryable } from '../storage/db.js';
import {
  applyInbound,
  checkInboundBody,
  isBulkInboundType,
  type CheckedBody,
  type InboundEnvelope,
} from './inbound-handlers.js';
import { classifyHandlerFailure } from './inbound-failure.js';

export type ApplyMode = 'fast' | 'careful';
export type ToApply = {
  mid: string;
  channel: string;
  seq: number;
  mtype: string;
  schema: number;
  body: unknown;
  createdAt: Date;
  /** The body as checked on arrival; null for a held message read back from the database (checked again now). */
  checked: CheckedBody | null;
};

/** Why a message whose turn came was not applied: the receipt's code, and what the dead letter keeps. */
export type ApplyRefusal = { code: string; details: Record<string, unknown> };

/** Thrown in fast mode when a handler failed for good: the caller redoes the batch carefully. */
export class NeedCarefulMode extends Error {
  constructor() {
    super('a handler refused a message; redo with savepoints');
  }
}

/** Returns the refusal per refused mid; messages not in the map were applied. */
export async function applyInOrder(
  ctx: ServiceContext,
  tx: Queryable,
  from: string,
  due: readonly ToApply[],
  mode: ApplyMode,
): Promise<Map<string, ApplyRefusal>> {
  const refused = new Map<string, ApplyRefusal>();
  const ready: { m: ToApply; run: { envelope: InboundEnvelope; body: CheckedBody } }[] = [];
  for (const m of due) {
    const check = m.checked ? { ok: true as const, body: m.checked } : checkInboundBody(m.mtype, m.schema, m.body);
    if (!check.ok) {
      refused.set(m.mid, { code: check.code, details: check.details });
      continue;
    }
    ready.push({ m, run: { envelope: envelopeOf(ctx, from, m), body: check.body } });
  }
  let i = 0;
  while (i < ready.length) {
    const { m } = ready[i]!;
    if (mode === 'fast') {
      // Group a run of consecutive messages of one type for a bulk handler.
      let j = i + 1;
      if (isBulkInboundType(m.mtype)) while (j < ready.length && ready[j]!.m.mtype === m.mtype) j += 1;
      try {
        await applyInbound(
          ctx,
          tx,
          m.mtype,
          ready.slice(i, j).map((r) => r.run),
        );
      } catch (e) {
        if (classifyHandlerFailure(e).transient) throw e;
        throw new NeedCarefulMode();
      }
      i = j;
      continue;
    }
    await tx.query('SAVEPOINT inbound_msg');
    try {
      await applyInbound(ctx, tx, m.mtype, [ready[i]!.run]);
      await tx.query('RELEASE SAVEPOINT inbound_msg');
    } catch (e) {
      const failure = classifyHandlerFailure(e);
      if (failure.transient) throw e;
      await tx.query('ROLLBACK TO SAVEPOINT inbound_msg');
      if (failure.code === 'FED_HANDLER_FAILED')
        ctx.logger.error(
          { err: e, mid: m.mid, from, type: m.mtype },
          'inbound handler failed; message refused and dead-lettered',
        );
      refused.set(m.mid, { code: failure.code, details: failure.details });
    }
    i += 1;
  }
  return refused;
}

function envelopeOf(ctx: ServiceContext, from: string, m: ToApply): InboundEnvelope {
  return {
    mid: m.mid,
    from,
    to: ctx.config.nodeId,
    channel: m.channel,
    seq: m.seq,
    type: m.mtype,
    schema: m.schema,
    createdAt: m.createdAt,
  };
}
