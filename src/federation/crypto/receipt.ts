// Signed batch receipts: the receiver's JWS naming every message of a batch with its result, so the
// sender holds proof of what was accepted (non-repudiation of receipt) before marking rows sent.
import { z } from 'zod';
import { canonicalJson } from '../../domain/shared/canonical-json.js';
import { fedError } from './errors.js';
import { fastSign, parseJws, verifyParsedJws } from './fast-jws.js';
import { UUID_V7 } from './ids.js';
import { ZKid, ZNodeId } from './node-card-schema.js';
import type { KeyVersion } from './node-keys.js';
import type { SigKeyResolver } from './peer-keys.js';

export const RECEIPT_TYP = 'crossline-receipt+jws' as const;

const ZReceiptResult = z.strictObject({
  mid: z.string().regex(UUID_V7),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  code: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,63}$/)
    .optional(),
});

export const ZReceipt = z.strictObject({
  bid: z.string().regex(UUID_V7),
  /** The receiver, who signs the receipt. */
  from: ZNodeId,
  /** The batch's sender. */
  to: ZNodeId,
  receivedAt: z.iso.datetime(),
  results: z.array(ZReceiptResult),
});
export type Receipt = z.infer<typeof ZReceipt>;
export type ReceiptResult = z.infer<typeof ZReceiptResult>;

const ZReceiptHeader = z.strictObject({ alg: z.literal('EdDSA'), kid: ZKid, typ: z.literal(RECEIPT_TYP) });

export type ReceiptExpectations = {
  bid: string;
  /** The peer the batch was sent to (the receipt's signer). */
  from: string;
  /** This node. */
  to: string;
  /** When given, the receipt must name each of these exactly once and nothing else. */
  mids?: readonly string[];
};

export function signReceipt(keys: KeyVersion, receipt: Receipt): string {
  const checked = ZReceipt.safeParse(receipt);
  if (!checked.success) throw new TypeError(`invalid receipt: ${checked.error.message}`);
  return fastSign({ alg: 'EdDSA', kid: keys.kid, typ: RECEIPT_TYP }, canonicalJson(checked.data), keys.sig.privateKey);
}

export function verifyReceipt(jws: unknown, resolve: SigKeyResolver, expected: ReceiptExpectations): Receipt {
  const parsed = parseJws(jws);
  if (parsed.header.alg !== 'EdDSA') throw fedError('FED_BAD_SIGNATURE', { reason: 'alg must be EdDSA' });
  const header = ZReceiptHeader.safeParse(parsed.header);
  if (!header.success) throw fedError('FED_MALFORMED', { reason: 'receipt header' });
  // The signer is who we sent the batch to, never whoever the unverified payload claims.
  const found = resolve(expected.from, header.data.kid);
  if (found === undefined || found === null) throw fedError('FED_UNKNOWN_SENDER', { from: expected.from });
  if (found === 'unknown-key') throw fedError('FED_UNKNOWN_KEY', { from: expected.from, kid: header.data.kid });
  const bytes = verifyParsedJws(parsed, found.key);

  let receipt: Receipt;
  try {
    receipt = ZReceipt.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch (cause) {
    throw fedError('FED_MALFORMED', { reason: 'receipt payload' }, cause);
  }
  const mismatch = (reason: string): never => {
    throw fedError('FED_RECEIPT_MISMATCH', { bid: expected.bid, reason });
  };
  if (receipt.bid !== expected.bid) mismatch('bid');
  if (receipt.from !== expected.from) mismatch('from');
  if (receipt.to !== expected.to) mismatch('to');
  if (expected.mids) {
    const named = receipt.results.map((r) => r.mid);
    const unique = new Set(named);
    const want = new Set(expected.mids);
    if (unique.size !== named.length) mismatch('duplicate mid');
    if (unique.size !== want.size || named.some((m) => !want.has(m)))
      mismatch('results do not name exactly the batch messages');
  }
  return receipt;
}
