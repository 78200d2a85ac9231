// Use case: a challenge for a passkey assertion. For a sign-in (password-less, or the second step
// after a password) nobody is known yet, so the browser is offered every passkey of this node it
// holds (discoverable credentials); user verification is required when the passkey alone signs in.
// For a signed-in user's confirmation (removing a passkey) the options list their own passkeys.
// Anyone may ask for a sign-in challenge, so each address has a bucket of them (stored challenges
// are rows: the bucket bounds what one client can make the node store).
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { UserActor } from '../../domain/shared/actor.js';
import { CEREMONY_TIMEOUT_MS, type ChallengePurpose } from '../../domain/passkey/challenge.js';
import type { AuthenticatorTransportFuture } from '@simplewebauthn/server';
import { takeToken, type BucketPolicy } from '../../domain/public-report/token-bucket.js';
import { AppError } from '../../errors.js';
import { listPasskeysOfUser } from '../../storage/repositories/passkey.repository.js';
import { lockBucket, saveBucket } from '../../storage/repositories/rate-limit.repository.js';
import type { ServiceContext } from '../context.js';
import { storeChallenge } from './challenges.js';
import { relyingPartyOf } from './relying-party.js';

/** Sign-in challenges per client address: a burst of 30, then one every 2 seconds. */
export const PASSKEY_CHALLENGE_POLICY: BucketPolicy = { capacity: 30, perSecond: 1 / 2 };

export async function passkeyAuthenticationOptions(
  ctx: ServiceContext,
  purpose: Exclude<ChallengePurpose, 'register'>,
  actor: UserActor | null,
  client = 'local',
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  if (!actor) await takeChallengeToken(ctx, client);
  const rp = relyingPartyOf(ctx);
  const own = purpose === 'confirm' && actor ? await listPasskeysOfUser(ctx.db, actor.userId) : [];
  const options = await generateAuthenticationOptions({
    rpID: rp.rpId,
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: purpose === 'login' ? 'required' : 'preferred',
    allowCredentials: own.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransportFuture[],
    })),
  });
  await storeChallenge(
    ctx.db,
    options.challenge,
    purpose,
    purpose === 'confirm' ? (actor?.userId ?? null) : null,
    ctx.clock(),
  );
  return options;
}

async function takeChallengeToken(ctx: ServiceContext, client: string): Promise<void> {
  const now = ctx.clock().getTime();
  const decision = await ctx.db.transaction(async (tx) => {
    const state = await lockBucket(tx, 'passkey_challenge', client, {
      tokens: PASSKEY_CHALLENGE_POLICY.capacity,
      at: now,
    });
    const d = takeToken(state, PASSKEY_CHALLENGE_POLICY, now);
    await saveBucket(tx, 'passkey_challenge', client, d.state);
    return d;
  });
  if (!decision.allowed)
    throw new AppError('AUTH_RATE_LIMITED', { details: { retryAfterSeconds: decision.retryAfterSeconds } });
}
