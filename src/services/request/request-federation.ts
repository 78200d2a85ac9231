// Requests across the federation: each step taken on one node is sent to the counterpart's node on
// the 'requests' channel (in order, exactly once) and applied there by the same domain rules, with
// the sender's timestamp, so both copies of a request go through identical states and deadlines.
// Evidence a fulfilment names travels just before that step, on the same channel. Each step (and a
// new request) that arrives is notified to the officers concerned here (request-step-notice.ts).
import { AppError } from '../../errors.js';
import {
  applyRequestCommand,
  receiveSubmittedRequest,
  toSubmittedSnapshot,
  type RequestRecord,
  type SubmittedRequestSnapshot,
  type TRequestAction,
} from '../../domain/request/index.js';
import type { PeerActor, UserActor } from '../../domain/shared/actor.js';
import { enqueueMessage } from '../../federation/outbox.js';
import type { Queryable } from '../../storage/db.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import { insertRecordMessage } from '../../storage/repositories/record-message.repository.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import { EVIDENCE_TRANSFERRED } from '../case/case-share-messages.js';
import { requestEvidenceBodies } from '../case/request-evidence.js';
import type { ServiceContext } from '../context.js';
import {
  counterpartOf,
  loadRequestForUpdate,
  REQUEST_SUBJECT,
  requestClockPolicy,
  saveRequestChange,
} from './request-support.js';
import { noticePeerStep } from './request-step-notice.js';

export const REQUESTS_CHANNEL = 'requests';
export const REQUEST_SUBMITTED = 'request.submitted';
export const REQUEST_STEP = 'request.step';

/** `exerciseId` is present only for exercise requests; peers that predate exercise mode ignore it. */
export type RequestSubmittedBody = { snapshot: SubmittedRequestSnapshot; exerciseId?: string };
export type RequestStepBody = { requestId: string; command: TRequestAction; at: string; by: string };

/** Sends a step just taken on this node to the counterpart, when the counterpart is on the federation. */
export async function publishRequestStep(
  tx: Queryable,
  ctx: ServiceContext,
  before: RequestRecord,
  after: RequestRecord,
  command: TRequestAction,
  by: UserActor,
  at: Date,
): Promise<void> {
  const counterpart = counterpartOf(after, ctx.config.nodeId);
  if (!(await findPeer(tx, counterpart))) return;
  // A draft never left this node, so neither does its withdrawal.
  if (before.status === 'draft' && command.action !== 'submit') return;
  // Each message is linked to the request, so its page can show delivery and the signed receipt.
  const send = async (type: string, body: unknown) => {
    const { mid } = await enqueueMessage(tx, ctx, {
      to: counterpart,
      channel: REQUESTS_CHANNEL,
      type,
      schema: 1,
      body,
    });
    await insertRecordMessage(tx, {
      mid,
      subjectType: REQUEST_SUBJECT,
      subjectId: after.id,
      mtype: type,
      createdAt: at.toISOString(),
    });
  };
  if (command.action === 'submit') {
    const body: RequestSubmittedBody = {
      snapshot: toSubmittedSnapshot(after),
      ...(after.exerciseId ? { exerciseId: after.exerciseId } : {}),
    };
    await send(REQUEST_SUBMITTED, body);
    return;
  }
  if ((command.action === 'fulfil' || command.action === 'partially_fulfil') && command.evidenceIds?.length) {
    // The items travel first on the same channel, so the requester holds them when the step arrives.
    const items = await requestEvidenceBodies(ctx, tx, after, command.evidenceIds, by, at, counterpart);
    for (const item of items) await send(EVIDENCE_TRANSFERRED, item);
  }
  const body: RequestStepBody = { requestId: after.id, command, at: at.toISOString(), by: by.name };
  await send(REQUEST_STEP, body);
}

/** A request submitted by a peer arrives: this node is the requested party. */
export async function receiveRequestFromPeer(
  ctx: ServiceContext,
  peer: PeerActor,
  body: RequestSubmittedBody,
  receivedAt: Date,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (await findRequest(tx, body.snapshot.id)) return;
    const received = receiveSubmittedRequest(
      body.snapshot,
      peer,
      ctx.config.nodeId,
      receivedAt,
      ctx.config.approvalRequiredForOutgoingData,
    );
    const record = body.exerciseId ? { ...received.record, exerciseId: body.exerciseId } : received.record;
    await saveRequestChange(tx, ctx, peer, null, record, received.events, receivedAt);
    await noticePeerStep(tx, ctx, record, 'received', {}, peer, receivedAt);
  });
}

/** A step the counterpart took on its node, applied here with its own timestamp. */
export async function applyPeerRequestStep(ctx: ServiceContext, peer: PeerActor, body: RequestStepBody): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadRequestForUpdate(tx, body.requestId);
    if (before.requestingParty !== peer.partyId && before.requestedParty !== peer.partyId) {
      throw new AppError('REQUEST_WRONG_PARTY', { details: { requestId: body.requestId, from: peer.partyId } });
    }
    const at = new Date(body.at);
    const { record, events } = applyRequestCommand(before, body.command, peer, at, {
      clockPolicy: requestClockPolicy(ctx),
    });
    await saveRequestChange(tx, ctx, peer, before, record, events, at);
    // Told when it is applied here (now), not at the sender's step time, so the notice is not dated in the past.
    const { action, ...params } = body.command;
    await noticePeerStep(tx, ctx, record, action, params, peer, ctx.clock());
  });
}
