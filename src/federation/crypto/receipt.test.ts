// Receipts: signed by the receiver, bound to the batch, and naming exactly the messages sent.
import { describe, expect, it } from 'vitest';
import { newFederationId } from './ids.js';
import { currentKeys } from './node-keys.js';
import { resolverFromCards } from './peer-keys.js';
import { signReceipt, verifyReceipt, type Receipt } from './receipt.js';
import { expectFedError, makeNode, T0, withPayload } from './test-fixtures.js';

const cn = makeNode('cn-mps');
const us = makeNode('us-fbi');
const mids = [newFederationId(T0), newFederationId(T0), newFederationId(T0)];
const bid = newFederationId(T0);
const receipt: Receipt = {
  bid,
  from: 'us-fbi',
  to: 'cn-mps',
  receivedAt: T0.toISOString(),
  results: [
    { mid: mids[0]!, status: 'accepted' },
    { mid: mids[1]!, status: 'duplicate' },
    { mid: mids[2]!, status: 'rejected', code: 'FED_EXPIRED' },
  ],
};
const atCn = resolverFromCards([us.card]);
const expected = { bid, from: 'us-fbi', to: 'cn-mps', mids };

describe('signReceipt / verifyReceipt', () => {
  it('round-trips', () => {
    expect(verifyReceipt(signReceipt(currentKeys(us.ring), receipt), atCn, expected)).toEqual(receipt);
  });

  it('rejects a tampered or wrongly signed receipt', () => {
    const jws = signReceipt(currentKeys(us.ring), receipt);
    const altered = { ...receipt, results: receipt.results.map((r) => ({ ...r, status: 'accepted' })) };
    expectFedError(() => verifyReceipt(withPayload(jws, JSON.stringify(altered)), atCn, expected), 'FED_BAD_SIGNATURE');
    const byCn = signReceipt({ ...currentKeys(cn.ring), kid: us.card.keys.sig.kid }, receipt);
    expectFedError(() => verifyReceipt(byCn, atCn, expected), 'FED_BAD_SIGNATURE');
    expectFedError(() => verifyReceipt(signReceipt(currentKeys(cn.ring), receipt), atCn, expected), 'FED_UNKNOWN_KEY');
    expectFedError(() => verifyReceipt(jws, resolverFromCards([]), expected), 'FED_UNKNOWN_SENDER');
  });

  it('rejects a receipt for another batch, or one that does not name exactly the batch messages', () => {
    const jws = signReceipt(currentKeys(us.ring), receipt);
    expectFedError(() => verifyReceipt(jws, atCn, { ...expected, bid: newFederationId(T0) }), 'FED_RECEIPT_MISMATCH');
    expectFedError(() => verifyReceipt(jws, atCn, { ...expected, to: 'gb-nca' }), 'FED_RECEIPT_MISMATCH');
    expectFedError(() => verifyReceipt(jws, atCn, { ...expected, mids: mids.slice(0, 2) }), 'FED_RECEIPT_MISMATCH');
    expectFedError(
      () => verifyReceipt(jws, atCn, { ...expected, mids: [...mids, newFederationId(T0)] }),
      'FED_RECEIPT_MISMATCH',
    );
    const doubled = signReceipt(currentKeys(us.ring), {
      ...receipt,
      results: [...receipt.results, receipt.results[0]!],
    });
    expectFedError(() => verifyReceipt(doubled, atCn, { ...expected }), 'FED_RECEIPT_MISMATCH');
  });

  it('refuses to sign an ill-formed receipt', () => {
    expect(() => signReceipt(currentKeys(us.ring), { ...receipt, receivedAt: 'yesterday' })).toThrow(TypeError);
  });
});
