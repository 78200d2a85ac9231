// One passkey assertion checked inside the caller's transaction: the challenge is taken (used
// once, for this purpose), the credential found (and, when the caller knows the user, theirs), the
// signature verified against this node's RP ID and origin, and the authenticator's counter and
// backup state stored. A refusal comes back as an AppError for the caller to settle and return.
import {
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
} from '@simplewebauthn/server';
import { AppError } from '../../errors.js';
import type { ChallengePurpose } from '../../domain/passkey/challenge.js';
import type { TAuthenticationResponse } from '../../domain/passkey/schemas.js';
import type { Queryable } from '../../storage/db.js';
import {
  findPasskeyByCredentialId,
  recordPasskeyUse,
  type PasskeyRow,
} from '../../storage/repositories/passkey.repository.js';
import type { ServiceContext } from '../context.js';
import { takeChallenge } from './challenges.js';
import { relyingPartyOf } from './relying-party.js';

export async function verifyPasskeyAssertion(
  tx: Queryable,
  ctx: ServiceContext,
  response: TAuthenticationResponse,
  expect: { purpose: Exclude<ChallengePurpose, 'register'>; userId: string | null },
  now: Date,
): Promise<PasskeyRow | AppError> {
  const challenge = await takeChallenge(
    tx,
    response.response.clientDataJSON,
    expect.purpose,
    expect.purpose === 'confirm' ? expect.userId : null,
    now,
  );
  if (challenge instanceof AppError) return challenge;
  const passkey = await findPasskeyByCredentialId(tx, response.id, true);
  if (!passkey || (expect.userId !== null && passkey.userId !== expect.userId))
    return new AppError('AUTH_PASSKEY_INVALID');
  // A discoverable passkey names its account (the user handle set at enrolment): it must be this one's.
  const handle = response.response.userHandle;
  if (handle && handle !== Buffer.from(passkey.userId, 'utf8').toString('base64url'))
    return new AppError('AUTH_PASSKEY_INVALID');
  const rp = relyingPartyOf(ctx);
  try {
    const result = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpId,
      credential: {
        id: passkey.credentialId,
        publicKey: passkey.publicKey,
        counter: passkey.signCount,
        transports: passkey.transports as AuthenticatorTransportFuture[],
      },
      requireUserVerification: expect.purpose === 'login',
    });
    if (!result.verified) return new AppError('AUTH_PASSKEY_INVALID');
    const info = result.authenticationInfo;
    await recordPasskeyUse(tx, passkey.id, {
      signCount: info.newCounter,
      backedUp: info.credentialBackedUp,
      deviceType: info.credentialDeviceType,
      at: now.toISOString(),
    });
    return { ...passkey, signCount: info.newCounter, backedUp: info.credentialBackedUp, lastUsedAt: now.toISOString() };
  } catch (e) {
    ctx.logger.info(
      { err: e instanceof Error ? e.message : String(e), purpose: expect.purpose },
      'passkey assertion refused',
    );
    return new AppError('AUTH_PASSKEY_INVALID');
  }
}
