// Use case: the hotline inbox — open calls first, by urgency, then by time left to acknowledge.
import type { CallStatus, CallUrgency } from '../../domain/call/index.js';
import { requireCallAccess } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { listCalls as queryCalls, type CallDirection } from '../../storage/repositories/call.repository.js';
import type { ServiceContext } from '../context.js';
import { viewCall, type CallView } from './call-view.js';

export type ListCallsInput = {
  status?: CallStatus[];
  direction?: CallDirection;
  urgency?: CallUrgency[];
  /** Only calls still awaiting acknowledgement past their deadline. */
  overdue?: boolean;
  limit: number;
  offset: number;
  /** Only this exercise's calls; real lists leave exercise calls out. */
  exercise?: string;
};

export async function listCalls(ctx: ServiceContext, actor: Actor, input: ListCallsInput): Promise<CallView[]> {
  requireCallAccess(actor, 'view');
  const now = ctx.clock();
  const calls = await queryCalls(ctx.db, {
    status: input.status,
    direction: input.direction,
    urgency: input.urgency,
    overdueAt: input.overdue ? now.toISOString() : undefined,
    limit: input.limit,
    offset: input.offset,
    exercise: input.exercise,
  });
  return calls.map((c) => viewCall(c, actor, ctx.config.nodeId, now));
}
