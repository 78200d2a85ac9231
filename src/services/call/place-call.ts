// Use case: a person on this node places an outgoing hotline call to another party (docs/spec.md §3.1).
import type { CallRecord, TPlaceCall } from '../../domain/call/index.js';
import { placeCall as decidePlaceCall } from '../../domain/call/index.js';
import type { Actor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import { insertCall } from '../../storage/repositories/call.repository.js';
import { nextReference } from '../../storage/repositories/counter.repository.js';
import type { Queryable } from '../../storage/db.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { requireCallPermission } from './call-access.js';
import { publishCallPlaced } from './call-federation.js';
import { nextCallCheckAt, viewCall, type CallView } from './call-view.js';

export async function placeCall(ctx: ServiceContext, actor: Actor, input: TPlaceCall): Promise<CallView> {
  requireCallPermission(actor, 'call:place', 'place');
  const now = ctx.clock();
  const nodeId = ctx.config.nodeId;
  return ctx.db.transaction(async (tx) =>
    viewCall(await insertPlacedCall(tx, ctx, actor, input, now), actor, nodeId, now),
  );
}

/** The placing step inside a caller's transaction (also used by exercise injects, which mark the call). */
export async function insertPlacedCall(
  tx: Queryable,
  ctx: ServiceContext,
  actor: Actor,
  input: TPlaceCall,
  now: Date,
  marks: { exerciseId?: string; timeScale?: number } = {},
): Promise<CallRecord> {
  const nodeId = ctx.config.nodeId;
  // The counter is taken inside the transaction, so a refused call leaves no gap in references.
  // Exercise calls take their own series (CN-DEMO-EX-CALL-2026-0001), so real references stay gap-free.
  const reference = await nextReference(tx, nodeId, marks.exerciseId ? 'EX-CALL' : 'CALL', now);
  const decided = decidePlaceCall({ ...input, fromParty: nodeId }, actor, now, {
    id: newId(),
    reference,
    ...(marks.timeScale ? { timeScale: marks.timeScale } : {}),
  });
  const record: CallRecord = marks.exerciseId ? { ...decided.record, exerciseId: marks.exerciseId } : decided.record;
  await insertCall(tx, record, 'outgoing', nextCallCheckAt(record, nodeId));
  await recordChange(
    tx,
    {
      actor,
      subjectType: 'call',
      subjectId: record.id,
      events: decided.events,
      auditData: { reference, ...(marks.exerciseId ? { exerciseId: marks.exerciseId } : {}) },
    },
    now,
  );
  await publishCallPlaced(tx, ctx, record);
  return record;
}
