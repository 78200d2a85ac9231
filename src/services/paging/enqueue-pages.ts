// Writes the pages a notification causes, in the notification's own transaction (the page outbox):
// the domain rules decide whether it pages and how urgently, the roster or the role decides whom,
// each recipient's settings decide the channels and whether quiet hours hold it back (then it waits
// in the outbox until they end, and is sent once then; emergencies are never held).
import type { CallUrgency, EscalationLevel } from '../../domain/call/index.js';
import {
  callPageRecipients,
  pageDecision,
  pagesNow,
  quietHoursEnd,
  type PageDecision,
} from '../../domain/paging/index.js';
import type { Role } from '../../domain/shared/roles.js';
import { newId } from '../../shared/ids.js';
import { afterCommit, type Queryable } from '../../storage/db.js';
import { findCall } from '../../storage/repositories/call.repository.js';
import { firedClockEvents } from '../../storage/repositories/notification.repository.js';
import {
  activeUserIdsWithRole,
  findPageTargets,
  insertPages,
  type PageInsert,
} from '../../storage/repositories/paging.repository.js';
import { activeUsersOnRecord } from '../../storage/repositories/request-links.repository.js';
import { listShiftsBetween } from '../../storage/repositories/roster.repository.js';
import { signalPaging } from './paging-signal.js';

export type PagedNotification = {
  id: string;
  to: { role: Role } | { userId: string };
  kind: string;
  subjectType: string;
  subjectId: string;
  severity: 'info' | 'warning' | 'critical';
};

/** The rung a call's notice is about: 0 for a new call, else the highest rung fired so far. */
async function callLevel(tx: Queryable, n: PagedNotification, stored: EscalationLevel): Promise<EscalationLevel> {
  if (n.kind.endsWith('call.incoming')) return 0;
  const fired = (await firedClockEvents(tx, 'call', n.subjectId))
    .map((e) => /^escalation:(\d)$/.exec(e)?.[1])
    .filter((x): x is string => !!x)
    .map(Number);
  return Math.min(2, Math.max(stored, ...fired, 1)) as EscalationLevel;
}

async function recipients(tx: Queryable, n: PagedNotification, now: Date): Promise<string[]> {
  if ('userId' in n.to) return [n.to.userId];
  const role = n.to.role;
  if (n.subjectType === 'call' && n.kind.includes('call.')) {
    const call = await findCall(tx, n.subjectId);
    if (call) {
      const roster = await listShiftsBetween(tx, now.toISOString(), new Date(now.getTime() + 1).toISOString());
      const byRoster = callPageRecipients(roster, await callLevel(tx, n, call.escalationLevel), now);
      if (byRoster) return byRoster;
    }
  }
  if (n.subjectType === 'request') {
    // The record's own officers in that role first; the whole role when none of them is left.
    const onRecord = (await activeUsersOnRecord(tx, 'request', n.subjectId))
      .filter((u) => u.roles.includes(role))
      .map((u) => u.id);
    if (onRecord.length > 0) return onRecord;
  }
  return activeUserIdsWithRole(tx, role);
}

async function decide(tx: Queryable, n: PagedNotification): Promise<PageDecision> {
  let urgency: CallUrgency | undefined;
  if (n.subjectType === 'call') urgency = (await findCall(tx, n.subjectId))?.urgency;
  return pageDecision({ kind: n.kind, severity: n.severity, urgency, role: 'role' in n.to ? n.to.role : undefined });
}

/** Enqueues the pages of one notification; returns how many were written. */
export async function enqueuePages(tx: Queryable, n: PagedNotification, now: Date): Promise<number> {
  const decision = await decide(tx, n);
  if (!decision.page) return 0;
  const targets = await findPageTargets(tx, await recipients(tx, n, now));
  const rows: PageInsert[] = [];
  for (const t of targets) {
    const quiet = t.quietStart && t.quietEnd ? { start: t.quietStart, end: t.quietEnd } : null;
    const heldUntil = pagesNow(decision, quiet, t.timeZone, now) ? null : quietHoursEnd(quiet, t.timeZone, now);
    for (const channel of t.channels) {
      rows.push({
        id: newId(),
        notificationId: n.id,
        userId: t.userId,
        channel,
        emergency: decision.emergency,
        createdAt: now.toISOString(),
        heldUntil: heldUntil?.toISOString() ?? null,
      });
    }
  }
  const written = await insertPages(tx, rows);
  if (written > 0) afterCommit(tx, signalPaging);
  return written;
}
