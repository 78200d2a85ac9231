// What admins see of a dead letter: who sent it, where it stood in its channel, why it was refused
// (code, its meaning, the details: schema issues or the handler's refusal) and the signed header.
// The body is not shown here: it may hold case data or evidence; it leaves only by an audited export.
import type { Bilingual } from '../../error-types.js';
import { readUnverifiedHeader } from '../../federation/crypto/index.js';
import type { DeadLetter } from '../../storage/repositories/federation-dead-letter.repository.js';
import { refusalReason } from './refusal-reason.js';

export type DeadLetterView = {
  mid: string;
  from: string;
  channel: string;
  seq: number;
  type: string;
  schema: number;
  code: string;
  reason: Bilingual | null;
  details: Record<string, unknown> | null;
  batchId: string;
  receivedAt: string;
  state: DeadLetter['state'];
  discardedAt: string | null;
  discardedBy: string | null;
  size: number;
};

export function presentDeadLetter(d: DeadLetter): DeadLetterView {
  return {
    mid: d.mid,
    from: d.from,
    channel: d.channel,
    seq: d.seq,
    type: d.type,
    schema: d.schema,
    code: d.code,
    reason: refusalReason(d.code),
    details: d.details,
    batchId: d.bid,
    receivedAt: d.receivedAt.toISOString(),
    state: d.state,
    discardedAt: d.discardedAt?.toISOString() ?? null,
    discardedBy: d.discardedBy,
    size: d.size,
  };
}

/** The protected header the sender signed (verified when the message arrived). */
export function signedHeaderOf(message: Buffer): Record<string, unknown> | null {
  return readUnverifiedHeader(message.toString('utf8')) ?? null;
}
