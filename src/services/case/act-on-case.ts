// Use cases: edit a case's details, and take an action on it (status, members, parties, links).
import {
  CASE_ACTION_SPECS,
  applyCaseAction,
  requireCaseAccess,
  type CaseAction,
  type CaseActionParams,
  type CaseRole,
  type CaseUpdate,
  type TCaseStatusAction,
} from '../../domain/case/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { validationError } from '../../errors.js';
import type { Queryable } from '../../storage/db.js';
import type { ServiceContext } from '../context.js';
import { recordSelfGrant } from '../notification/self-grant-notice.js';
import { loadCase, saveCaseChange, viewCase, type CaseView } from './case-support.js';
import { linkIssues, memberRoles, requireFreeReference } from './case-references.js';

export type CaseCommand =
  | TCaseStatusAction
  | { action: 'add_member' | 'set_member_role'; userId: string; caseRole: CaseRole }
  | { action: 'remove_member'; userId: string }
  | { action: 'link_request' | 'unlink_request'; requestId: string }
  | { action: 'link_call' | 'unlink_call'; callId: string }
  | { action: 'add_party' | 'remove_party'; partyId: string };

export async function updateCaseDetails(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  changes: CaseUpdate,
): Promise<CaseView> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await loadCase(tx, actor, id, true);
    const { record, events } = applyCaseAction(before, 'update', actor, now, changes);
    if (record.reference !== before.reference) await requireFreeReference(tx, record.reference, id);
    await saveCaseChange(tx, actor, before, record, events, now);
    return viewCase(record, actor);
  });
}

export async function actOnCase(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  command: CaseCommand,
): Promise<CaseView> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await loadCase(tx, actor, id, true);
    // Who may act is checked before looking anything up, so refusals do not reveal which users exist.
    requireCaseAccess(actor, CASE_ACTION_SPECS[command.action].policy, before);
    const params = await paramsFor(tx, command);
    const { record, events } = applyCaseAction<CaseAction>(
      before,
      command.action,
      actor,
      now,
      params as CaseActionParams[CaseAction],
    );
    await saveCaseChange(tx, actor, before, record, events, now);
    // Giving oneself a case role (an admin adding themselves to read the content) is never silent.
    for (const e of events) {
      const grantedRole =
        e.type === 'case.member_added'
          ? e.data.caseRole
          : e.type === 'case.member_role_changed'
            ? e.data.to
            : undefined;
      if (grantedRole !== undefined && e.data.userId === actor.userId) {
        await recordSelfGrant(
          tx,
          actor,
          { grant: 'case_role', caseId: record.id, reference: record.reference, caseRole: grantedRole as CaseRole },
          now,
        );
      }
    }
    return viewCase(record, actor);
  });
}

/** The domain's parameters for the command: member roles come from the user record, links must exist. */
async function paramsFor(tx: Queryable, command: CaseCommand): Promise<unknown> {
  const { action: _action, ...rest } = command;
  switch (command.action) {
    case 'add_member':
    case 'set_member_role':
      return { ...rest, userRoles: await memberRoles(tx, command.userId, 'userId') };
    case 'link_request':
      await requireLinked(tx, { requestIds: [command.requestId] }, 'requestId');
      return rest;
    case 'link_call':
      await requireLinked(tx, { callIds: [command.callId] }, 'callId');
      return rest;
    default:
      return rest;
  }
}

async function requireLinked(tx: Queryable, links: Parameters<typeof linkIssues>[1], path: string): Promise<void> {
  const issues = await linkIssues(tx, links);
  // Issue paths name the body field, not the list used at creation.
  if (issues.length)
    throw validationError(
      issues.map((i) => ({ ...i, path })),
      'CASE_INVALID',
    );
}
