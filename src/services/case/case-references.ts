// Checks of what a case points at, before the domain records it: users added as members (their
// node roles decide the case roles they may hold), linked requests and calls, and the reference.
import { validationError, type ValidationIssue } from '../../errors.js';
import { issue } from '../../domain/shared/bilingual.js';
import type { Role } from '../../domain/shared/roles.js';
import type { Queryable } from '../../storage/db.js';
import { callIdExists } from '../../storage/repositories/call.repository.js';
import { caseIdByReference } from '../../storage/repositories/case.repository.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import { findUserById } from '../../storage/repositories/user.repository.js';

/** The node roles of a user about to become a member (taken from the user record, never the client). */
export async function memberRoles(db: Queryable, userId: string, path: string): Promise<Role[]> {
  const user = await findUserById(db, userId);
  if (!user) {
    throw validationError(
      [issue(path, 'CASE_MEMBER_UNKNOWN_USER', 'There is no user with this id on this node.', '本节点没有该用户。')],
      'CASE_INVALID',
    );
  }
  return [...user.roles];
}

export async function linkIssues(
  db: Queryable,
  links: { requestIds?: readonly string[]; callIds?: readonly string[] },
  prefix = '',
): Promise<ValidationIssue[]> {
  const out: ValidationIssue[] = [];
  for (const [i, id] of (links.requestIds ?? []).entries()) {
    if (!(await findRequest(db, id))) {
      out.push(
        issue(
          `${prefix}linkedRequestIds.${i}`,
          'CASE_LINK_UNKNOWN',
          'No request with this id exists on this node.',
          '本节点不存在该协助请求。',
        ),
      );
    }
  }
  for (const [i, id] of (links.callIds ?? []).entries()) {
    if (!(await callIdExists(db, id))) {
      out.push(
        issue(
          `${prefix}linkedCallIds.${i}`,
          'CASE_LINK_UNKNOWN',
          'No hotline call with this id exists on this node.',
          '本节点不存在该热线呼叫。',
        ),
      );
    }
  }
  return out;
}

/** References are unique on the node: a second case with the same file number would confuse everyone. */
export async function requireFreeReference(
  db: Queryable,
  reference: string | undefined,
  caseId: string,
): Promise<void> {
  const ref = reference?.trim();
  if (!ref) return;
  const holder = await caseIdByReference(db, ref);
  if (holder && holder !== caseId) {
    throw validationError(
      [
        issue(
          'reference',
          'CASE_REFERENCE_TAKEN',
          'Another case already uses this reference.',
          '该案件编号已被其他案件使用。',
        ),
      ],
      'CASE_INVALID',
    );
  }
}
