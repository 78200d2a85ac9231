// Signed federation messages: one compact JWS (EdDSA) per message, made when the outbox row is
// written and checked by the receiving inbox. Header times iat/exp are unix SECONDS (JWT
// NumericDate); message order comes from seq, and mid (UUIDv7) carries the millisecond stamp.
import { z } from 'zod';
import { canonicalJson } from '../../domain/shared/canonical-json.js';
import { fedError } from './errors.js';
import {
  fastSign,
  fastSignAsync,
  parseJws,
  verifyParsedJws,
  verifyParsedJwsAsync,
  type ParsedJws,
} from './fast-jws.js';
import { newFederationId, UUID_V7 } from './ids.js';
import { ZKid, ZNodeId } from './node-card-schema.js';
import type { KeyVersion } from './node-keys.js';
import type { SigKeyResolver } from './peer-keys.js';

export const MESSAGE_TYP = 'crossline-msg+jws' as const;

export const ZMessageHeader = z.strictObject({
  alg: z.literal('EdDSA'),
  kid: ZKid,
  typ: z.literal(MESSAGE_TYP),
  mid: z.string().regex(UUID_V7),
  from: ZNodeId,
  to: ZNodeId,
  channel: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  iat: z.number().int().min(0),
  exp: z.number().int().min(1),
  mtype: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/),
  sv: z.number().int().min(1).max(10_000),
});
export type MessageHeader = z.infer<typeof ZMessageHeader>;

const ZPayload = z.strictObject({ type: z.string(), schema: z.number(), body: z.unknown() });
/** type and schema are mirrored into the header (mtype, sv) so the inbox can route before parsing. */
export type MessagePayload = { type: string; schema: number; body: unknown };

export type MessageFields = {
  from: string;
  to: string;
  channel: string;
  seq: number;
  now: Date;
  /** exp = iat + ttlSeconds; after that the receiver rejects with FED_EXPIRED (permanent). */
  ttlSeconds: number;
  /** Defaults to a fresh UUIDv7 stamped with `now`. */
  mid?: string;
};

export type VerifyExpectations = {
  /** This node's id. */
  to: string;
  now: Date;
  clockSkewSeconds: number;
  /** The batch's sender, when verifying messages out of a batch. */
  from?: string;
};

export type VerifiedMessage = { header: MessageHeader; payload: MessagePayload };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type SignedMessage = { jws: string; header: MessageHeader };

export function signMessage(keys: KeyVersion, fields: MessageFields, payload: MessagePayload): SignedMessage {
  const { header, body } = messageToSign(keys, fields, payload);
  return { jws: fastSign(header, body, keys.sig.privateKey), header };
}

/** signMessage with the signature computed on the thread pool: same bytes (Ed25519 is deterministic). */
export async function signMessageAsync(
  keys: KeyVersion,
  fields: MessageFields,
  payload: MessagePayload,
): Promise<SignedMessage> {
  const { header, body } = messageToSign(keys, fields, payload);
  return { jws: await fastSignAsync(header, body, keys.sig.privateKey), header };
}

function messageToSign(
  keys: KeyVersion,
  fields: MessageFields,
  payload: MessagePayload,
): { header: MessageHeader & { alg: 'EdDSA' }; body: string } {
  if (payload.body === undefined) throw new TypeError('message body is required');
  const iat = Math.floor(fields.now.getTime() / 1000);
  const candidate = {
    alg: 'EdDSA' as const,
    kid: keys.kid,
    typ: MESSAGE_TYP,
    mid: fields.mid ?? newFederationId(fields.now),
    from: fields.from,
    to: fields.to,
    channel: fields.channel,
    seq: fields.seq,
    iat,
    exp: iat + fields.ttlSeconds,
    mtype: payload.type,
    sv: payload.schema,
  };
  const checked = ZMessageHeader.safeParse(candidate);
  if (!checked.success || candidate.exp <= iat) {
    throw new TypeError(`invalid message header: ${checked.error?.message ?? 'ttlSeconds must be positive'}`);
  }
  // The literal (not the zod output) is signed so the header's key order is fixed by this code.
  return { header: candidate, body: canonicalJson({ type: payload.type, schema: payload.schema, body: payload.body }) };
}

/** Header of a message that has NOT been verified, for naming it in receipts and the audit log. */
export function readUnverifiedHeader(jws: unknown): Partial<MessageHeader> | undefined {
  try {
    return parseJws(jws).header as Partial<MessageHeader>;
  } catch {
    return undefined;
  }
}

/**
 * Checks in this order so every code after the signature check describes authenticated facts:
 * shape, sender, key, signature, batch sender, recipient, time window, key retirement, payload.
 */
export function verifyMessage(jws: unknown, resolve: SigKeyResolver, expected: VerifyExpectations): VerifiedMessage {
  const { parsed, header, found } = readSignedMessage(jws, resolve);
  const bytes = verifyParsedJws(parsed, found.key);
  return afterSignature(() => checkSignedMessage(header, found, bytes, expected));
}

/** verifyMessage with the signature checked on the thread pool (see verifyParsedJwsAsync). */
export async function verifyMessageAsync(
  jws: unknown,
  resolve: SigKeyResolver,
  expected: VerifyExpectations,
): Promise<VerifiedMessage> {
  const { parsed, header, found } = readSignedMessage(jws, resolve);
  const bytes = await verifyParsedJwsAsync(parsed, found.key);
  return afterSignature(() => checkSignedMessage(header, found, bytes, expected));
}

// Refusals raised once the signature held describe what the sender really signed (misaddressed,
// expired, a malformed payload …); those raised before it can be produced by anyone. The inbox
// audits the first kind one by one and only counts the second (docs/federation.md §5).
const signedRefusals = new WeakSet<object>();

function afterSignature<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (typeof e === 'object' && e !== null) signedRefusals.add(e);
    throw e;
  }
}

/** True for a refusal of verifyMessage(Async) raised after the signature was verified. */
export function isSignedRefusal(e: unknown): boolean {
  return typeof e === 'object' && e !== null && signedRefusals.has(e);
}

type ResolvedKey = Exclude<ReturnType<SigKeyResolver>, null | undefined | 'unknown-key'>;

/** Parses the JWS and its header and finds the sender's key the header names; nothing is trusted yet. */
function readSignedMessage(
  jws: unknown,
  resolve: SigKeyResolver,
): { parsed: ParsedJws; header: MessageHeader; found: ResolvedKey } {
  const parsed = parseJws(jws);
  if (parsed.header.alg !== 'EdDSA') throw fedError('FED_BAD_SIGNATURE', { reason: 'alg must be EdDSA' });
  const headerCheck = ZMessageHeader.safeParse(parsed.header);
  if (!headerCheck.success) {
    throw fedError('FED_MALFORMED', {
      reason: 'header',
      issues: headerCheck.error.issues.map((i) => i.path.join('.')),
    });
  }
  const header = headerCheck.data;
  const found = resolve(header.from, header.kid);
  if (found === undefined || found === null)
    throw fedError('FED_UNKNOWN_SENDER', { from: header.from, mid: header.mid });
  if (found === 'unknown-key')
    throw fedError('FED_UNKNOWN_KEY', { from: header.from, kid: header.kid, mid: header.mid });
  return { parsed, header, found };
}

/** Everything after a good signature: addressing, validity window, key retirement, payload shape. */
function checkSignedMessage(
  header: MessageHeader,
  found: ResolvedKey,
  bytes: Buffer,
  expected: VerifyExpectations,
): VerifiedMessage {
  const ids = { mid: header.mid, from: header.from };
  if (expected.from !== undefined && header.from !== expected.from) {
    throw fedError('FED_SENDER_MISMATCH', { ...ids, batchFrom: expected.from });
  }
  if (header.to !== expected.to) throw fedError('FED_MISADDRESSED', { ...ids, to: header.to });
  const nowS = expected.now.getTime() / 1000;
  const skew = expected.clockSkewSeconds;
  if (header.exp <= header.iat) throw fedError('FED_MALFORMED', { ...ids, reason: 'exp must be after iat' });
  if (header.iat > nowS + skew) throw fedError('FED_NOT_YET_VALID', { ...ids, iat: header.iat });
  if (header.exp <= nowS - skew) throw fedError('FED_EXPIRED', { ...ids, exp: header.exp });
  // A retired key may still vouch for what it signed before retirement, never for anything newer.
  if (found.retiredAt && header.iat > found.retiredAt.getTime() / 1000 + skew) {
    throw fedError('FED_KEY_RETIRED', { ...ids, kid: header.kid });
  }

  let payload: MessagePayload;
  try {
    payload = ZPayload.parse(JSON.parse(utf8.decode(bytes)));
  } catch (cause) {
    throw fedError('FED_MALFORMED', { ...ids, reason: 'payload' }, cause);
  }
  if (payload.type !== header.mtype || payload.schema !== header.sv || payload.body === undefined) {
    throw fedError('FED_MALFORMED', { ...ids, reason: 'payload does not match header' });
  }
  return { header, payload };
}
