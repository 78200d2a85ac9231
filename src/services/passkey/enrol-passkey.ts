// Use cases: start adding a passkey (registration options with a stored challenge) and finish it
// (verify the browser's answer against this node's RP ID and origin, store the credential under
// the name the user gave). Passkeys are made discoverable (resident) so they can also sign in
// without a user name; no attestation is asked for (which authenticator it is is not checked).
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { CEREMONY_TIMEOUT_MS } from '../../domain/passkey/challenge.js';
import { MAX_PASSKEYS_PER_USER } from '../../domain/passkey/policy.js';
import type { TRegistrationResponse } from '../../domain/passkey/schemas.js';
import { appendAudit } from '../../audit/audit-log.js';
import { newId } from '../../shared/ids.js';
import {
  findPasskeyByCredentialId,
  insertPasskey,
  listPasskeysOfUser,
} from '../../storage/repositories/passkey.repository.js';
import { findUserById } from '../../storage/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { storeChallenge, takeChallenge } from './challenges.js';
import { presentPasskey, type PublicPasskey } from './present-passkey.js';
import { relyingPartyOf } from './relying-party.js';

export async function passkeyRegistrationOptions(
  ctx: ServiceContext,
  actor: UserActor,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  const own = await listPasskeysOfUser(ctx.db, user.id);
  if (own.length >= MAX_PASSKEYS_PER_USER) throw new AppError('PASSKEY_LIMIT_REACHED');
  const rp = relyingPartyOf(ctx);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    timeout: CEREMONY_TIMEOUT_MS,
    // The user handle is the account id (no personal data); it lets a discoverable passkey name its account.
    userID: new TextEncoder().encode(user.id),
    userName: user.username,
    userDisplayName: user.displayName,
    attestationType: 'none',
    excludeCredentials: own.map((p) => ({
      id: p.credentialId,
      transports: p.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await storeChallenge(ctx.db, options.challenge, 'register', user.id, ctx.clock());
  return options;
}

export async function registerPasskey(
  ctx: ServiceContext,
  actor: UserActor,
  input: { name: string; response: TRegistrationResponse },
): Promise<PublicPasskey> {
  const now = ctx.clock();
  const rp = relyingPartyOf(ctx);
  // A refused answer still uses its challenge up: the refusal is returned and thrown after commit.
  const outcome = await ctx.db.transaction(async (tx): Promise<PublicPasskey | AppError> => {
    const user = await findUserById(tx, actor.userId, true);
    if (!user) return new AppError('USER_NOT_FOUND');
    const challenge = await takeChallenge(tx, input.response.response.clientDataJSON, 'register', user.id, now);
    if (challenge instanceof AppError) return challenge;
    if ((await listPasskeysOfUser(tx, user.id)).length >= MAX_PASSKEYS_PER_USER)
      return new AppError('PASSKEY_LIMIT_REACHED');
    let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verified = await verifyRegistrationResponse({
        response: input.response as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: rp.origins,
        expectedRPID: rp.rpId,
        requireUserVerification: false,
      });
    } catch (e) {
      ctx.logger.info({ err: e instanceof Error ? e.message : String(e) }, 'passkey registration refused');
      return new AppError('PASSKEY_VERIFICATION_FAILED');
    }
    if (!verified.verified) return new AppError('PASSKEY_VERIFICATION_FAILED');
    const info = verified.registrationInfo;
    if (await findPasskeyByCredentialId(tx, info.credential.id)) return new AppError('PASSKEY_ALREADY_REGISTERED');
    const row = {
      id: newId(),
      userId: user.id,
      credentialId: info.credential.id,
      publicKey: info.credential.publicKey,
      signCount: info.credential.counter,
      transports: info.credential.transports ?? input.response.response.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      name: input.name,
      createdAt: now.toISOString(),
      lastUsedAt: null,
    };
    await insertPasskey(tx, row);
    await appendAudit(
      tx,
      {
        actor,
        action: 'auth.passkey_added',
        subjectType: 'user',
        subjectId: user.id,
        data: { passkeyId: row.id, name: row.name, backedUp: row.backedUp, deviceType: row.deviceType },
      },
      now,
    );
    return presentPasskey(row);
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}
