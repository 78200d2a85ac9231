// One account's budget of secret checks (password at sign-in, TOTP codes at sign-in, re-enrolment
// and disabling), shared by every process of the node: an attempt is reserved under the user's row
// lock in a short transaction *before* the secret is checked (without holding the lock during the
// slow argon2 check), and settled in the caller's transaction after. See src/domain/user/lockout.ts.
import type { Config } from '../../config.js';
import {
  releaseAttempt,
  reserveAttempt,
  settleFailure,
  settleSuccess,
  type LockoutPolicy,
} from '../../domain/user/lockout.js';
import type { Queryable } from '../../storage/db.js';
import {
  findUserById,
  findUserByUsername,
  saveLockoutState,
  type UserRow,
} from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';

export function lockoutPolicy(config: Config): LockoutPolicy {
  return { threshold: config.lockoutThreshold, lockMinutes: config.lockoutMinutes };
}

export type AttemptOutcome = 'failure' | 'success' | 'release';

/**
 * Reserves one attempt of the account, or null when there is none to take: no such user, a
 * disabled one, a locked one, or every remaining attempt already in progress.
 */
export async function reserveAccountAttempt(
  ctx: ServiceContext,
  who: { username: string } | { userId: string },
): Promise<UserRow | null> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const user =
      'username' in who ? await findUserByUsername(tx, who.username, true) : await findUserById(tx, who.userId, true);
    if (!user || user.disabled) return null;
    const next = reserveAttempt(user, lockoutPolicy(ctx.config), now);
    if (!next) return null;
    await saveLockoutState(tx, user.id, next);
    return { ...user, ...next };
  });
}

/**
 * Settles a reserved attempt on the user row the caller holds `FOR UPDATE` in `tx`, and returns the
 * row as now stored plus whether this failure locked the account.
 */
export async function settleAccountAttempt(
  tx: Queryable,
  config: Config,
  user: UserRow,
  outcome: AttemptOutcome,
  now: Date,
): Promise<{ user: UserRow; locked: boolean }> {
  let locked = false;
  let next: UserRow;
  if (outcome === 'failure') {
    const settled = settleFailure(user, lockoutPolicy(config), now);
    next = { ...user, ...settled.state };
    locked = settled.locked;
  } else {
    next = { ...user, ...(outcome === 'success' ? settleSuccess(user, now) : releaseAttempt(user, now)) };
  }
  await saveLockoutState(tx, user.id, next);
  return { user: next, locked };
}
