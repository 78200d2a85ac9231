// SQL for notifications and for the once-only record of fired clock events.
import type { Bilingual } from '../../error-types.js';
import type { Role } from '../../domain/shared/roles.js';
import type { Queryable } from '../db.js';

export type NotificationRow = {
  id: string;
  recipientRole: Role | null;
  recipientUserId: string | null;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: Bilingual;
  body: Bilingual;
  severity: 'info' | 'warning' | 'critical';
  createdAt: string;
  readAt?: string | null;
};

/** A notification as read for one user: whether they have read it is always known. */
export type ReadNotificationRow = NotificationRow & { readAt: string | null };

export async function insertNotification(tx: Queryable, n: NotificationRow): Promise<void> {
  await tx.query(
    `INSERT INTO notifications (id, recipient_role, recipient_user_id, kind, subject_type, subject_id, title, body, severity, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7::jsonb,$8::jsonb,$9,$10)`,
    [
      n.id,
      n.recipientRole,
      n.recipientUserId,
      n.kind,
      n.subjectType,
      n.subjectId,
      JSON.stringify(n.title),
      JSON.stringify(n.body),
      n.severity,
      n.createdAt,
    ],
  );
}

/** Notifications addressed to this user or to one of their roles, newest first. */
export async function listNotificationsFor(
  db: Queryable,
  userId: string,
  roles: readonly Role[],
  limit: number,
  unreadOnly: boolean,
): Promise<ReadNotificationRow[]> {
  const rows = await db.query(
    `SELECT n.*, r.read_at FROM notifications n
       LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = $1
     WHERE (n.recipient_user_id = $1 OR n.recipient_role = ANY($2::text[]))
       ${unreadOnly ? 'AND r.read_at IS NULL' : ''}
     ORDER BY n.created_at DESC, n.id DESC LIMIT $3`,
    [userId, roles, limit],
  );
  return rows.map((r) => ({
    id: r.id as string,
    recipientRole: (r.recipient_role as Role | null) ?? null,
    recipientUserId: (r.recipient_user_id as string | null) ?? null,
    kind: r.kind as string,
    subjectType: r.subject_type as string,
    subjectId: r.subject_id as string,
    title: r.title as Bilingual,
    body: r.body as Bilingual,
    severity: r.severity as NotificationRow['severity'],
    createdAt: new Date(r.created_at as string).toISOString(),
    readAt: r.read_at ? new Date(r.read_at as string).toISOString() : null,
  }));
}

export async function findNotification(
  db: Queryable,
  id: string,
): Promise<{
  recipientRole: Role | null;
  recipientUserId: string | null;
  subjectType: string;
  subjectId: string;
} | null> {
  const rows = await db.query(
    'SELECT recipient_role, recipient_user_id, subject_type, subject_id FROM notifications WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r
    ? {
        recipientRole: (r.recipient_role as Role | null) ?? null,
        recipientUserId: (r.recipient_user_id as string | null) ?? null,
        subjectType: r.subject_type as string,
        subjectId: r.subject_id as string,
      }
    : null;
}

export async function markNotificationRead(tx: Queryable, id: string, userId: string, at: string): Promise<void> {
  await tx.query(
    `INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING`,
    [id, userId, at],
  );
}

/** Clock events already fired for a subject (so each fires exactly once, across restarts). */
export async function firedClockEvents(db: Queryable, subjectType: string, subjectId: string): Promise<string[]> {
  const rows = await db.query<{ event: string }>(
    'SELECT event FROM clock_events WHERE subject_type = $1 AND subject_id = $2',
    [subjectType, subjectId],
  );
  return rows.map((r) => r.event);
}

/** Records a fired event; false when another worker already fired it (unique key). */
export async function recordClockEvent(
  tx: Queryable,
  subjectType: string,
  subjectId: string,
  event: string,
  at: string,
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO clock_events (subject_type, subject_id, event, fired_at) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING RETURNING event`,
    [subjectType, subjectId, event, at],
  );
  return rows.length === 1;
}
