// Use case: an officer starts a request to another party as a draft (incomplete is fine until submit).
import { AppError } from '../../errors.js';
import { createRequestDraft, type TCreateRequestDraft } from '../../domain/request/index.js';
import { validateRequestContent } from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { nextReference } from '../../storage/repositories/counter.repository.js';
import type { ServiceContext } from '../context.js';
import { presentRequest, type PresentedRequest } from './present-request.js';
import { saveRequestChange } from './request-support.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';

export async function createDraftRequest(ctx: ServiceContext, actor: UserActor, input: TCreateRequestDraft): Promise<PresentedRequest & { issues: unknown[] }> {
  if (input.requestedParty === ctx.config.nodeId) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'requestedParty', code: 'own_party', message: { en: 'A request goes to another party, not to your own agency.', zh: '请求应发往其他方，而非本机构。' } }],
    });
  }
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const reference = await nextReference(tx, ctx.config.nodeId, 'REQ', now);
    // The requested party's own law decides approval; a peer card may declare it, config covers the rest.
    const peer = await findPeer(tx, input.requestedParty);
    const approvalRequired = (peer?.card as { approvalRequiredForOutgoingData?: boolean } | undefined)?.approvalRequiredForOutgoingData ?? false;
    const { record, events } = createRequestDraft({ id: newId(), reference }, input, actor, now, approvalRequired);
    await saveRequestChange(tx, ctx, actor, null, record, events, now);
    // What still blocks submission, so the form can show it next to each field.
    return { ...presentRequest(ctx, record, actor, now), issues: validateRequestContent(record, now, 'submit') };
  });
}
