// Resolves the credentials of a TAXII request (Bearer API token, or Basic with the token as the
// password, since many TAXII clients only speak Basic) to a TAXII viewer: a local user acting by
// its roles, or an account bound to an external party acting within collection scopes.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { TokenScope } from '../../domain/user/token-scope.js';
import { rolesHave } from '../../domain/user/permissions.js';
import type { TaxiiViewer } from '../../intel/taxii/access.js';
import type { ServiceContext } from '../context.js';
import { authenticate } from '../user/authenticate.js';

/** The secret carried by an Authorization header, or null when there is none usable. */
export function credentialOf(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1] ?? null;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!basic?.[1]) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // The user name is informative only: the token alone identifies the account.
  return colon >= 0 && colon < decoded.length - 1 ? decoded.slice(colon + 1) : null;
}

/** `scope`: the API token's (a session's is `full`), enforced by the auth plugin (src/http/plugins/auth.ts). */
export type TaxiiCaller = { viewer: TaxiiViewer; actor: UserActor; scope: TokenScope };

export async function resolveTaxiiCaller(ctx: ServiceContext, authorization: string | undefined): Promise<TaxiiCaller> {
  const secret = credentialOf(authorization);
  if (!secret) throw new AppError('INTEL_TAXII_UNAUTHENTICATED');
  let auth;
  try {
    auth = await authenticate(ctx, secret);
  } catch (e) {
    if (e instanceof AppError && e.status === 401)
      throw new AppError('INTEL_TAXII_UNAUTHENTICATED', { details: { reason: e.code } });
    throw e;
  }
  const { actor, scope } = auth;
  if (auth.boundParty) return { actor, scope, viewer: { kind: 'party', userId: auth.user.id, party: auth.boundParty } };
  return {
    actor,
    scope,
    viewer: {
      kind: 'local',
      userId: auth.user.id,
      canRead: rolesHave(actor.roles, 'intel:read'),
      canWrite: rolesHave(actor.roles, 'intel:write'),
    },
  };
}
