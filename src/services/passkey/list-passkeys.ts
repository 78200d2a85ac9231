// Use case: a user's own passkeys, and whether the node's policy requires them to have one.
import type { UserActor } from '../../domain/shared/actor.js';
import { mustEnrolPasskey, passkeyRequiredFor } from '../../domain/passkey/policy.js';
import { listPasskeysOfUser } from '../../storage/repositories/passkey.repository.js';
import { findPasskeyPolicy } from '../../storage/repositories/passkey-policy.repository.js';
import type { ServiceContext } from '../context.js';
import { presentPasskey, type PublicPasskey } from './present-passkey.js';
import { relyingPartyOf } from './relying-party.js';

export type OwnPasskeys = { items: PublicPasskey[]; required: boolean; mustEnrol: boolean; rpId: string };

export async function listOwnPasskeys(ctx: ServiceContext, actor: UserActor): Promise<OwnPasskeys> {
  const [rows, policy] = await Promise.all([listPasskeysOfUser(ctx.db, actor.userId), findPasskeyPolicy(ctx.db)]);
  return {
    items: rows.map(presentPasskey),
    required: passkeyRequiredFor(policy, actor.roles),
    mustEnrol: mustEnrolPasskey(policy, actor.roles, rows.length),
    rpId: relyingPartyOf(ctx).rpId,
  };
}
