// A batch: the JSON array of signed messages encrypted to the recipient as ONE compact JWE
// (ECDH-ES+A256KW, A256GCM), so key agreement is paid once per batch. The JWE does not prove who
// sent it (ECDH-ES is anonymous); authenticity comes from each message's own signature.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { fedError } from './errors.js';
import { fastOpenJwe, fastSealJwe, JweMalformed } from './fast-jwe.js';
import { UUID_V7 } from './ids.js';
import type { EncJwk } from './key-id.js';
import { ZKid, ZNodeId } from './node-card-schema.js';
import { findKeyVersion, type KeyRing } from './node-keys.js';

export const BATCH_TYP = 'crossline-batch+jwe';
const ALG = 'ECDH-ES+A256KW';
const ENC = 'A256GCM';

const ZBatchHeader = z.object({
  alg: z.literal(ALG),
  enc: z.literal(ENC),
  typ: z.literal(BATCH_TYP),
  from: ZNodeId,
  to: ZNodeId,
  bid: z.string().regex(UUID_V7),
  kid: ZKid,
  // Compression under encryption leaks sizes and invites decompression bombs.
  zip: z.never().optional(),
});
export type BatchHeader = Pick<z.infer<typeof ZBatchHeader>, 'from' | 'to' | 'bid' | 'kid'>;

/** A NodeCard fits this shape, as does `{ id, keys: { enc } }` built from stored peer keys. */
export type BatchRecipient = { id: string; keys: { enc: EncJwk } };
export type OpenBatchExpectations = { to: string; from?: string; maxMessages?: number };
export type OpenedBatch = { header: BatchHeader; messages: string[] };

// The recipient's key object is built once per stored key, not once per batch.
const recipientKeys = new WeakMap<EncJwk, KeyObject>();

function recipientKey(jwk: EncJwk): KeyObject {
  let key = recipientKeys.get(jwk);
  if (!key) {
    key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
    recipientKeys.set(jwk, key);
  }
  return key;
}

export async function sealBatch(
  messages: readonly string[],
  senderId: string,
  recipient: BatchRecipient,
  bid: string,
): Promise<string> {
  if (!UUID_V7.test(bid)) throw new TypeError('bid must be a UUIDv7');
  const enc = recipient.keys.enc;
  return fastSealJwe(
    { alg: ALG, enc: ENC, typ: BATCH_TYP, from: senderId, to: recipient.id, bid, kid: enc.kid },
    Buffer.from(JSON.stringify(messages), 'utf8'),
    recipientKey(enc),
  );
}

function readHeader(jwe: unknown): BatchHeader {
  if (typeof jwe !== 'string' || jwe.split('.').length !== 5) {
    throw fedError('FED_MALFORMED', { reason: 'not a compact JWE' });
  }
  let raw: unknown;
  try {
    raw = decodeProtectedHeader(jwe);
  } catch (cause) {
    throw fedError('FED_MALFORMED', { reason: 'protected header' }, cause);
  }
  const parsed = ZBatchHeader.safeParse(raw);
  if (!parsed.success) {
    throw fedError('FED_MALFORMED', { reason: 'header', issues: parsed.error.issues.map((i) => i.path.join('.')) });
  }
  const { from, to, bid, kid } = parsed.data;
  return { from, to, bid, kid };
}

/** Opens with whichever ring version the header's kid names, so batches sealed before a rotation still open. */
export async function openBatch(jwe: unknown, ring: KeyRing, expected: OpenBatchExpectations): Promise<OpenedBatch> {
  const header = readHeader(jwe);
  const ids = { bid: header.bid, from: header.from };
  if (header.to !== expected.to) throw fedError('FED_MISADDRESSED', { ...ids, to: header.to });
  if (expected.from !== undefined && header.from !== expected.from) throw fedError('FED_SENDER_MISMATCH', ids);
  const version = findKeyVersion(ring, header.kid);
  if (!version) throw fedError('FED_UNKNOWN_KEY', { ...ids, kid: header.kid });
  let plaintext: Uint8Array;
  try {
    ({ plaintext } = fastOpenJwe(jwe as string, version.enc.privateKey));
  } catch (cause) {
    // Structural faults are malformed; anything failing the key unwrap or the GCM tag was altered.
    if (cause instanceof JweMalformed) throw fedError('FED_MALFORMED', { ...ids, reason: cause.message }, cause);
    throw fedError('FED_TAMPERED', ids, cause);
  }
  let messages: unknown;
  try {
    messages = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch (cause) {
    throw fedError('FED_MALFORMED', { ...ids, reason: 'plaintext is not JSON' }, cause);
  }
  if (!Array.isArray(messages) || !messages.every((m) => typeof m === 'string')) {
    throw fedError('FED_MALFORMED', { ...ids, reason: 'plaintext must be an array of strings' });
  }
  if (messages.length > (expected.maxMessages ?? 10_000)) {
    throw fedError('FED_MALFORMED', { ...ids, reason: 'too many messages' });
  }
  return { header, messages };
}
