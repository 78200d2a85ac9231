// Use case: rotate this node's federation keys. The old version is kept (retired) so old messages
// still verify and batches sealed to it still open; the new card is endorsed by the old key, so
// peers accept it without a new out-of-band fingerprint check.
import { appendAudit } from '../../audit/audit-log.js';
import type { Actor } from '../../domain/shared/actor.js';
import { currentKeys, fingerprintOf, rotateKeys, saveKeyRing } from '../../federation/crypto/index.js';
import { keysDir, secretsFromRing } from '../../security/node-secrets.js';
import type { ServiceContext } from '../context.js';

export async function rotateNodeKeys(ctx: ServiceContext, actor: Actor): Promise<{ kid: string; fingerprint: string; previousKid: string }> {
  const now = ctx.clock();
  const previous = currentKeys(ctx.secrets.keyRing);
  const ring = rotateKeys(ctx.secrets.keyRing, now);
  saveKeyRing(keysDir(ctx.config.dataDir), ctx.secrets.masterKey, ring);
  ctx.secrets = secretsFromRing(ctx.secrets.masterKey, ring);
  const current = currentKeys(ring);
  const fingerprint = fingerprintOf(current.jwks.sig, current.jwks.enc);
  await ctx.db.transaction((tx) => appendAudit(tx, {
    actor, action: 'federation.keys_rotated', subjectType: 'node', subjectId: ctx.config.nodeId,
    data: { kid: current.kid, previousKid: previous.kid, fingerprint },
  }, now));
  return { kid: current.kid, fingerprint, previousKid: previous.kid };
}
