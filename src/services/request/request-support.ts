// Shared steps of the request use cases: load with a lock, derive deadline columns, save with
// history and audit, and act on behalf of a counterpart that is not on the federation.
import { AppError } from '../../errors.js';
import {
  evaluateClocks,
  type ClockPolicyInput,
  type RequestEvent,
  type RequestRecord,
} from '../../domain/request/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { sendTogether, type Queryable } from '../../storage/db.js';
import { findPeer } from '../../storage/repositories/peer.repository.js';
import {
  findRequest,
  insertRequest,
  updateRequest,
  type RequestTimes,
} from '../../storage/repositories/request.repository.js';
import type { ServiceContext } from '../context.js';
import { recordRequestObservables } from '../intel/record-request-observables.js';
import { recordChange } from '../shared/record-change.js';
import { searchDocumentRider } from '../search/index-search-document.js';
import { requestDocument } from '../search/search-documents.js';
import type { Actor } from '../../domain/shared/actor.js';

export const REQUEST_SUBJECT = 'request';

export function requestClockPolicy(ctx: ServiceContext): ClockPolicyInput {
  return { renewalReminderDays: ctx.config.preservationReminderDays };
}

export function requestTimes(ctx: ServiceContext, r: RequestRecord, now: Date): RequestTimes {
  const status = evaluateClocks(r, now, { clockPolicy: requestClockPolicy(ctx) });
  return { nextDeadlineAt: status.nextDeadlineAt, nextCheckAt: status.nextEventAt };
}

export async function loadRequestForUpdate(tx: Queryable, id: string): Promise<RequestRecord> {
  const record = await findRequest(tx, id, true);
  if (!record) throw new AppError('REQUEST_NOT_FOUND', { details: { id } });
  return record;
}

/** Persists the new record (insert when `before` is null) and its search row, plus one audit entry and history row per event. */
export async function saveRequestChange(
  tx: Queryable,
  ctx: ServiceContext,
  actor: Actor,
  before: RequestRecord | null,
  after: RequestRecord,
  events: readonly RequestEvent[],
  now: Date,
): Promise<void> {
  const times = requestTimes(ctx, after, now);
  // The search row travels with the record's write, the history rows with the audit entries: three
  // statements (record, observables, audit) whatever the number of events, sent together in one
  // round trip — none needs another's answer (a correlation alert's statements follow the
  // observables' answer; the audit log chains appends of one transaction one after the other).
  const search = searchDocumentRider(requestDocument(after));
  const change = {
    actor,
    subjectType: REQUEST_SUBJECT,
    subjectId: after.id,
    events: events.map((e) => ({
      type: e.type.replace(/^request\./, ''),
      at: e.at,
      data: e.data,
      actorLabel: e.actor,
    })),
    auditData: { reference: after.reference, status: after.status },
  };
  await sendTogether(tx, () => [
    before ? updateRequest(tx, after, before.version, times, search) : insertRequest(tx, after, times, search),
    recordRequestObservables(tx, ctx, after, now),
    recordChange(tx, change, now),
  ]);
}

/**
 * While a counterpart agency is not on the federation (it answers by e-mail, fax or phone), a local
 * point of contact or supervisor records its steps. The domain then checks the counterpart's side
 * with the recording officer's roles; the audit log keeps the real user.
 */
export async function counterpartProxy(db: Queryable, user: UserActor, counterparty: string): Promise<UserActor> {
  if (!user.roles.some((r) => r === 'point_of_contact' || r === 'supervisor')) {
    throw new AppError('REQUEST_FORBIDDEN', {
      details: { reason: "only a point of contact or supervisor records a counterpart's steps" },
    });
  }
  if (counterparty === user.partyId) throw new AppError('REQUEST_WRONG_PARTY', { details: { counterparty } });
  if (await findPeer(db, counterparty)) {
    throw new AppError('REQUEST_COUNTERPART_ON_FEDERATION', { details: { counterparty } });
  }
  return { ...user, name: `${user.name} (for ${counterparty})`, partyId: counterparty };
}

export function ownPartyError(): AppError {
  return new AppError('VALIDATION_FAILED', {
    issues: [
      {
        path: 'requestedParty',
        code: 'own_party',
        message: {
          en: 'A request goes to another party, not to your own agency.',
          zh: '请求应发往其他方，而非本机构。',
        },
      },
    ],
  });
}

export function counterpartOf(r: RequestRecord, ownParty: string): string {
  return r.requestingParty === ownParty ? r.requestedParty : r.requestingParty;
}
