// Use case: one call with its clock, the actions open to the reader and its contact log (docs/spec.md §3.2).
import { AppError } from '../../errors.js';
import type { CallEvent, ContactLogEntry } from '../../domain/call/index.js';
import { contactLogFromEvents, requireCallAccess } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { findCall } from '../../storage/repositories/call.repository.js';
import { listRecordEvents } from '../../storage/repositories/record-event.repository.js';
import type { ServiceContext } from '../context.js';
import { viewCall, type CallView } from './call-view.js';

export type CallDetail = CallView & { contactLog: ContactLogEntry[] };

export async function getCall(ctx: ServiceContext, actor: Actor, id: string): Promise<CallDetail> {
  const call = await findCall(ctx.db, id);
  if (!call) throw new AppError('CALL_NOT_FOUND', { details: { id } });
  requireCallAccess(actor, 'view', call);
  const history = await listRecordEvents(ctx.db, 'call', [id]);
  const events: CallEvent[] = history.map((h) => ({
    type: h.type as CallEvent['type'],
    at: h.at,
    actorLabel: h.actorLabel,
    data: h.data as CallEvent['data'],
  }));
  return {
    ...viewCall(call, actor, ctx.config.nodeId, ctx.clock()),
    contactLog: contactLogFromEvents(events, ctx.config.nodeId),
  };
}
