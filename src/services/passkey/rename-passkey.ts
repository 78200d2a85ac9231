// Use case: give one of one's own passkeys another name.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { appendAudit } from '../../audit/audit-log.js';
import { findPasskeyOfUser, renamePasskey as saveName } from '../../storage/repositories/passkey.repository.js';
import type { ServiceContext } from '../context.js';
import { presentPasskey, type PublicPasskey } from './present-passkey.js';

export async function renamePasskey(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  name: string,
): Promise<PublicPasskey> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const passkey = await findPasskeyOfUser(tx, actor.userId, id, true);
    if (!passkey) throw new AppError('PASSKEY_NOT_FOUND');
    await saveName(tx, id, name);
    await appendAudit(
      tx,
      {
        actor,
        action: 'auth.passkey_renamed',
        subjectType: 'user',
        subjectId: actor.userId,
        data: { passkeyId: id, from: passkey.name, to: name },
      },
      now,
    );
    return presentPasskey({ ...passkey, name });
  });
}
