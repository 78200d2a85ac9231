// Use case: edit a draft request; returns the issues still blocking submission.
import type { ValidationIssue } from '../../error-types.js';
import { AppError } from '../../errors.js';
import { updateRequestDraft, type TUpdateRequestDraft } from '../../domain/request/index.js';
import { validateRequestContent } from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { ServiceContext } from '../context.js';
import { presentRequest, type PresentedRequest } from './present-request.js';
import { loadRequestForUpdate, ownPartyError, saveRequestChange } from './request-support.js';

export async function updateDraftRequest(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  input: TUpdateRequestDraft,
): Promise<PresentedRequest & { issues: ValidationIssue[] }> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequestForUpdate(tx, id);
    if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
      throw new AppError('CONFLICT', {
        details: { id, expectedVersion: input.expectedVersion, version: before.version },
      });
    }
    if (input.requestedParty === ctx.config.nodeId) throw ownPartyError();
    const { record, events } = updateRequestDraft(before, input, actor, now);
    await saveRequestChange(tx, ctx, actor, before, record, events, now);
    // What still blocks submission, so the form can show it next to each field.
    return { ...presentRequest(ctx, record, actor, now), issues: validateRequestContent(record, now, 'submit') };
  });
}
