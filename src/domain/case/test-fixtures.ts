// Shared builders for the case area's unit tests (not used by production code).
import type { PeerActor, SystemActor, UserActor } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import type { CaseRecord } from './case-types.js';

export const NOW = new Date('2025-03-01T08:00:00.000Z');
export const LOCAL = 'cn-mps';
export const PEER_US = 'us-fbi';
export const PEER_EU = 'eu-europol';

export const user = (userId: string, roles: Role[], partyId = LOCAL): UserActor => ({
  kind: 'user',
  userId,
  name: userId,
  roles,
  partyId,
});

export const lead = user('u-lead', ['investigator']);
export const member = user('u-member', ['analyst']);
export const viewer = user('u-viewer', ['read_only']);
export const supervisor = user('u-sup', ['supervisor']);
export const outsider = user('u-out', ['investigator']);
export const outsiderSupervisor = user('u-sup2', ['supervisor']);
export const admin = user('u-admin', ['admin']);
export const auditor = user('u-aud', ['auditor']);
export const system: SystemActor = { kind: 'system', partyId: LOCAL };
export const peer: PeerActor = { kind: 'peer', partyId: PEER_US };

export function buildCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const at = NOW.toISOString();
  return {
    id: 'case-1',
    reference: 'CN-2025-000001',
    title: { en: 'Pig-butchering ring', zh: '“杀猪盘”诈骗团伙' },
    summary: { en: '', zh: '' },
    crimeCategories: ['online_fraud'],
    status: 'open',
    leadParty: LOCAL,
    originParty: LOCAL,
    participatingParties: [LOCAL, PEER_US],
    members: [
      { userId: lead.userId, caseRole: 'lead', addedAt: at, addedBy: lead.userId },
      { userId: member.userId, caseRole: 'member', addedAt: at, addedBy: lead.userId },
      { userId: viewer.userId, caseRole: 'viewer', addedAt: at, addedBy: lead.userId },
      { userId: supervisor.userId, caseRole: 'viewer', addedAt: at, addedBy: lead.userId },
    ],
    linkedRequestIds: [],
    linkedCallIds: [],
    tlp: 'AMBER',
    confidentiality: 'normal',
    createdAt: at,
    createdBy: lead.userId,
    updatedAt: at,
    closedAt: null,
    statusReason: null,
    version: 1,
    ...overrides,
  };
}

/** Runs `fn` and returns the AppError code it threw (or 'none'). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'none';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
