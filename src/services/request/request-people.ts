// The people of this node a request concerns beyond the duty role: the users who created it or took
// a step on it (its audit entries name them), still enabled and still allowed to see it.
import { canRequest, type RequestRecord } from '../../domain/request/index.js';
import type { Role } from '../../domain/shared/roles.js';
import type { Queryable } from '../../storage/db.js';
import { activeUsersOnRecord } from '../../storage/repositories/request-links.repository.js';
import { REQUEST_SUBJECT } from './request-support.js';

export async function requestPeople(
  db: Queryable,
  ownParty: string,
  r: RequestRecord,
): Promise<{ id: string; roles: Role[] }[]> {
  const users = await activeUsersOnRecord(db, REQUEST_SUBJECT, r.id);
  return users.filter((u) =>
    canRequest({ kind: 'user', userId: u.id, name: '', roles: u.roles, partyId: ownParty }, 'view', r),
  );
}
