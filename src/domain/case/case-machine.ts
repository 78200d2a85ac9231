// Case state machine (docs/spec.md §4.1): open → active ⇄ suspended → closed, reopen closed → active
// by a supervisor, plus the edits (fields, members, parties, links) allowed in each status.
import { AppError, validationError } from '../../errors.js';
import type { Actor } from '../shared/actor.js';
import type { Role } from '../shared/roles.js';
import type { CaseRecord, CaseRole, CaseStatus } from './case-types.js';
import { memberOf } from './case-types.js';
import type { CaseFieldsInput } from './case-validation.js';
import { validateCaseFields, validateMemberRole, validateReason } from './case-validation.js';
import type { CaseDomainEvent, CaseEventType } from './events.js';
import { actorId, makeEvent } from './events.js';
import type { CasePolicyAction } from './policy.js';
import { canCase, requireCaseAccess } from './policy.js';

export const CASE_ACTIONS = [
  'activate',
  'suspend',
  'resume',
  'close',
  'reopen',
  'update',
  'add_member',
  'remove_member',
  'set_member_role',
  'link_request',
  'unlink_request',
  'link_call',
  'unlink_call',
  'add_party',
  'remove_party',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type CaseUpdate = Omit<CaseFieldsInput, 'crimeCategories' | 'tlp' | 'confidentiality'> & {
  crimeCategories?: CaseRecord['crimeCategories'];
  tlp?: CaseRecord['tlp'];
  confidentiality?: CaseRecord['confidentiality'];
};

export type CaseActionParams = {
  activate: { note?: string } | undefined;
  suspend: { reason: string };
  resume: { note?: string } | undefined;
  close: { reason: string };
  reopen: { reason: string };
  update: CaseUpdate;
  /** `userRoles`: the node roles of the user being added (only case workers may lead/edit). */
  add_member: { userId: string; caseRole: CaseRole; userRoles: readonly Role[] };
  remove_member: { userId: string };
  set_member_role: { userId: string; caseRole: CaseRole; userRoles: readonly Role[] };
  link_request: { requestId: string };
  unlink_request: { requestId: string };
  link_call: { callId: string };
  unlink_call: { callId: string };
  add_party: { partyId: string };
  remove_party: { partyId: string };
};

const OPEN_STATES: readonly CaseStatus[] = ['open', 'active', 'suspended'];
const ALL_STATES: readonly CaseStatus[] = ['open', 'active', 'suspended', 'closed'];

type Spec = { from: readonly CaseStatus[]; to?: CaseStatus; policy: CasePolicyAction };

/** Which statuses each action may start from, where status changes go, and who may act. */
export const CASE_ACTION_SPECS: Record<CaseAction, Spec> = {
  activate: { from: ['open'], to: 'active', policy: 'change_status' },
  suspend: { from: ['active'], to: 'suspended', policy: 'change_status' },
  resume: { from: ['suspended'], to: 'active', policy: 'change_status' },
  close: { from: OPEN_STATES, to: 'closed', policy: 'change_status' },
  reopen: { from: ['closed'], to: 'active', policy: 'reopen' },
  update: { from: OPEN_STATES, policy: 'edit' },
  // Membership changes stay possible on closed cases: reviewers may need access afterwards.
  add_member: { from: ALL_STATES, policy: 'manage_members' },
  remove_member: { from: ALL_STATES, policy: 'manage_members' },
  set_member_role: { from: ALL_STATES, policy: 'manage_members' },
  link_request: { from: OPEN_STATES, policy: 'edit' },
  unlink_request: { from: OPEN_STATES, policy: 'edit' },
  link_call: { from: OPEN_STATES, policy: 'edit' },
  unlink_call: { from: OPEN_STATES, policy: 'edit' },
  add_party: { from: OPEN_STATES, policy: 'manage_parties' },
  remove_party: { from: OPEN_STATES, policy: 'manage_parties' },
};

const STATUS_EVENTS: Partial<Record<CaseAction, CaseEventType>> = {
  activate: 'case.activated',
  suspend: 'case.suspended',
  resume: 'case.resumed',
  close: 'case.closed',
  reopen: 'case.reopened',
};

/** Actions this actor may take on this case now (status and policy; params not considered). */
export function allowedCaseActions(record: CaseRecord, actor: Actor): CaseAction[] {
  return CASE_ACTIONS.filter((a) => {
    const spec = CASE_ACTION_SPECS[a];
    return spec.from.includes(record.status) && canCase(actor, spec.policy, record);
  });
}

export type CaseTransition = { record: CaseRecord; events: CaseDomainEvent[] };

export function applyCaseAction<A extends CaseAction>(
  record: CaseRecord,
  action: A,
  actor: Actor,
  now: Date,
  params: CaseActionParams[A],
): CaseTransition {
  const spec = CASE_ACTION_SPECS[action];
  requireCaseAccess(actor, spec.policy, record);
  if (!spec.from.includes(record.status)) {
    const details = { caseId: record.id, status: record.status, action, allowed: allowedCaseActions(record, actor) };
    if (record.status === 'closed' && !spec.to) throw new AppError('CASE_CLOSED', { details });
    throw new AppError('CASE_INVALID_TRANSITION', { details });
  }
  const at = now.toISOString();
  const bump = (changes: Partial<CaseRecord>): CaseRecord => ({
    ...record,
    ...changes,
    updatedAt: at,
    version: record.version + 1,
  });
  const ev = (type: CaseEventType, data: Record<string, unknown> = {}) =>
    makeEvent(type, actor, now, { caseId: record.id, ...data });
  const p = params as CaseActionParams[CaseAction];

  if (spec.to) {
    const needsReason = action === 'suspend' || action === 'close' || action === 'reopen';
    const reason = needsReason ? (p as { reason: string }).reason : undefined;
    if (needsReason) {
      const issues = validateReason(reason);
      if (issues.length) throw validationError(issues, 'CASE_INVALID');
    }
    const next = bump({
      status: spec.to,
      closedAt: spec.to === 'closed' ? at : null,
      statusReason: needsReason ? reason!.trim() : record.statusReason,
    });
    const note = (p as { note?: string } | undefined)?.note;
    return {
      record: next,
      events: [
        ev(STATUS_EVENTS[action]!, {
          from: record.status,
          to: spec.to,
          ...(reason ? { reason: reason.trim() } : {}),
          ...(note ? { note } : {}),
        }),
      ],
    };
  }

  switch (action) {
    case 'update':
      return update(record, actor, p as CaseUpdate, bump, ev);
    case 'add_member': {
      const { userId, caseRole, userRoles } = p as CaseActionParams['add_member'];
      if (memberOf(record, userId))
        throw new AppError('CASE_MEMBER_EXISTS', { details: { caseId: record.id, userId } });
      const issues = validateMemberRole(caseRole, userRoles);
      if (issues.length) throw validationError(issues, 'CASE_INVALID');
      const members = [...record.members, { userId, caseRole, addedAt: at, addedBy: actorId(actor) }];
      return { record: bump({ members }), events: [ev('case.member_added', { userId, caseRole })] };
    }
    case 'remove_member': {
      const { userId } = p as CaseActionParams['remove_member'];
      const m = requireMember(record, userId);
      if (m.caseRole === 'lead') requireAnotherLead(record, userId);
      const members = record.members.filter((x) => x.userId !== userId);
      return { record: bump({ members }), events: [ev('case.member_removed', { userId, caseRole: m.caseRole })] };
    }
    case 'set_member_role': {
      const { userId, caseRole, userRoles } = p as CaseActionParams['set_member_role'];
      const m = requireMember(record, userId);
      if (m.caseRole === caseRole) return { record, events: [] };
      const issues = validateMemberRole(caseRole, userRoles);
      if (issues.length) throw validationError(issues, 'CASE_INVALID');
      if (m.caseRole === 'lead') requireAnotherLead(record, userId);
      const members = record.members.map((x) => (x.userId === userId ? { ...x, caseRole } : x));
      return {
        record: bump({ members }),
        events: [ev('case.member_role_changed', { userId, from: m.caseRole, to: caseRole })],
      };
    }
    case 'link_request':
    case 'unlink_request':
    case 'link_call':
    case 'unlink_call':
      return link(record, action, p, bump, ev);
    case 'add_party': {
      const { partyId } = p as CaseActionParams['add_party'];
      if (record.participatingParties.includes(partyId))
        throw new AppError('CASE_PARTY_EXISTS', { details: { caseId: record.id, partyId } });
      return {
        record: bump({ participatingParties: [...record.participatingParties, partyId] }),
        events: [ev('case.party_added', { partyId })],
      };
    }
    case 'remove_party': {
      const { partyId } = p as CaseActionParams['remove_party'];
      if (partyId === record.leadParty)
        throw new AppError('CASE_LEAD_PARTY_REQUIRED', { details: { caseId: record.id, partyId } });
      if (!record.participatingParties.includes(partyId))
        throw new AppError('CASE_PARTY_NOT_FOUND', { details: { caseId: record.id, partyId } });
      return {
        record: bump({ participatingParties: record.participatingParties.filter((x) => x !== partyId) }),
        events: [ev('case.party_removed', { partyId })],
      };
    }
    default:
      throw new AppError('CASE_INVALID_TRANSITION', { details: { caseId: record.id, action } });
  }
}

type Bump = (changes: Partial<CaseRecord>) => CaseRecord;
type Ev = (type: CaseEventType, data?: Record<string, unknown>) => CaseDomainEvent;

function requireMember(record: CaseRecord, userId: string) {
  const m = memberOf(record, userId);
  if (!m) throw new AppError('CASE_MEMBER_NOT_FOUND', { details: { caseId: record.id, userId } });
  return m;
}

function requireAnotherLead(record: CaseRecord, userId: string): void {
  if (!record.members.some((x) => x.caseRole === 'lead' && x.userId !== userId)) {
    throw new AppError('CASE_LAST_LEAD', { details: { caseId: record.id, userId } });
  }
}

function update(record: CaseRecord, actor: Actor, u: CaseUpdate, bump: Bump, ev: Ev): CaseTransition {
  // Loosening the marking or confidentiality widens who may receive the case: lead or supervisor only.
  if (
    (u.tlp !== undefined && u.tlp !== record.tlp) ||
    (u.confidentiality !== undefined && u.confidentiality !== record.confidentiality)
  ) {
    requireCaseAccess(actor, 'share', record);
  }
  const issues = validateCaseFields(u, false);
  if (issues.length) throw validationError(issues, 'CASE_INVALID');
  const changes: Partial<CaseRecord> = {};
  if (u.reference !== undefined) changes.reference = u.reference.trim();
  if (u.title !== undefined)
    changes.title = { en: u.title.en?.trim() ?? record.title.en, zh: u.title.zh?.trim() ?? record.title.zh };
  if (u.summary !== undefined)
    changes.summary = { en: u.summary.en?.trim() ?? record.summary.en, zh: u.summary.zh?.trim() ?? record.summary.zh };
  if (u.crimeCategories !== undefined) changes.crimeCategories = [...u.crimeCategories];
  if (u.tlp !== undefined) changes.tlp = u.tlp;
  if (u.confidentiality !== undefined) changes.confidentiality = u.confidentiality;
  const changed = (Object.keys(changes) as (keyof CaseRecord)[]).filter(
    (k) => JSON.stringify(changes[k]) !== JSON.stringify(record[k]),
  );
  if (changed.length === 0) return { record, events: [] };
  const from = Object.fromEntries(changed.map((k) => [k, record[k]]));
  const to = Object.fromEntries(changed.map((k) => [k, changes[k]]));
  return { record: bump(changes), events: [ev('case.updated', { fields: changed, from, to })] };
}

function link(
  record: CaseRecord,
  action: 'link_request' | 'unlink_request' | 'link_call' | 'unlink_call',
  p: unknown,
  bump: Bump,
  ev: Ev,
): CaseTransition {
  const isRequest = action.endsWith('request');
  const id = isRequest ? (p as { requestId: string }).requestId : (p as { callId: string }).callId;
  const field = isRequest ? 'linkedRequestIds' : 'linkedCallIds';
  const list = record[field];
  const key = isRequest ? 'requestId' : 'callId';
  if (action.startsWith('link')) {
    if (list.includes(id)) throw new AppError('CASE_LINK_EXISTS', { details: { caseId: record.id, [key]: id } });
    return {
      record: bump({ [field]: [...list, id] }),
      events: [ev(isRequest ? 'case.request_linked' : 'case.call_linked', { [key]: id })],
    };
  }
  if (!list.includes(id)) throw new AppError('CASE_LINK_NOT_FOUND', { details: { caseId: record.id, [key]: id } });
  return {
    record: bump({ [field]: list.filter((x) => x !== id) }),
    events: [ev(isRequest ? 'case.request_unlinked' : 'case.call_unlinked', { [key]: id })],
  };
}
