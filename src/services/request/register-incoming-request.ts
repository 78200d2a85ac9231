// Use case: a point of contact registers a request that arrived off-federation (e-mail, fax, phone)
// so it gets the same clocks, workflow and audit as one received from a peer node.
import { AppError } from '../../errors.js';
import { applyRequestAction, createRequestDraft, type TCreateRequestDraft } from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { nextReference } from '../../storage/repositories/counter.repository.js';
import type { ServiceContext } from '../context.js';
import { presentRequest, type PresentedRequest } from './present-request.js';
import { counterpartProxy, requestClockPolicy, saveRequestChange } from './request-support.js';

export type TIncomingRequest = Omit<TCreateRequestDraft, 'requestedParty'> & {
  requestingParty: string;
  /** The sender's own reference, kept so both sides can quote it. */
  senderReference?: string;
};

export async function registerIncomingRequest(
  ctx: ServiceContext,
  user: UserActor,
  input: TIncomingRequest,
): Promise<PresentedRequest> {
  if (input.requestingParty === ctx.config.nodeId) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          path: 'requestingParty',
          code: 'own_party',
          message: { en: 'An incoming request comes from another party.', zh: '收到的请求应来自其他方。' },
        },
      ],
    });
  }
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const sender = await counterpartProxy(tx, user, input.requestingParty);
    const own = await nextReference(tx, ctx.config.nodeId, 'IN', now);
    const reference = input.senderReference ? `${own} (${input.senderReference})` : own;
    const { requestingParty: _from, senderReference: _ref, ...content } = input;
    const draft = createRequestDraft(
      { id: newId(), reference },
      { ...content, requestedParty: ctx.config.nodeId },
      sender,
      now,
      ctx.config.approvalRequiredForOutgoingData,
    );
    const submitted = applyRequestAction(
      draft.record,
      'submit',
      sender,
      now,
      {},
      { clockPolicy: requestClockPolicy(ctx) },
    );
    await saveRequestChange(
      tx,
      ctx,
      { ...user, name: sender.name },
      null,
      submitted.record,
      [...draft.events, ...submitted.events],
      now,
    );
    return presentRequest(ctx, submitted.record, user, now);
  });
}
