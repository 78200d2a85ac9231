// Route-level permissions per role (SPEC §9.1). Every API route names one permission; area policies
// (which side of a request may act, case membership) refine this inside the services.
import type { Role } from '../shared/roles.js';

export const PERMISSIONS = [
  'self',            // own profile, own session, own API tokens, own TOTP
  'request:read', 'request:create', 'request:act',
  'call:read', 'call:place', 'call:ack', 'roster:manage',
  'case:read', 'case:create', 'case:edit', 'evidence:read', 'evidence:add',
  'dialogue:read', 'dialogue:edit',
  'user:manage', 'audit:read', 'audit:verify', 'node:read', 'federation:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = ['self', 'request:read', 'call:read', 'case:read', 'evidence:read', 'dialogue:read', 'node:read'];
const WORK: Permission[] = [
  ...READ_ALL, 'request:create', 'request:act', 'call:place', 'case:create', 'case:edit', 'evidence:add',
];

/** Why each role has what it has: least privilege, and the auditor can read history but change nothing. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['self', 'node:read', 'federation:manage', 'user:manage', 'audit:read', 'audit:verify', 'roster:manage', 'request:read', 'call:read', 'case:read', 'dialogue:read', 'dialogue:edit'],
  point_of_contact: [...WORK, 'call:ack', 'dialogue:edit'],
  investigator: WORK,
  analyst: [...READ_ALL, 'case:edit'],
  supervisor: [...WORK, 'call:ack', 'roster:manage', 'dialogue:edit', 'audit:read'],
  auditor: ['self', 'node:read', 'request:read', 'call:read', 'dialogue:read', 'audit:read', 'audit:verify'],
  read_only: READ_ALL,
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

export function rolesHave(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}
