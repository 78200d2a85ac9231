// Zod shapes of the public node card and its JWKs (the wire form peers exchange and admins import).
import { z } from 'zod';

/** Same rule as config.nodeId, so a node's card id is its configured id. */
export const ZNodeId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/);
export const ZKid = z.string().regex(/^[a-z2-7]{16}$/);
const ZOkpX = z.string().regex(/^[A-Za-z0-9_-]{43}$/); // 32-byte public key, base64url

export const ZSigJwk = z.strictObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: ZOkpX, kid: ZKid });
export const ZEncJwk = z.strictObject({ kty: z.literal('OKP'), crv: z.literal('X25519'), x: ZOkpX, kid: ZKid });

const ZName = z.string().min(1).max(200).regex(/\S/);
const ZCompactDetached = z.string().regex(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);

export const ZNodeCard = z.strictObject({
  v: z.literal(1),
  id: ZNodeId,
  // No transforms anywhere (e.g. trim): the parsed card must be byte-for-byte what was signed.
  name: z.strictObject({ en: ZName, zh: ZName }),
  country: z.string().regex(/^[A-Z]{2}$/),
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  keys: z.strictObject({ sig: ZSigJwk, enc: ZEncJwk }),
  previousKeys: z.array(z.strictObject({ sig: ZSigJwk, enc: ZEncJwk, retiredAt: z.iso.datetime() })).max(100),
  fingerprint: z.string().regex(/^[a-z2-7]{52}$/),
  issuedAt: z.iso.datetime(),
  /** Detached JWS over the same bytes by each retired signing key: lets peers follow a rotation. */
  endorsements: z.array(ZCompactDetached).max(100),
  /** Detached compact JWS (`header..signature`) by keys.sig over the canonical card. */
  signature: ZCompactDetached,
});

export type NodeCard = z.infer<typeof ZNodeCard>;
