import { describe, expect, it } from 'vitest';
import type { CasePolicyAction } from './policy.js';
import {
  canCase,
  canEditCase,
  canManageCaseMembership,
  canViewCase,
  caseRolesAllowedFor,
  requireCaseAccess,
} from './policy.js';
import {
  admin,
  auditor,
  buildCase,
  codeOf,
  lead,
  member,
  outsider,
  outsiderSupervisor,
  peer,
  supervisor,
  system,
  user,
  viewer,
} from './test-fixtures.js';

const kase = buildCase();
const auditorMember = buildCase({
  members: [...kase.members, { userId: auditor.userId, caseRole: 'viewer', addedAt: '', addedBy: '' }],
});

// Expected answers for: lead, member, viewer(read_only), supervisor(viewer member), outsider investigator,
// outsider supervisor, admin (non-member), auditor (non-member), peer, system.
const ACTORS = {
  lead,
  member,
  viewer,
  supervisor,
  outsider,
  outsiderSupervisor,
  admin,
  auditor,
  peer,
  system,
} as const;
const TABLE: Record<CasePolicyAction, (keyof typeof ACTORS)[]> = {
  create: ['lead', 'member', 'supervisor', 'outsider', 'outsiderSupervisor', 'system'],
  view: ['lead', 'member', 'viewer', 'supervisor', 'system'],
  edit: ['lead', 'member', 'system'],
  change_status: ['lead', 'supervisor'],
  reopen: ['supervisor'],
  manage_members: ['lead', 'supervisor', 'admin'],
  manage_parties: ['lead', 'supervisor'],
  share: ['lead', 'supervisor'],
  share_restricted: ['supervisor'],
  access_evidence: ['lead', 'member', 'viewer', 'supervisor', 'system'],
  export_evidence: ['lead', 'supervisor'],
  manage_tasks: ['lead', 'member', 'system'],
};

describe('case policy table', () => {
  for (const [action, allowed] of Object.entries(TABLE) as [CasePolicyAction, (keyof typeof ACTORS)[]][]) {
    for (const [name, actor] of Object.entries(ACTORS)) {
      const expected = allowed.includes(name as keyof typeof ACTORS);
      it(`${action} by ${name}: ${expected ? 'allowed' : 'refused'}`, () => {
        expect(canCase(actor, action, kase)).toBe(expected);
        expect(codeOf(() => requireCaseAccess(actor, action, kase))).toBe(expected ? 'none' : 'CASE_FORBIDDEN');
      });
    }
  }
});

describe('membership rules', () => {
  it('only members see case content: not admins or auditors by role alone', () => {
    expect(canViewCase(admin, kase)).toBe(false);
    expect(canViewCase(auditor, kase)).toBe(false);
    expect(canViewCase(outsiderSupervisor, kase)).toBe(false);
    expect(canViewCase(auditor, auditorMember)).toBe(true);
    expect(canViewCase(viewer, kase)).toBe(true);
  });
  it('admins manage membership without seeing content', () => {
    expect(canManageCaseMembership(admin, kase)).toBe(true);
    expect(canViewCase(admin, kase)).toBe(false);
  });
  it('viewers and read-only users cannot edit even as members', () => {
    expect(canEditCase(viewer, kase)).toBe(false);
    const roLead = buildCase({ members: [{ userId: 'ro', caseRole: 'lead', addedAt: '', addedBy: '' }] });
    expect(canEditCase(user('ro', ['read_only']), roLead)).toBe(false);
    expect(canEditCase(member, kase)).toBe(true);
  });
  it('membership-dependent actions are refused when no case is given', () => {
    expect(canCase(lead, 'view')).toBe(false);
    expect(canCase(lead, 'create')).toBe(true);
  });
  it('a user with no roles can do nothing', () => {
    const nobody = user(lead.userId, []);
    expect(canViewCase(nobody, kase)).toBe(false);
  });
  it('only case workers may lead or edit', () => {
    expect(caseRolesAllowedFor(['analyst'])).toEqual(['lead', 'member', 'viewer']);
    expect(caseRolesAllowedFor(['read_only', 'auditor', 'admin'])).toEqual(['viewer']);
  });
});
