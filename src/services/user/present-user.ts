// Presenters for users and tokens: whitelist fields, never send hashes or secrets out.
import type { Role } from '../../domain/shared/roles.js';
import type { TokenScope } from '../../domain/user/token-scope.js';
import type { ApiTokenRow, UserRow } from '../../storage/repositories/user.repository.js';

export type PublicUser = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  locale: UserRow['locale'];
  timeZone: string;
  totpEnabled: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
};

export function presentUser(u: UserRow): PublicUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    roles: [...u.roles],
    locale: u.locale,
    timeZone: u.timeZone,
    totpEnabled: u.totpEnabled,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

export type PublicApiToken = {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function presentApiToken(t: ApiTokenRow): PublicApiToken {
  return {
    id: t.id,
    userId: t.userId,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}
