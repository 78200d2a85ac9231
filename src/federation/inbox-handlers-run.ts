// Runs inbound handlers for messages whose turn has come, in seq order. The fast mode has no
// savepoints (a savepoint costs two round trips per message); if any handler refuses a message the
// whole transaction is rolled back and redone in careful mode, one savepoint per message, so a
// refused message's partial writes are undone while the others still apply.
import { isAppError } from '../errors.js';
import type { ServiceContext } from '../services/context.js';
import type { Queryable } from '../storage/db.js';
import { isFederationError } from './crypto/index.js';
import { inboundHandlerFor, type InboundMessage } from './inbound-handlers.js';

export type ApplyMode = 'fast' | 'careful';
export type ToApply = { mid: string; channel: string; seq: number; mtype: string; schema: number; body: unknown; createdAt: Date };

/** Thrown in fast mode when a handler refused a message: the caller redoes the batch carefully. */
export class NeedCarefulMode extends Error {
  constructor() {
    super('a handler refused a message; redo with savepoints');
  }
}

const refusalCode = (e: unknown): string | null => (isAppError(e) || isFederationError(e) ? e.code : null);

/** Returns the refusal code per refused mid; messages not in the map were applied. */
export async function applyInOrder(
  ctx: ServiceContext, tx: Queryable, from: string, due: readonly ToApply[], mode: ApplyMode,
): Promise<Map<string, string>> {
  const refused = new Map<string, string>();
  const msgOf = (m: ToApply): InboundMessage => ({
    mid: m.mid, from, to: ctx.config.nodeId, channel: m.channel, seq: m.seq, type: m.mtype, schema: m.schema, body: m.body, createdAt: m.createdAt,
  });
  let i = 0;
  while (i < due.length) {
    const m = due[i]!;
    const entry = inboundHandlerFor(m.mtype);
    if (!entry) {
      refused.set(m.mid, 'FED_UNSUPPORTED_TYPE');
      i += 1;
      continue;
    }
    if (mode === 'fast') {
      // Group a run of consecutive messages of one type for a bulk handler.
      let j = i + 1;
      if (entry.many) while (j < due.length && due[j]!.mtype === m.mtype) j += 1;
      try {
        if (entry.many && j - i > 1) await entry.many(ctx, tx, due.slice(i, j).map(msgOf));
        else await entry.handler(ctx, tx, msgOf(m));
      } catch (e) {
        if (refusalCode(e)) throw new NeedCarefulMode();
        throw e;
      }
      i = j;
      continue;
    }
    await tx.query('SAVEPOINT inbound_msg');
    try {
      await entry.handler(ctx, tx, msgOf(m));
      await tx.query('RELEASE SAVEPOINT inbound_msg');
    } catch (e) {
      const code = refusalCode(e);
      if (!code) throw e;
      await tx.query('ROLLBACK TO SAVEPOINT inbound_msg');
      refused.set(m.mid, code);
    }
    i += 1;
  }
  return refused;
}
