// This node's receipt series: its node code (configured, or derived from the node id) and the key
// of its receipt permutation, derived from the master key and the node id. The key never leaves
// the process and is never stored; the same master key and node id give the same series after a
// restart or on another process of the node, so receipts stay unique without any shared state
// beyond the yearly counter.
import { createHmac } from 'node:crypto';
import { receiptNodeCode, type ReceiptSeries } from '../../domain/public-report/index.js';
import type { ServiceContext } from '../context.js';

export function receiptSeries(ctx: ServiceContext): ReceiptSeries {
  return {
    nodeCode: ctx.config.receiptNodeCode ?? receiptNodeCode(ctx.config.nodeId),
    // Purpose-bound and per node id: a data dir cloned to a second node still gets its own series.
    key: createHmac('sha256', ctx.secrets.masterKey)
      .update(`crossline-public-report-receipt\u0000${ctx.config.nodeId}`)
      .digest(),
  };
}
