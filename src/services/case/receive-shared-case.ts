// Use case (federation): a peer shared a case. The local copy is created (or, for a later share of
// the same case, updated), the shared observables merge into it keeping the peer's provenance and
// TLP, this node's points of contact are told, and a timeline/audit entry records what arrived.
// Information returning to its originating case merges observables only: our content stays ours.
import {
  makeEvent,
  mergeObservables,
  newSharedCaseCopy,
  sharedObservableRecords,
  updateSharedCaseCopy,
  type CaseDomainEvent,
  type CaseRecord,
} from '../../domain/case/index.js';
import type { PeerActor } from '../../domain/shared/actor.js';
import { newId } from '../../shared/ids.js';
import type { Queryable } from '../../storage/db.js';
import {
  insertObservable,
  listCaseObservables,
  updateObservable,
} from '../../storage/repositories/case-observable.repository.js';
import type { ServiceContext } from '../context.js';
import { recordObservables } from '../intel/record-observables.js';
import { recordCaseEvents, saveCaseChange } from './case-support.js';
import {
  findSharedCase,
  notifyReceivers,
  receivingMembers,
  referenceIfFree,
  usableReference,
} from './case-receivers.js';
import type { CaseSharedBody } from './case-share-messages.js';

export async function receiveSharedCase(ctx: ServiceContext, peer: PeerActor, body: CaseSharedBody): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const { kase, created } = await upsertCopy(ctx, tx, peer, body, now);
    const existing = await listCaseObservables(tx, kase.id);
    const merged = mergeObservables(
      existing,
      sharedObservableRecords(body.observables, kase.id, peer, now, newId),
      now,
    );
    for (const o of merged.added) await insertObservable(tx, o);
    for (const o of merged.updated) await updateObservable(tx, o, o.version - 1);
    // Data received from peers correlates too (docs/spec.md §4.5).
    await recordObservables(tx, ctx, { kind: 'case', id: kase.id, label: kase.reference }, merged.added, now);
    const brief = (o: { id: string; type: string; display: string }) => ({ id: o.id, type: o.type, value: o.display });
    const events: CaseDomainEvent[] = [
      makeEvent('case.share_received', peer, now, {
        caseId: kase.id,
        from: peer.partyId,
        senderCaseId: body.case.caseId,
        observables: body.observables.length,
        evidence: body.evidence.length,
        evidenceIds: body.evidence.map((e) => e.id),
        ...(body.note ? { note: body.note } : {}),
      }),
    ];
    if (merged.added.length)
      events.push(
        makeEvent('observable.added', peer, now, {
          caseId: kase.id,
          count: merged.added.length,
          items: merged.added.map(brief),
        }),
      );
    if (merged.updated.length)
      events.push(
        makeEvent('observable.merged', peer, now, {
          caseId: kase.id,
          count: merged.updated.length,
          items: merged.updated.map(brief),
        }),
      );
    await recordCaseEvents(tx, peer, kase, events, now);
    const by = body.sharedBy ? `${body.sharedBy} (${peer.partyId})` : peer.partyId;
    await notifyReceivers(
      tx,
      kase,
      'case.shared',
      created
        ? { en: `Case shared with your agency by ${by}`, zh: `${by} 向贵机构共享了案件` }
        : { en: `Shared case updated by ${by}`, zh: `${by} 更新了共享案件` },
      now,
    );
  });
}

async function upsertCopy(
  ctx: ServiceContext,
  tx: Queryable,
  peer: PeerActor,
  body: CaseSharedBody,
  now: Date,
): Promise<{ kase: CaseRecord; created: boolean }> {
  const found = await findSharedCase(tx, ctx.config.nodeId, peer.partyId, {
    caseId: body.case.caseId,
    origin: body.origin,
  });
  if (found?.home) return { kase: found.kase, created: false };
  const wanted = [body.case.reference, `${body.case.reference}@${peer.partyId}`];
  if (found) {
    // The sender's new reference is taken over when free here; otherwise the copy keeps its own.
    const reference = (await referenceIfFree(tx, body.case.reference, found.kase.id)) ?? found.kase.reference;
    const { record, events } = updateSharedCaseCopy(found.kase, body.case, peer, now, reference);
    await saveCaseChange(tx, peer, found.kase, record, events, now);
    return { kase: record, created: false };
  }
  const id = newId();
  const reference = await usableReference(ctx, tx, wanted, id, now);
  const members = await receivingMembers(tx);
  const { record, events } = newSharedCaseCopy(body.case, peer, now, {
    id,
    reference,
    localParty: ctx.config.nodeId,
    members,
  });
  await saveCaseChange(tx, peer, null, record, events, now);
  return { kase: record, created: true };
}
