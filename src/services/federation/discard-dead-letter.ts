// Use case: an admin has dealt with a dead letter (told the sender, or decided it needs nothing):
// it leaves the open list. The row and its signed message are kept as the record of what came.
import { appendAudit } from '../../audit/audit-log.js';
import { actorLabel, type Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import {
  findDeadLetter,
  markDeadLetterDiscarded,
} from '../../storage/repositories/federation-dead-letter.repository.js';
import type { ServiceContext } from '../context.js';
import { presentDeadLetter, type DeadLetterView } from './present-dead-letter.js';

export async function discardDeadLetter(ctx: ServiceContext, actor: Actor, mid: string): Promise<DeadLetterView> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const found = await findDeadLetter(tx, mid, true);
    if (!found) throw new AppError('FED_DEAD_LETTER_NOT_FOUND', { details: { mid } });
    if (found.state === 'discarded')
      throw new AppError('FED_DEAD_LETTER_DISCARDED', {
        details: { mid, discardedAt: found.discardedAt?.toISOString() },
      });
    const by = actorLabel(actor);
    await markDeadLetterDiscarded(tx, mid, by, now);
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.dead_letter_discarded',
        subjectType: 'federation_message',
        subjectId: mid,
        data: { from: found.from, channel: found.channel, seq: found.seq, type: found.type, code: found.code },
      },
      now,
    );
    return presentDeadLetter({ ...found, state: 'discarded', discardedAt: now, discardedBy: by });
  });
}
