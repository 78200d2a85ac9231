// A failed delivery attempt: count it against the peer, pick the next attempt time (capped
// exponential backoff with full jitter) and store it on the peer and on the batch's rows, so a
// restarted node keeps the schedule instead of hammering a peer that is down.
import type { ServiceContext } from '../services/context.js';
import { deferOutboxRows } from '../storage/repositories/federation-outbox.repository.js';
import { recordDeliveryFailure } from '../storage/repositories/federation-peer-state.repository.js';
import { retryDelayMs } from './backoff.js';
import { forgetContactWrite } from './contact-throttle.js';

export async function recordFailure(
  ctx: ServiceContext,
  peerId: string,
  mids: readonly string[],
  code: string,
  message: string,
): Promise<Date> {
  const now = ctx.clock();
  forgetContactWrite(ctx.db, `out:${peerId}`); // the next success must clear the failure count at once
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ consecutive_failures: number }>(
      'SELECT consecutive_failures FROM federation_peer_state WHERE peer_id = $1 FOR UPDATE',
      [peerId],
    );
    const failures = (row?.consecutive_failures ?? 0) + 1;
    const retryAt = new Date(
      now.getTime() + retryDelayMs(failures, ctx.config.federationRetryBaseMs, ctx.config.federationRetryMaxMs),
    );
    await recordDeliveryFailure(tx, peerId, code, message, retryAt, now);
    await deferOutboxRows(tx, mids, retryAt, `${code}: ${message}`);
    return retryAt;
  });
}
