// Use case: an admin takes a dead letter's signed message out of the node, exactly as it arrived
// (compact JWS), e.g. to show the sender what its node sent. Audited: the body may hold case data.
import { appendAudit } from '../../audit/audit-log.js';
import type { Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { findDeadLetter, readDeadLetterMessage } from '../../storage/repositories/federation-dead-letter.repository.js';
import type { ServiceContext } from '../context.js';

export async function exportDeadLetter(
  ctx: ServiceContext,
  actor: Actor,
  mid: string,
): Promise<{ fileName: string; message: Buffer }> {
  return ctx.db.transaction(async (tx) => {
    const found = await findDeadLetter(tx, mid);
    const message = found ? await readDeadLetterMessage(tx, mid) : null;
    if (!found || !message) throw new AppError('FED_DEAD_LETTER_NOT_FOUND', { details: { mid } });
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.dead_letter_exported',
        subjectType: 'federation_message',
        subjectId: mid,
        data: {
          from: found.from,
          channel: found.channel,
          seq: found.seq,
          type: found.type,
          code: found.code,
          bytes: message.length,
        },
      },
      ctx.clock(),
    );
    return {
      fileName: `dead-letter-${found.from}-${found.channel.replace(/[^A-Za-z0-9._-]/g, '_')}-${found.seq}.jws`,
      message,
    };
  });
}
