// Use cases: the hotline broadcasts this node placed, and one broadcast as its sender sees it
// (docs/federation.md §19): per recipient the call's reference, whether it was delivered, who
// acknowledged it and when, or that it is still awaited — with that call's escalation state.
import { evaluateCall } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import type { Bilingual } from '../../error-types.js';
import type { Queryable } from '../../storage/db.js';
import { findCall } from '../../storage/repositories/call.repository.js';
import {
  findBroadcast,
  listBroadcasts,
  type BroadcastRow,
} from '../../storage/repositories/hotline-broadcast.repository.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import { listRecordDeliveries } from '../../storage/repositories/record-message.repository.js';
import type { ServiceContext } from '../context.js';
import { requireCallPermission } from './call-access.js';
import { CALL_PLACED, CALL_SUBJECT } from './call-federation.js';

export type BroadcastRecipientView = {
  party: string;
  partyName: Bilingual | null;
  callId: string;
  reference: string;
  status: string;
  state: 'pending' | 'delivered' | 'acknowledged' | 'cancelled';
  deliveredAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  ackDueAt: string;
  isOverdue: boolean;
  escalationLevel: number;
  escalationRole: string;
};
export type BroadcastView = {
  id: string;
  placedAt: string;
  placedBy: string;
  groupIds: string[];
  allPeers: boolean;
  topic: string | null;
  urgency: string | null;
  message: string | null;
  counts: { recipients: number; acknowledged: number; delivered: number; pending: number };
  recipients: BroadcastRecipientView[];
};

/** When the recipient's node signed a receipt accepting the call.placed message, if it has. */
async function receiptOfCall(db: Queryable, callId: string): Promise<string | null> {
  const messages = await listRecordDeliveries(db, CALL_SUBJECT, callId);
  const placed = messages.find((m) => m.type === CALL_PLACED && (m.result === 'accepted' || m.result === 'duplicate'));
  return placed?.receipt?.receivedAt ?? placed?.sentAt ?? null;
}

async function present(db: Queryable, b: BroadcastRow, now: Date): Promise<BroadcastView> {
  const recipients: BroadcastRecipientView[] = [];
  let first: { topic: string; urgency: string; message: string } | null = null;
  for (const { party, callId } of b.calls) {
    const call = await findCall(db, callId);
    if (!call) continue;
    first ??= { topic: call.topic, urgency: call.urgency, message: call.message };
    const clock = evaluateCall(call, now);
    // The call's own record is not marked delivered when the peer's node receives it; the signed
    // receipt for its call.placed message says it was.
    const deliveredAt =
      call.deliveredAt ?? (call.cancelledAt || call.acknowledgedAt ? null : await receiptOfCall(db, callId));
    const state = call.cancelledAt
      ? 'cancelled'
      : call.acknowledgedAt
        ? 'acknowledged'
        : deliveredAt
          ? 'delivered'
          : 'pending';
    recipients.push({
      party,
      partyName: (await findPeer(db, party))?.name ?? null,
      callId,
      reference: call.reference,
      status: call.status,
      state,
      deliveredAt,
      acknowledgedAt: call.acknowledgedAt,
      acknowledgedBy: call.acknowledgedBy,
      ackDueAt: call.ackDueAt,
      isOverdue: clock.isOverdue,
      escalationLevel: clock.escalationLevel,
      escalationRole: clock.escalationRole,
    });
  }
  const count = (s: BroadcastRecipientView['state']) => recipients.filter((r) => r.state === s).length;
  return {
    id: b.id,
    placedAt: b.placedAt,
    placedBy: b.placedBy,
    groupIds: b.groupIds,
    allPeers: b.allPeers,
    topic: first?.topic ?? null,
    urgency: first?.urgency ?? null,
    message: first?.message ?? null,
    counts: {
      recipients: recipients.length,
      acknowledged: count('acknowledged'),
      delivered: count('delivered'),
      pending: count('pending'),
    },
    recipients,
  };
}

export async function getBroadcast(ctx: ServiceContext, actor: Actor, id: string): Promise<BroadcastView> {
  requireCallPermission(actor, 'call:read', 'view');
  const b = await findBroadcast(ctx.db, id);
  if (!b) throw new AppError('BROADCAST_NOT_FOUND', { details: { id } });
  return present(ctx.db, b, ctx.clock());
}

export async function listBroadcastViews(ctx: ServiceContext, actor: Actor): Promise<BroadcastView[]> {
  requireCallPermission(actor, 'call:read', 'view');
  const now = ctx.clock();
  const out: BroadcastView[] = [];
  for (const b of await listBroadcasts(ctx.db, 50)) out.push(await present(ctx.db, b, now));
  return out;
}
