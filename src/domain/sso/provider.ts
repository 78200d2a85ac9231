// Pure rules of single sign-on: which issuers may be used, which local roles the IdP's claims give,
// and which local user name the claims name. No I/O; the services call these with what the IdP sent.
import { ROLES, type Role } from '../shared/roles.js';
import type { TRoleMapping } from './schemas.js';

export type SsoProvider = {
  id: string;
  slug: string;
  issuer: string;
  clientId: string;
  /** Sealed; null for a public client (PKCE only). */
  clientSecretEnc: string | null;
  scopes: string[];
  usernameClaim: string;
  roleMappings: TRoleMapping[];
  autoCreate: boolean;
  nameEn: string;
  nameZh: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type Claims = Record<string, unknown>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https always; plain http only for an IdP on this machine (tests, a local demo IdP). */
export function issuerAllowed(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}

/** `openid` is what makes it OpenID Connect: always asked for, first, once. */
export function normalizeScopes(scopes: readonly string[]): string[] {
  return ['openid', ...new Set(scopes.filter((s) => s !== 'openid'))];
}

/** A claim read by name, also as a dotted path into nested objects (`realm_access.roles`). */
export function claimAt(claims: Claims, name: string): unknown {
  if (name in claims) return claims[name];
  let at: unknown = claims;
  for (const part of name.split('.')) {
    if (at === null || typeof at !== 'object' || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value))
    return value.flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [String(v)] : []));
  return [];
}

/**
 * The local roles the claims give: every mapping whose claim holds its value (a string claim equal
 * to it, or a list claim containing it). In the order of ROLES, without repeats.
 */
export function mapRoles(claims: Claims, mappings: readonly TRoleMapping[]): Role[] {
  const granted = new Set<Role>();
  for (const m of mappings) {
    if (claimValues(claimAt(claims, m.claim)).includes(m.value)) granted.add(m.role);
  }
  return ROLES.filter((r) => granted.has(r));
}

const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/**
 * The local user name the claims name: the configured claim, lower-cased; for an e-mail-like value
 * (`upn`, `email` in Entra ID and ADFS) the part before `@` is not taken — the whole value is kept
 * with `@` turned into `.at.`, so two domains never share a name. Null when absent or not usable.
 */
export function usernameFromClaims(claims: Claims, claim: string): string | null {
  const raw = claimAt(claims, claim);
  if (typeof raw !== 'string') return null;
  const name = raw
    .trim()
    .toLowerCase()
    .replace(/@/g, '.at.')
    .replace(/[\\/ ]+/g, '.');
  return USERNAME_RE.test(name) ? name : null;
}

/** A display name from the standard claims, else the user name. */
export function displayNameFromClaims(claims: Claims, fallback: string): string {
  const name = claims.name;
  if (typeof name === 'string' && name.trim()) return name.trim().slice(0, 200);
  const given = typeof claims.given_name === 'string' ? claims.given_name : '';
  const family = typeof claims.family_name === 'string' ? claims.family_name : '';
  const joined = `${given} ${family}`.trim();
  return joined ? joined.slice(0, 200) : fallback;
}

export function emailFromClaims(claims: Claims): string | null {
  const email = claims.email;
  return typeof email === 'string' && /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 320 ? email : null;
}

/** Codes a refused SSO sign-in may carry back to the sign-in page; anything else reads as SSO_IDP_ERROR. */
export const SSO_REFUSAL_CODES = [
  'SSO_PROVIDER_NOT_FOUND',
  'SSO_RATE_LIMITED',
  'SSO_STATE_INVALID',
  'SSO_IDP_ERROR',
  'SSO_IDP_UNREACHABLE',
  'SSO_TOKEN_INVALID',
  'SSO_TOKEN_EXPIRED',
  'SSO_TOKEN_AUDIENCE',
  'SSO_USERNAME_MISSING',
  'SSO_UNKNOWN_USER',
  'SSO_NO_ROLE',
  'SSO_ACCOUNT_DISABLED',
  'SSO_ACCOUNT_LINKED_ELSEWHERE',
] as const;
export type SsoRefusalCode = (typeof SSO_REFUSAL_CODES)[number];

export function refusalCodeOf(code: string): SsoRefusalCode {
  return (SSO_REFUSAL_CODES as readonly string[]).includes(code) ? (code as SsoRefusalCode) : 'SSO_IDP_ERROR';
}

/** What the node knows when an IdP vouches for a subject. */
export type SsoLoginFacts = {
  /** The local user linked to this provider and subject, if any. */
  linked: { disabled: boolean; roles: readonly Role[] } | null;
  /** Without a link: the local user with the user name the claims give, if any. */
  sameName: { disabled: boolean; roles: readonly Role[]; linkedToProvider: boolean } | null;
  mappedRoles: readonly Role[];
  hasMappings: boolean;
  autoCreate: boolean;
};

export type SsoLoginDecision =
  | { kind: 'refuse'; code: SsoRefusalCode }
  /** `roles`: the roles to set (the mapping is the source of truth), or null to keep the local ones. */
  | { kind: 'sign_in'; link: boolean; roles: Role[] | null }
  | { kind: 'create'; roles: Role[] };

/**
 * Who signs in. With role mappings the IdP decides the roles at every sign-in (someone taken out of
 * a group loses the role at the next one; out of every mapped group, they are refused). Without
 * mappings roles are managed on the node. An unlinked local account is linked by user name, except
 * an administrator's (kept for local, break-glass sign-in, so an IdP account of the same name cannot
 * take it over) or one already linked to another subject of the same provider.
 */
export function decideSsoLogin(f: SsoLoginFacts): SsoLoginDecision {
  const roles = f.hasMappings ? [...f.mappedRoles] : null;
  if (roles && roles.length === 0) return { kind: 'refuse', code: 'SSO_NO_ROLE' };
  if (f.linked) {
    if (f.linked.disabled) return { kind: 'refuse', code: 'SSO_ACCOUNT_DISABLED' };
    return { kind: 'sign_in', link: false, roles };
  }
  if (f.sameName) {
    if (f.sameName.linkedToProvider || f.sameName.roles.includes('admin'))
      return { kind: 'refuse', code: 'SSO_ACCOUNT_LINKED_ELSEWHERE' };
    if (f.sameName.disabled) return { kind: 'refuse', code: 'SSO_ACCOUNT_DISABLED' };
    return { kind: 'sign_in', link: true, roles };
  }
  if (!f.autoCreate) return { kind: 'refuse', code: 'SSO_UNKNOWN_USER' };
  if (!roles) return { kind: 'refuse', code: 'SSO_NO_ROLE' };
  return { kind: 'create', roles };
}

/** How long an SSO session runs on the IdP's word before it is asked again (refresh token or userinfo). */
export const SSO_RECHECK_MS = 5 * 60_000;
/** Sign-ins started per client address (each stores a row): a burst of 30, then one every 2 seconds. */
export const SSO_START_POLICY = { capacity: 30, perSecond: 1 / 2 } as const;
/** How long a sign-in may stay at the IdP between /start and /callback. */
export const SSO_FLIGHT_MS = 10 * 60_000;
