// What an API token may do (its scope) and how long it may live. Pure: the auth plugin asks
// `scopeAllows` for every request a token makes; the token service asks `decideTokenLifetime` and
// `scopeWithin` when a token is made, so a token never mints one with more scope or a longer life.
export const TOKEN_SCOPES = ['read_only', 'taxii_only', 'full'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Where a request goes: the REST API (/api) or the TAXII 2.1 server (/taxii2). */
export type Surface = 'api' | 'taxii';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * read_only: GET and HEAD only, on /api and TAXII (reads, never changes). taxii_only: the TAXII
 * server only (any method its roles allow: a feed that also pushes). full: everything the user's
 * roles allow. Sessions act with `full`.
 */
export function scopeAllows(scope: TokenScope, surface: Surface, method: string): boolean {
  if (scope === 'full') return true;
  if (scope === 'taxii_only') return surface === 'taxii';
  return READ_METHODS.has(method.toUpperCase());
}

/** A child scope no wider than its parent's (read_only and taxii_only are not comparable). */
export function scopeWithin(child: TokenScope, parent: TokenScope): boolean {
  return parent === 'full' || child === parent;
}

export type LifetimeRule = { defaultDays: number; maxDays: number };
export type LifetimeDecision =
  | { ok: true; expiresAt: string }
  | { ok: false; code: 'AUTH_TOKEN_LIFETIME_TOO_LONG' | 'AUTH_TOKEN_EXCEEDS_PARENT'; limit: string | number };

/**
 * The new token's expiry: `requestedDays` (at most `maxDays`), else `defaultDays`; when a token
 * mints it, never past the minting token's own expiry — an explicit request beyond it is refused,
 * the default is cut to it.
 */
export function decideTokenLifetime(
  now: Date,
  requestedDays: number | undefined,
  rule: LifetimeRule,
  parentExpiresAt: string | null,
): LifetimeDecision {
  if (requestedDays !== undefined && requestedDays > rule.maxDays)
    return { ok: false, code: 'AUTH_TOKEN_LIFETIME_TOO_LONG', limit: rule.maxDays };
  const wanted = now.getTime() + (requestedDays ?? rule.defaultDays) * 86_400_000;
  if (parentExpiresAt !== null) {
    const parentEnd = new Date(parentExpiresAt).getTime();
    if (wanted > parentEnd) {
      if (requestedDays !== undefined) return { ok: false, code: 'AUTH_TOKEN_EXCEEDS_PARENT', limit: parentExpiresAt };
      return { ok: true, expiresAt: new Date(parentEnd).toISOString() };
    }
  }
  return { ok: true, expiresAt: new Date(wanted).toISOString() };
}
