// Use case: one workflow step on a request (submit, acknowledge, accept, fulfil, withdraw, ...),
// by this node's officer, or recorded for an off-federation counterpart (`onBehalfOfCounterpart`).
import { applyRequestCommand, type TRequestAction } from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { ServiceContext } from '../context.js';
import { presentRequest, type PresentedRequest } from './present-request.js';
import { publishRequestStep } from './request-federation.js';
import {
  counterpartOf,
  counterpartProxy,
  loadRequestForUpdate,
  requestClockPolicy,
  saveRequestChange,
} from './request-support.js';

export async function actOnRequest(
  ctx: ServiceContext,
  user: UserActor,
  id: string,
  command: TRequestAction,
  opts: { onBehalfOfCounterpart?: boolean } = {},
): Promise<PresentedRequest> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequestForUpdate(tx, id);
    const actor = opts.onBehalfOfCounterpart
      ? await counterpartProxy(tx, user, counterpartOf(before, ctx.config.nodeId))
      : user;
    const { record, events } = applyRequestCommand(before, command, actor, now, {
      clockPolicy: requestClockPolicy(ctx),
    });
    // The audit entry names the real officer even when the step is the counterpart's.
    await saveRequestChange(tx, ctx, { ...user, name: actor.name }, before, record, events, now);
    if (!opts.onBehalfOfCounterpart) await publishRequestStep(tx, ctx, before, record, command, user, now);
    return presentRequest(ctx, record, user, now);
  });
}
