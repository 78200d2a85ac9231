// Binds an existing user (a service account) to the external party it acts for over TAXII, or
// removes the binding. A bound account sees only collections whose readers name the party.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { findUserById } from '../../storage/repositories/user.repository.js';
import {
  deletePartyAccount,
  listPartyAccounts,
  upsertPartyAccount,
} from '../../storage/repositories/taxii.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';

export { listPartyAccounts };

export async function bindPartyAccount(
  ctx: ServiceContext,
  actor: UserActor,
  userId: string,
  party: string,
): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    if (!(await findUserById(tx, userId)))
      throw new AppError('INTEL_TAXII_PARTY_ACCOUNT_INVALID', { details: { userId } });
    await upsertPartyAccount(tx, userId, party, now.toISOString());
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'user',
        subjectId: userId,
        events: [{ type: 'taxii_party_bound', at: now.toISOString(), data: { party } }],
      },
      now,
    );
  });
}

export async function unbindPartyAccount(ctx: ServiceContext, actor: UserActor, userId: string): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    if (!(await deletePartyAccount(tx, userId)))
      throw new AppError('INTEL_TAXII_PARTY_ACCOUNT_INVALID', { details: { userId } });
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'user',
        subjectId: userId,
        events: [{ type: 'taxii_party_unbound', at: now.toISOString() }],
      },
      now,
    );
  });
}
