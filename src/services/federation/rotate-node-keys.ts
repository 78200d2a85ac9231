// Use case: rotate this node's federation keys. The old version is kept (retired) so old messages
// still verify and batches sealed to it still open; the new card is endorsed by the old key, so
// peers accept it without a new out-of-band fingerprint check. The new ring replaces the stored one
// in the same transaction as the audit entry; the node's other processes load it at their next
// upkeep tick (node-key-ring.ts).
import { appendAudit } from '../../audit/audit-log.js';
import type { Actor } from '../../domain/shared/actor.js';
import { AppError } from '../../errors.js';
import { currentKeys, fingerprintOf, rotateKeys, serializeKeyRing } from '../../federation/crypto/index.js';
import { secretsFromRing } from '../../security/node-secrets.js';
import { replaceKeyRing } from '../../storage/repositories/node-key-ring.repository.js';
import type { ServiceContext } from '../context.js';
import { refreshNodeSecrets } from './node-key-ring.js';

export async function rotateNodeKeys(
  ctx: ServiceContext,
  actor: Actor,
): Promise<{ kid: string; fingerprint: string; previousKid: string }> {
  const now = ctx.clock();
  await refreshNodeSecrets(ctx);
  const { masterKey, ringVersion } = ctx.secrets;
  if (ringVersion === null) throw new Error('this context keeps its key ring outside the database');
  const previous = currentKeys(ctx.secrets.keyRing);
  const ring = rotateKeys(ctx.secrets.keyRing, now);
  const current = currentKeys(ring);
  const fingerprint = fingerprintOf(current.jwks.sig, current.jwks.enc);
  await ctx.db.transaction(async (tx) => {
    if (!(await replaceKeyRing(tx, serializeKeyRing(ring, masterKey), ringVersion, now))) {
      throw new AppError('CONFLICT', { details: { reason: 'the keys were rotated by another process meanwhile' } });
    }
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.keys_rotated',
        subjectType: 'node',
        subjectId: ctx.config.nodeId,
        data: { kid: current.kid, previousKid: previous.kid, fingerprint },
      },
      now,
    );
  });
  ctx.secrets = secretsFromRing(masterKey, ring, ringVersion + 1);
  return { kid: current.kid, fingerprint, previousKid: previous.kid };
}
