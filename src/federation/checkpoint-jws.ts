// Signed audit checkpoints (docs/spec.md §9.2): a node signs (seq, hash) of its audit head; a peer
// countersigns what it received. Both are compact JWS (EdDSA) over canonical JSON, verifiable on
// their own later (by `crossline audit verify`), independent of the message that carried them.
import { z } from 'zod';
import { canonicalJson } from '../domain/shared/canonical-json.js';
import { fastSign, fedError, parseJws, verifyParsedJws, type KeyVersion, type PeerSigKey } from './crypto/index.js';

export const CHECKPOINT_TYP = 'crossline-checkpoint+jws';
export const COUNTERSIGN_TYP = 'crossline-countersign+jws';

const ZHash = z.string().regex(/^[0-9a-f]{64}$/);
export const ZCheckpoint = z.strictObject({
  node: z.string(),
  seq: z.number().int().min(1),
  hash: ZHash,
  at: z.iso.datetime(),
});
export const ZCountersignature = ZCheckpoint.extend({ by: z.string(), countersignedAt: z.iso.datetime() });
export type Checkpoint = z.infer<typeof ZCheckpoint>;
export type Countersignature = z.infer<typeof ZCountersignature>;

export function signCheckpoint(keys: KeyVersion, cp: Checkpoint): string {
  return fastSign(
    { alg: 'EdDSA', kid: keys.kid, typ: CHECKPOINT_TYP },
    canonicalJson(ZCheckpoint.parse(cp)),
    keys.sig.privateKey,
  );
}

export function signCountersignature(keys: KeyVersion, cs: Countersignature): string {
  return fastSign(
    { alg: 'EdDSA', kid: keys.kid, typ: COUNTERSIGN_TYP },
    canonicalJson(ZCountersignature.parse(cs)),
    keys.sig.privateKey,
  );
}

/** The kid a JWS names (unverified), to pick the key. */
export function kidOfJws(jws: unknown): string | null {
  try {
    const kid = parseJws(jws).header.kid;
    return typeof kid === 'string' ? kid : null;
  } catch {
    return null;
  }
}

function verifyTyped<T>(
  jws: unknown,
  typ: string,
  schema: z.ZodType<T>,
  keyFor: (kid: string) => PeerSigKey | undefined,
): T {
  const parsed = parseJws(jws);
  if (parsed.header.typ !== typ || typeof parsed.header.kid !== 'string')
    throw fedError('FED_MALFORMED', { reason: `${typ} header` });
  const key = keyFor(parsed.header.kid);
  if (!key) throw fedError('FED_UNKNOWN_KEY', { kid: parsed.header.kid });
  const bytes = verifyParsedJws(parsed, key.key);
  const body = schema.safeParse(JSON.parse(bytes.toString('utf8')));
  if (!body.success) throw fedError('FED_MALFORMED', { reason: `${typ} payload` });
  return body.data;
}

export function verifyCheckpoint(jws: unknown, keyFor: (kid: string) => PeerSigKey | undefined): Checkpoint {
  return verifyTyped(jws, CHECKPOINT_TYP, ZCheckpoint, keyFor);
}

export function verifyCountersignature(
  jws: unknown,
  keyFor: (kid: string) => PeerSigKey | undefined,
): Countersignature {
  return verifyTyped(jws, COUNTERSIGN_TYP, ZCountersignature, keyFor);
}
