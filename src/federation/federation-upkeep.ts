// Periodic transport upkeep, run by the delivery worker's tick: pick up keys another process of the
// node rotated, ask senders to re-send gaps that stayed open too long, sign/send audit checkpoints
// when due, write the due summaries of the inbox's unauthenticated refusals, and apply directory
// versions peers sent whose apply after the inbox commit did not finish.
import { appendAuditMany } from '../audit/audit-log.js';
import type { ServiceContext } from '../services/context.js';
import { refreshNodeSecrets } from '../services/federation/node-key-ring.js';
import {
  applyPendingDirectories,
  resyncIncompleteDirectory,
} from '../services/federation/directory/apply-directory.js';
import { claimStaleGaps } from '../storage/repositories/federation-inbox.repository.js';
import { findPeer } from '../storage/repositories/peer.repository.js';
import { checkpointIfDue } from './checkpoints.js';
import { flushInboxRefusalSummaries } from './inbox-refusals.js';
import { CONTROL_CHANNEL, RESEND_TYPE } from './handlers/control-handlers.js';
import { enqueueMessage } from './outbox.js';

export async function runFederationUpkeep(ctx: ServiceContext): Promise<void> {
  await refreshNodeSecrets(ctx);
  await requestResends(ctx);
  await checkpointIfDue(ctx);
  await flushInboxRefusalSummaries(ctx);
  await applyPendingDirectories(ctx);
  await resyncIncompleteDirectory(ctx);
}

/** One resend request per stale gap and timeout period; the channel row update is the claim. */
export async function requestResends(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock();
  const olderThan = new Date(now.getTime() - ctx.config.federationGapTimeoutSeconds * 1000);
  return ctx.db.transaction(async (tx) => {
    const gaps = await claimStaleGaps(tx, olderThan, now);
    const audits = [];
    for (const gap of gaps) {
      if ((await findPeer(tx, gap.from))?.status !== 'active') continue;
      const body = { channel: gap.channel, fromSeq: gap.nextSeq, toSeq: Math.max(gap.nextSeq, gap.firstHeldSeq - 1) };
      await enqueueMessage(tx, ctx, { to: gap.from, channel: CONTROL_CHANNEL, type: RESEND_TYPE, schema: 1, body });
      audits.push({
        actor: { kind: 'system' as const, partyId: ctx.config.nodeId },
        action: 'federation.resend_requested',
        subjectType: 'peer',
        subjectId: gap.from,
        data: body,
      });
    }
    await appendAuditMany(tx, audits, now);
    return audits.length;
  });
}
