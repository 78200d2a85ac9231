// Who may do what on a case: one declarative table of policy action → grants (role + case role).
//
// Decisions (docs/spec.md §9.1 "cases restricted to their members"):
// - Case content is visible to members only. Holding a node role is never enough: an admin
//   manages membership (`manage_members`, needs no membership) but reads content only if made a
//   member; an auditor reads the audit log, not cases, unless made a member (e.g. a viewer).
// - Status changes: the case lead, or a supervisor who is a member. Reopening a closed case:
//   a supervisor who is a member.
// - Peers never act on a local case record: what a peer sees is governed by shares (share.ts,
//   tlp.ts). The system actor (workers, call→case conversion) may create, view and edit.
import type { Actor } from '../shared/actor.js';
import { hasRole } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import { ROLES } from '../shared/roles.js';
import { rolesHave } from '../user/permissions.js';
import { AppError } from '../../errors.js';
import type { CaseRecord, CaseRole } from './case-types.js';
import { memberOf } from './case-types.js';

export const CASE_POLICY_ACTIONS = [
  'create',
  'view',
  'edit',
  'change_status',
  'reopen',
  'manage_members',
  'manage_parties',
  'share',
  'share_restricted',
  'access_evidence',
  'export_evidence',
  'manage_tasks',
] as const;
export type CasePolicyAction = (typeof CASE_POLICY_ACTIONS)[number];

/** Roles that do case work; `read_only`, `auditor` and `admin` are not among them. */
export const CASE_WORKER_ROLES: readonly Role[] = ['investigator', 'analyst', 'supervisor', 'point_of_contact'];
const ANY_MEMBER: readonly CaseRole[] = ['lead', 'member', 'viewer'];
const EDITORS: readonly CaseRole[] = ['lead', 'member'];

type Grant = { roles: readonly Role[]; membership: readonly CaseRole[] | 'none' };
type Rule = { users: readonly Grant[]; system: boolean };

const LEAD_OR_SUPERVISOR: readonly Grant[] = [
  { roles: CASE_WORKER_ROLES, membership: ['lead'] },
  { roles: ['supervisor'], membership: ANY_MEMBER },
];

export const CASE_POLICY: Record<CasePolicyAction, Rule> = {
  create: { users: [{ roles: CASE_WORKER_ROLES, membership: 'none' }], system: true },
  view: { users: [{ roles: ROLES, membership: ANY_MEMBER }], system: true },
  edit: { users: [{ roles: CASE_WORKER_ROLES, membership: EDITORS }], system: true },
  change_status: { users: LEAD_OR_SUPERVISOR, system: false },
  reopen: { users: [{ roles: ['supervisor'], membership: ANY_MEMBER }], system: false },
  manage_members: { users: [{ roles: ['admin'], membership: 'none' }, ...LEAD_OR_SUPERVISOR], system: false },
  manage_parties: { users: LEAD_OR_SUPERVISOR, system: false },
  share: { users: LEAD_OR_SUPERVISOR, system: false },
  share_restricted: { users: [{ roles: ['supervisor'], membership: ANY_MEMBER }], system: false },
  access_evidence: { users: [{ roles: ROLES, membership: ANY_MEMBER }], system: true },
  export_evidence: { users: LEAD_OR_SUPERVISOR, system: false },
  manage_tasks: { users: [{ roles: CASE_WORKER_ROLES, membership: EDITORS }], system: true },
};

export function canCase(actor: Actor, action: CasePolicyAction, kase?: Pick<CaseRecord, 'members'>): boolean {
  const rule = CASE_POLICY[action];
  if (actor.kind === 'system') return rule.system;
  if (actor.kind === 'peer') return false;
  const membership = kase ? memberOf(kase, actor.userId) : undefined;
  return rule.users.some(
    (g) =>
      hasRole(actor, ...g.roles) &&
      (g.membership === 'none' || (membership !== undefined && g.membership.includes(membership.caseRole))),
  );
}

export function requireCaseAccess(
  actor: Actor,
  action: CasePolicyAction,
  kase?: Pick<CaseRecord, 'members' | 'id'>,
): void {
  if (!canCase(actor, action, kase)) {
    throw new AppError('CASE_FORBIDDEN', { details: { action, caseId: kase?.id } });
  }
}

/** Members (any case role) see case content; see the header for why admins and auditors do not. */
export function canViewCase(actor: Actor, kase: Pick<CaseRecord, 'members'>): boolean {
  return canCase(actor, 'view', kase);
}

export function canEditCase(actor: Actor, kase: Pick<CaseRecord, 'members'>): boolean {
  return canCase(actor, 'edit', kase);
}

/** Admins may see the membership list (not content) to manage it. */
export function canManageCaseMembership(actor: Actor, kase: Pick<CaseRecord, 'members'>): boolean {
  return canCase(actor, 'manage_members', kase);
}

/**
 * What a viewer may know of a case — THE visibility rule of every read path: the case page, lists,
 * reports (JSON, CSV, PDF), exports, search, notifications, correlation. `full`: a member whose roles
 * may read cases (case:read) sees everything; `membership`: an admin who is not a member sees the
 * membership they manage (reference, status, members) and nothing else; `none`: the case does not
 * exist for them (404). Only the backup, which copies the whole node for its operator, is outside it.
 */
export type CaseAccess = 'full' | 'membership' | 'none';

export function caseAccess(actor: Actor, kase: Pick<CaseRecord, 'members'>): CaseAccess {
  // The case page needs case:read; a member without it (an auditor added as viewer) reads no case
  // content anywhere else either.
  if (actor.kind === 'user' && !rolesHave(actor.roles, 'case:read')) return 'none';
  if (canViewCase(actor, kase)) return 'full';
  if (canManageCaseMembership(actor, kase)) return 'membership';
  return 'none';
}

/** Case roles a user may hold given their node roles: only case workers may lead or edit. */
export function caseRolesAllowedFor(userRoles: readonly Role[]): CaseRole[] {
  return userRoles.some((r) => CASE_WORKER_ROLES.includes(r)) ? ['lead', 'member', 'viewer'] : ['viewer'];
}
