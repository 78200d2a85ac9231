// The per-client throttles of sign-in (src/domain/user/login-throttle.ts), kept in the database so
// every process of a node applies one limit: taken before any password is checked, settled with the
// sign-in's own transaction. The client is the request's address (the real one behind a trusted
// proxy: see `trustProxy`), or `local` for sign-ins that do not come over HTTP.
import { AppError } from '../../errors.js';
import {
  afterBackoffFailure,
  backoffWaitMs,
  LOGIN_ADDRESS_POLICY,
  loginBackoffPolicy,
  returnAddressToken,
  takeAddressToken,
} from '../../domain/user/login-throttle.js';
import type { Queryable } from '../../storage/db.js';
import {
  deleteLoginBackoff,
  lockLoginBackoff,
  saveLoginBackoff,
} from '../../storage/repositories/login-throttle.repository.js';
import { lockBucket, saveBucket } from '../../storage/repositories/rate-limit.repository.js';
import type { ServiceContext } from '../context.js';

export const LOGIN_ADDRESS_SCOPE = 'login_address';

/**
 * Counts this attempt as a failure of the client address and of the (address, user name) pair, or
 * refuses it with `AUTH_RATE_LIMITED` (and the seconds to wait) when either has no attempt left. A
 * success gives both back (settleLoginThrottle). Rows are locked address first, then pair, always.
 */
export async function reserveLoginThrottle(ctx: ServiceContext, client: string, username: string): Promise<void> {
  const now = ctx.clock().getTime();
  const policy = loginBackoffPolicy(ctx.config.lockoutThreshold);
  const waitSeconds = await ctx.db.transaction(async (tx) => {
    const bucket = await lockBucket(tx, LOGIN_ADDRESS_SCOPE, client, {
      tokens: LOGIN_ADDRESS_POLICY.capacity,
      at: now,
    });
    const address = takeAddressToken(bucket, now);
    if (!address.allowed) {
      await saveBucket(tx, LOGIN_ADDRESS_SCOPE, client, address.state);
      return address.retryAfterSeconds;
    }
    const pair = await lockLoginBackoff(tx, client, username);
    const wait = backoffWaitMs(pair, policy, now);
    // Refused by the pair: the address keeps its token (nothing was tried).
    if (wait > 0) return Math.ceil(wait / 1000);
    await saveBucket(tx, LOGIN_ADDRESS_SCOPE, client, address.state);
    await saveLoginBackoff(tx, client, username, afterBackoffFailure(pair, policy, now));
    return 0;
  });
  if (waitSeconds > 0) throw new AppError('AUTH_RATE_LIMITED', { details: { retryAfterSeconds: waitSeconds } });
}

/** The attempt proved the password: the address gets its token back and the pair starts afresh. */
export async function settleLoginThrottleSuccess(
  tx: Queryable,
  client: string,
  username: string,
  nowMs: number,
): Promise<void> {
  const bucket = await lockBucket(tx, LOGIN_ADDRESS_SCOPE, client, {
    tokens: LOGIN_ADDRESS_POLICY.capacity,
    at: nowMs,
  });
  await saveBucket(tx, LOGIN_ADDRESS_SCOPE, client, returnAddressToken(bucket, nowMs));
  await deleteLoginBackoff(tx, client, username);
}
