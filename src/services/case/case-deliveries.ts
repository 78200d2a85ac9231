// Use case: per recipient, what became of the federation messages a case share sent (docs/federation.md
// §19): queued, sent, refused, and the peer's signed receipt — the same view requests have.
import type { UserActor } from '../../domain/shared/actor.js';
import type { Bilingual } from '../../error-types.js';
import { findPeer, type PeerRow } from '../../storage/repositories/peer.repository.js';
import { listRecordDeliveries, type RecordDelivery } from '../../storage/repositories/record-message.repository.js';
import { outboxSeqs } from '../../storage/repositories/request-links.repository.js';
import type { ServiceContext } from '../context.js';
import { refusalReason } from '../federation/refusal-reason.js';
import { inspectReceipt, receiptMessageIds, type ReceiptView } from '../request/receipt-view.js';
import { loadCase } from './case-support.js';

export const CASE_SUBJECT = 'case';

export type CaseDeliveryView = Omit<RecordDelivery, 'receipt'> & {
  reason: Bilingual | null;
  receipt: ReceiptView | null;
};

export async function getCaseDeliveries(
  ctx: ServiceContext,
  actor: UserActor,
  caseId: string,
): Promise<CaseDeliveryView[]> {
  const kase = await loadCase(ctx.db, actor, caseId);
  const deliveries = await listRecordDeliveries(ctx.db, CASE_SUBJECT, kase.id);
  const peers = new Map<string, PeerRow | null>();
  for (const p of new Set(deliveries.map((d) => d.peer))) peers.set(p, await findPeer(ctx.db, p));
  const seqs = await outboxSeqs(
    ctx.db,
    deliveries.flatMap((d) => (d.receipt ? receiptMessageIds(d.receipt.jws) : [])),
  );
  return deliveries.map((d) => ({
    ...d,
    reason: refusalReason(d.code),
    receipt: d.receipt
      ? inspectReceipt(d.receipt, peers.get(d.peer) ?? null, { from: d.peer, to: ctx.config.nodeId, mid: d.mid }, seqs)
      : null,
  }));
}
