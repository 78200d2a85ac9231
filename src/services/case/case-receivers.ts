// Who on this node receives what peers send, and how a received case is named and found.
//
// Rule (documented in docs/federation.md): a case created from a peer's share or for evidence
// answering a request gets this node's points of contact as members — the first (oldest account)
// as lead, because the domain requires every case to have a lead, the others as members. With no
// point of contact, the supervisors take that place; with neither, the message is refused
// (CASE_SHARE_NO_RECEIVER) so the sender sees it rather than the case existing unseen.
import { AppError } from '../../errors.js';
import { CASE_LIMITS, type CaseRecord, type LocalMember } from '../../domain/case/index.js';
import type { Bilingual } from '../../error-types.js';
import type { Queryable } from '../../storage/db.js';
import { findCase } from '../../storage/repositories/case.repository.js';
import { activeUsersWithRole, findSharedCopy } from '../../storage/repositories/case-share.repository.js';
import { caseIdByReference } from '../../storage/repositories/case.repository.js';
import { nextReference } from '../../storage/repositories/counter.repository.js';
import type { ServiceContext } from '../context.js';
import { notify } from '../notification/notify.js';
import type { CaseOrigin } from './case-share-messages.js';

export async function receivingMembers(tx: Queryable): Promise<LocalMember[]> {
  let users = await activeUsersWithRole(tx, 'point_of_contact');
  if (users.length === 0) users = await activeUsersWithRole(tx, 'supervisor');
  if (users.length === 0) throw new AppError('CASE_SHARE_NO_RECEIVER');
  return users.map((u, i) => ({ userId: u.id, caseRole: i === 0 ? 'lead' : 'member', userRoles: [...u.roles] }));
}

const PRINTABLE = /^[^\u0000-\u001f\u007f]+$/;

/** The reference, trimmed to the limit, if it is valid and free (or already this case's). */
export async function referenceIfFree(tx: Queryable, raw: string, caseId: string): Promise<string | null> {
  const ref = raw.trim().slice(0, CASE_LIMITS.referenceChars).trim();
  if (!ref || !PRINTABLE.test(ref)) return null;
  const holder = await caseIdByReference(tx, ref);
  return !holder || holder === caseId ? ref : null;
}

/** The first wanted reference that is valid and free, else a new local one. */
export async function usableReference(
  ctx: ServiceContext,
  tx: Queryable,
  wanted: readonly string[],
  caseId: string,
  now: Date,
): Promise<string> {
  for (const raw of wanted) {
    const ref = await referenceIfFree(tx, raw, caseId);
    if (ref) return ref;
  }
  return nextReference(tx, ctx.config.nodeId, 'CASE', now);
}

/**
 * The local case a peer's share (or an item of it) belongs to: our own case when the sender's copy
 * derives from it and we shared it with that sender (information returning home), else the copy
 * made from the sender's case.
 */
export async function findSharedCase(
  tx: Queryable,
  local: string,
  sender: string,
  ref: { caseId: string; origin: CaseOrigin | null },
): Promise<{ kase: CaseRecord; home: boolean } | null> {
  if (ref.origin?.party === local) {
    const own = await findCase(tx, ref.origin.caseId, true);
    if (own && own.participatingParties.includes(sender)) return { kase: own, home: true };
  }
  const copy = await findSharedCopy(tx, sender, ref.caseId);
  return copy ? { kase: copy, home: false } : null;
}

/**
 * Tells the case's members (the receivers made members above), one by one: the notice names the case
 * and its title, so it goes to those who may see the case, not to a role whose later holders may not.
 */
export async function notifyReceivers(
  tx: Queryable,
  kase: CaseRecord,
  kind: string,
  title: Bilingual,
  now: Date,
): Promise<void> {
  const caseTitle = { en: kase.title.en || kase.title.zh, zh: kase.title.zh || kase.title.en };
  for (const member of kase.members) {
    await notify(
      tx,
      {
        to: { userId: member.userId },
        kind,
        subjectType: 'case',
        subjectId: kase.id,
        title,
        body: { en: `${kase.reference} — ${caseTitle.en}`, zh: `${kase.reference} — ${caseTitle.zh}` },
        severity: 'info',
      },
      now,
    );
  }
}
