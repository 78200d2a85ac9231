// Use case: a hotline broadcast (docs/federation.md §19) — one emergency alert to a sharing group, some
// parties or every active peer, placed as one normal call per recipient through the call machinery
// (each recipient gets its own incoming call, acknowledgement clock and escalation ladder), all in
// one transaction and grouped here under one broadcast id. Audited with the group expansion.
import { appendAudit } from '../../audit/audit-log.js';
import type { TPlaceBroadcast } from '../../domain/sharing-group/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { insertBroadcast } from '../../storage/repositories/hotline-broadcast.repository.js';
import type { ServiceContext } from '../context.js';
import { resolveRecipients } from '../sharing-group/resolve-recipients.js';
import { requireCallPermission } from './call-access.js';
import { insertPlacedCall } from './place-call.js';

export type PlacedBroadcast = {
  id: string;
  placedAt: string;
  calls: { party: string; callId: string; reference: string }[];
};

export async function placeBroadcast(
  ctx: ServiceContext,
  actor: Actor,
  input: TPlaceBroadcast,
): Promise<PlacedBroadcast> {
  requireCallPermission(actor, 'call:place', 'place');
  const now = ctx.clock();
  const { groups, parties, allPeers, ...call } = input;
  return ctx.db.transaction(async (tx) => {
    const expansion = await resolveRecipients(tx, ctx.config.nodeId, { parties, groups, allPeers });
    const calls: PlacedBroadcast['calls'] = [];
    for (const party of expansion.recipients) {
      const record = await insertPlacedCall(tx, ctx, actor, { ...call, toParty: party }, now);
      calls.push({ party, callId: record.id, reference: record.reference });
    }
    const id = newId();
    await insertBroadcast(tx, {
      id,
      placedAt: now.toISOString(),
      placedBy: actor.kind === 'user' ? actor.name : 'system',
      groupIds: [...new Set(groups)],
      allPeers,
      calls: calls.map((c) => ({ party: c.party, callId: c.callId })),
    });
    await appendAudit(
      tx,
      {
        actor,
        action: 'call.broadcast_placed',
        subjectType: 'hotline_broadcast',
        subjectId: id,
        data: { urgency: call.urgency, topic: call.topic, allPeers, parties, groupExpansion: expansion.groups, calls },
      },
      now,
    );
    return { id, placedAt: now.toISOString(), calls };
  });
}
