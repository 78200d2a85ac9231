// Per recipient, what became of the federation messages filed under one record (table
// record_messages): queued, sent, refused, and the peer's signed receipt, decoded and verified now
// against the peer's stored card. One view for requests, case shares and article shares
// (docs/federation.md §19); each caller checks first that the actor may see the record.
import type { Bilingual } from '../../error-types.js';
import { findPeer, type PeerRow } from '../../storage/repositories/peer.repository.js';
import { listRecordDeliveries, type RecordDelivery } from '../../storage/repositories/record-message.repository.js';
import { outboxSeqs } from '../../storage/repositories/request-links.repository.js';
import type { ServiceContext } from '../context.js';
import { inspectReceipt, receiptMessageIds, type ReceiptView } from '../request/receipt-view.js';
import { refusalReason } from './refusal-reason.js';

export type RecordDeliveryView = Omit<RecordDelivery, 'receipt'> & {
  /** The meaning of a refusal code (en + zh) when this node knows it. */
  reason: Bilingual | null;
  receipt: ReceiptView | null;
};

export async function recordDeliveryViews(
  ctx: ServiceContext,
  subjectType: string,
  subjectId: string,
): Promise<RecordDeliveryView[]> {
  const deliveries = await listRecordDeliveries(ctx.db, subjectType, subjectId);
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
