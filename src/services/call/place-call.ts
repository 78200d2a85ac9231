// Use case: a person on this node places an outgoing hotline call to another party (SPEC §3.1).
import type { TPlaceCall } from '../../domain/call/index.js';
import { placeCall as decidePlaceCall } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { insertCall } from '../../storage/repositories/call.repository.js';
import { nextReference } from '../../storage/repositories/counter.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { requireCallPermission } from './call-access.js';
import { publishCallPlaced } from './call-federation.js';
import { nextCallCheckAt, viewCall, type CallView } from './call-view.js';

export async function placeCall(ctx: ServiceContext, actor: Actor, input: TPlaceCall): Promise<CallView> {
  requireCallPermission(actor, 'call:place', 'place');
  const now = ctx.clock();
  const nodeId = ctx.config.nodeId;
  return ctx.db.transaction(async (tx) => {
    // The counter is taken inside the transaction, so a refused call leaves no gap in references.
    const reference = await nextReference(tx, nodeId, 'CALL', now);
    const { record, events } = decidePlaceCall({ ...input, fromParty: nodeId }, actor, now, { id: newId(), reference });
    await insertCall(tx, record, 'outgoing', nextCallCheckAt(record, nodeId));
    await recordChange(tx, { actor, subjectType: 'call', subjectId: record.id, events, auditData: { reference } }, now);
    await publishCallPlaced(tx, ctx, record);
    return viewCall(record, actor, nodeId, now);
  });
}
