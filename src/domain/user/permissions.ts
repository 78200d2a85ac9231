// Route-level permissions per role (docs/spec.md §9.1). Every API route names one permission; area policies
// (which side of a request may act, case membership) refine this inside the services.
import type { Role } from '../shared/roles.js';

export const PERMISSIONS = [
  'self', // own profile, own session, own API tokens, own TOTP
  'request:read',
  'request:create',
  'request:act',
  'call:read',
  'call:place',
  'call:ack',
  'roster:manage',
  'case:read',
  'case:create',
  'case:edit',
  'evidence:read',
  'evidence:add',
  'dialogue:read',
  'dialogue:edit',
  'user:manage',
  'audit:read',
  'audit:verify',
  'node:read',
  'federation:manage',
  // The federation's parties by name and country (pickers and names on every page): every staff role.
  'party:read',
  // Threat intelligence (docs/spec.md §5, §4.5): read indicators/alerts; import, push and extract; manage feeds,
  // collections and correlation exclusions.
  'intel:read',
  'intel:write',
  'intel:manage',
  // Public reporting (docs/spec.md §6): the triage queue of reports from the public.
  'triage:read',
  'triage:act',
  // Experience exchange (docs/spec.md §7): knowledge base and search; tabletop exercises.
  'knowledge:read',
  'knowledge:edit',
  'exercise:read',
  'exercise:direct',
  // Statistical reports (docs/spec.md §10.4): per case, request, peer and period, as CSV and PDF.
  'report:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = [
  'self',
  'request:read',
  'call:read',
  'case:read',
  'evidence:read',
  'dialogue:read',
  'node:read',
  'party:read',
  'intel:read',
  'triage:read',
  'knowledge:read',
  'exercise:read',
  'report:read',
];
const WORK: Permission[] = [
  ...READ_ALL,
  'request:create',
  'request:act',
  'call:place',
  'case:create',
  'case:edit',
  'evidence:add',
  'intel:write',
  'triage:act',
  'knowledge:edit',
];

/** Why each role has what it has: least privilege, and the auditor can read history but change nothing. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'self',
    'node:read',
    'party:read',
    'federation:manage',
    'user:manage',
    'audit:read',
    'audit:verify',
    'roster:manage',
    'request:read',
    'call:read',
    'case:read',
    'dialogue:read',
    'dialogue:edit',
    'intel:read',
    'intel:manage',
    'knowledge:read',
    'exercise:read',
    'report:read',
  ],
  point_of_contact: [...WORK, 'call:ack', 'dialogue:edit'],
  investigator: WORK,
  analyst: [...READ_ALL, 'case:edit', 'intel:write', 'triage:act', 'knowledge:edit'],
  // The supervisor directs exercises: they test the unit's own response times.
  supervisor: [...WORK, 'call:ack', 'roster:manage', 'dialogue:edit', 'audit:read', 'exercise:direct'],
  auditor: [
    'self',
    'node:read',
    'party:read',
    'request:read',
    'call:read',
    'dialogue:read',
    'audit:read',
    'audit:verify',
    'exercise:read',
    'report:read',
  ],
  read_only: READ_ALL,
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

export function rolesHave(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r]?.includes(permission));
}
