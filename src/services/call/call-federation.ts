// Hotline calls across the federation: a call placed here appears on the called party's node, and
// every step either side takes (acknowledge, answer, note, escalate, close …) is relayed to the other
// on the 'hotline' channel, naming the officer and the time, so both contact logs agree.
import { AppError } from '../../errors.js';
import type { CallAction, CallRecord } from '../../domain/call/index.js';
import type { Actor, PeerActor } from '../../domain/shared/actor.js';
import { actorLabel } from '../../domain/shared/actor.js';
import { enqueueMessage } from '../../federation/outbox.js';
import type { Queryable } from '../../storage/db.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import { insertRecordMessage } from '../../storage/repositories/record-message.repository.js';
import type { ServiceContext } from '../context.js';
import { actOnCall, type CallActionInput } from './act-on-call.js';
import { recordIncomingCall } from './record-incoming-call.js';

export const HOTLINE_CHANNEL = 'hotline';
export const CALL_PLACED = 'call.placed';
export const CALL_STEP = 'call.step';
/** Subject under which a call's call.placed message is filed (record_messages). */
export const CALL_SUBJECT = 'call';

/** Links to local requests and cases stay local: the ids mean nothing on the other node. */
const LOCAL_ONLY: readonly CallAction[] = ['link_request', 'link_case'];

export type CallPlacedBody = Pick<
  CallRecord,
  | 'id'
  | 'reference'
  | 'topic'
  | 'urgency'
  | 'message'
  | 'language'
  | 'callback'
  | 'placedBy'
  | 'placedAt'
  | 'ackPeriodMs'
> &
  /** Present only for exercise calls; peers that predate exercise mode ignore it. */
  { exerciseId?: string };
export type CallStepBody = { callId: string; input: CallActionInput; by: string; at: string };

function counterpartOf(call: CallRecord, ownParty: string): string {
  return call.fromParty === ownParty ? call.toParty : call.fromParty;
}

export async function publishCallPlaced(tx: Queryable, ctx: ServiceContext, call: CallRecord): Promise<void> {
  if (!(await findPeer(tx, call.toParty))) return;
  const { id, reference, topic, urgency, message, language, callback, placedBy, placedAt, ackPeriodMs } = call;
  const body: CallPlacedBody = {
    id,
    reference,
    topic,
    urgency,
    message,
    language,
    callback,
    placedBy,
    placedAt,
    ackPeriodMs,
    ...(call.exerciseId ? { exerciseId: call.exerciseId } : {}),
  };
  const { mid } = await enqueueMessage(tx, ctx, {
    to: call.toParty,
    channel: HOTLINE_CHANNEL,
    type: CALL_PLACED,
    schema: 1,
    body,
  });
  // Filed under the call: the peer's signed receipt for it is when the call reached the other node
  // (a broadcast's "delivered", docs/federation.md §19).
  await insertRecordMessage(tx, {
    mid,
    subjectType: CALL_SUBJECT,
    subjectId: call.id,
    mtype: CALL_PLACED,
    createdAt: call.placedAt,
  });
}

export async function publishCallStep(
  tx: Queryable,
  ctx: ServiceContext,
  call: CallRecord,
  input: CallActionInput,
  actor: Actor,
  at: Date,
): Promise<void> {
  // Steps relayed from the peer, and system escalations of the other side's clock, are not echoed back.
  if (actor.kind !== 'user' || LOCAL_ONLY.includes(input.action)) return;
  const counterpart = counterpartOf(call, ctx.config.nodeId);
  if (!(await findPeer(tx, counterpart))) return;
  const body: CallStepBody = { callId: call.id, input, by: actorLabel(actor), at: at.toISOString() };
  await enqueueMessage(tx, ctx, { to: counterpart, channel: HOTLINE_CHANNEL, type: CALL_STEP, schema: 1, body });
}

export async function receiveCallFromPeer(ctx: ServiceContext, peer: PeerActor, body: CallPlacedBody): Promise<void> {
  const { id, reference, placedBy, placedAt, ackPeriodMs, exerciseId, ...call } = body;
  await recordIncomingCall(ctx, peer, {
    ...call,
    fromParty: peer.partyId,
    receivedAt: placedAt,
    relayed: { id, reference, placedBy, placedAt, ackPeriodMs },
    ...(exerciseId ? { exerciseId } : {}),
  });
}

export async function applyPeerCallStep(ctx: ServiceContext, peer: PeerActor, body: CallStepBody): Promise<void> {
  if (LOCAL_ONLY.includes(body.input.action))
    throw new AppError('CALL_FORBIDDEN', { details: { action: body.input.action } });
  await actOnCall(ctx, peer, body.callId, { ...body.input, relayedBy: body.by, relayedAt: body.at } as CallActionInput);
}
