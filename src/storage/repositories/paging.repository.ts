// SQL for paging (issue 19): users' paging settings, the page outbox (insert once, claim with a lease
// that names a live process, record sent / retry / failed) and the admin's view of failures.
import type { Bilingual } from '../../error-types.js';
import type { PageChannel } from '../../domain/paging/rules.js';
import type { Role } from '../../domain/shared/roles.js';
import type { Queryable } from '../db.js';
import { LIVE_OWNERS_SQL } from '../process-liveness.js';

export type PagingSettingsRow = {
  userId: string;
  email: string | null;
  emailEnabled: boolean;
  webhookUrl: string | null;
  webhookSecretEnc: string | null;
  webhookEnabled: boolean;
  quietStart: string | null;
  quietEnd: string | null;
  updatedAt: string;
};

type SettingsDbRow = {
  user_id: string;
  email: string | null;
  email_enabled: boolean;
  webhook_url: string | null;
  webhook_secret_enc: string | null;
  webhook_enabled: boolean;
  quiet_start: string | null;
  quiet_end: string | null;
  updated_at: Date | string;
};
const settingsOf = (r: SettingsDbRow): PagingSettingsRow => ({
  userId: r.user_id,
  email: r.email,
  emailEnabled: r.email_enabled,
  webhookUrl: r.webhook_url,
  webhookSecretEnc: r.webhook_secret_enc,
  webhookEnabled: r.webhook_enabled,
  quietStart: r.quiet_start,
  quietEnd: r.quiet_end,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function findPagingSettings(
  db: Queryable,
  userId: string,
  forUpdate = false,
): Promise<PagingSettingsRow | null> {
  const rows = await db.query<SettingsDbRow>(
    `SELECT * FROM paging_settings WHERE user_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [userId],
  );
  return rows[0] ? settingsOf(rows[0]) : null;
}

export async function upsertPagingSettings(tx: Queryable, s: PagingSettingsRow): Promise<void> {
  await tx.query(
    `INSERT INTO paging_settings (user_id, email, email_enabled, webhook_url, webhook_secret_enc, webhook_enabled, quiet_start, quiet_end, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
     ON CONFLICT (user_id) DO UPDATE SET email = $2, email_enabled = $3, webhook_url = $4, webhook_secret_enc = $5, webhook_enabled = $6,
       quiet_start = $7, quiet_end = $8, updated_at = $9`,
    [
      s.userId,
      s.email,
      s.emailEnabled,
      s.webhookUrl,
      s.webhookSecretEnc,
      s.webhookEnabled,
      s.quietStart,
      s.quietEnd,
      s.updatedAt,
    ],
  );
}

/** What enqueueing needs of each candidate recipient: zone, quiet hours and which channels are on. */
export type PageTarget = {
  userId: string;
  timeZone: string;
  quietStart: string | null;
  quietEnd: string | null;
  channels: PageChannel[];
};

export async function findPageTargets(db: Queryable, userIds: readonly string[]): Promise<PageTarget[]> {
  if (userIds.length === 0) return [];
  const rows = await db.query<{
    id: string;
    time_zone: string;
    quiet_start: string | null;
    quiet_end: string | null;
    email_on: boolean;
    webhook_on: boolean;
  }>(
    `SELECT u.id, u.time_zone, s.quiet_start, s.quiet_end,
            (s.email_enabled AND s.email IS NOT NULL) AS email_on, (s.webhook_enabled AND s.webhook_url IS NOT NULL) AS webhook_on
       FROM users u JOIN paging_settings s ON s.user_id = u.id
      WHERE u.id = ANY($1::text[]) AND NOT u.disabled ORDER BY u.id`,
    [userIds],
  );
  return rows.map((r) => ({
    userId: r.id,
    timeZone: r.time_zone,
    quietStart: r.quiet_start,
    quietEnd: r.quiet_end,
    channels: [...(r.email_on ? ['email' as const] : []), ...(r.webhook_on ? ['webhook' as const] : [])],
  }));
}

/** Active users holding a role. */
export async function activeUserIdsWithRole(db: Queryable, role: Role): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    'SELECT id FROM users WHERE $1 = ANY(roles) AND NOT disabled ORDER BY id',
    [role],
  );
  return rows.map((r) => r.id);
}

export type PageInsert = {
  id: string;
  notificationId: string;
  userId: string;
  channel: PageChannel;
  emergency: boolean;
  createdAt: string;
  /** Held back by the recipient's quiet hours until then (null: due at once). */
  heldUntil: string | null;
};

/** Inserts pages; one (notification, user, channel) is paged once whatever else tries. Returns how many are new. */
export async function insertPages(tx: Queryable, rows: readonly PageInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.query(
    `INSERT INTO page_outbox (id, notification_id, user_id, channel, emergency, created_at, next_attempt_at, held_until)
     SELECT i, n, u, c, e, ca::timestamptz, coalesce(h::timestamptz, ca::timestamptz), h::timestamptz
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[]) AS x(i, n, u, c, e, ca, h)
     ON CONFLICT (notification_id, user_id, channel) DO NOTHING RETURNING id`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.notificationId),
      rows.map((r) => r.userId),
      rows.map((r) => r.channel),
      rows.map((r) => r.emergency),
      rows.map((r) => r.createdAt),
      rows.map((r) => r.heldUntil),
    ],
  );
  return inserted.length;
}

/**
 * Claims up to `limit` due pages (emergencies first). Several processes may page: SKIP LOCKED gives
 * each its own rows and the lease names the process, so the pages of a process that died are taken
 * over at the next poll instead of when the lease ends.
 */
export async function claimPages(
  db: Queryable,
  now: Date,
  lease: { until: Date; owner: number | null },
  limit: number,
): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `UPDATE page_outbox p SET lease_until = $2, lease_owner = $3
       FROM (SELECT id FROM page_outbox
              WHERE state = 'pending' AND next_attempt_at <= $1
                AND (lease_until IS NULL OR lease_until < $1 OR (lease_owner IS NOT NULL AND lease_owner NOT IN (${LIVE_OWNERS_SQL})))
              ORDER BY emergency DESC, next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) c
      WHERE p.id = c.id RETURNING p.id`,
    [now.toISOString(), lease.until.toISOString(), lease.owner, limit],
  );
  return rows.map((r) => r.id);
}

/** A claimed page with everything its sender needs. */
export type PageToSend = {
  id: string;
  notificationId: string;
  userId: string;
  channel: PageChannel;
  emergency: boolean;
  attempts: number;
  createdAt: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: Bilingual;
  body: Bilingual;
  severity: 'info' | 'warning' | 'critical';
  locale: string;
  timeZone: string;
  displayName: string;
  email: string | null;
  webhookUrl: string | null;
  webhookSecretEnc: string | null;
};

export async function loadPage(db: Queryable, id: string): Promise<PageToSend | null> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT p.id, p.notification_id, p.user_id, p.channel, p.emergency, p.attempts, p.created_at,
            n.kind, n.subject_type, n.subject_id, n.title, n.body, n.severity,
            u.locale, u.time_zone, u.display_name, s.email, s.webhook_url, s.webhook_secret_enc
       FROM page_outbox p JOIN notifications n ON n.id = p.notification_id JOIN users u ON u.id = p.user_id
       LEFT JOIN paging_settings s ON s.user_id = p.user_id
      WHERE p.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id as string,
    notificationId: r.notification_id as string,
    userId: r.user_id as string,
    channel: r.channel as PageChannel,
    emergency: r.emergency as boolean,
    attempts: r.attempts as number,
    createdAt: new Date(r.created_at as string).toISOString(),
    kind: r.kind as string,
    subjectType: r.subject_type as string,
    subjectId: r.subject_id as string,
    title: r.title as Bilingual,
    body: r.body as Bilingual,
    severity: r.severity as PageToSend['severity'],
    locale: r.locale as string,
    timeZone: r.time_zone as string,
    displayName: r.display_name as string,
    email: (r.email as string | null) ?? null,
    webhookUrl: (r.webhook_url as string | null) ?? null,
    webhookSecretEnc: (r.webhook_secret_enc as string | null) ?? null,
  };
}

/** Delivered. Only while this process still holds the page (a lease taken over means another sends it). */
export async function markPageSent(db: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE page_outbox SET state = 'sent', sent_at = $2, attempts = attempts + 1, lease_until = NULL, lease_owner = NULL, last_error = NULL
      WHERE id = $1 AND state = 'pending' RETURNING id`,
    [id, now.toISOString()],
  );
  return rows.length === 1;
}

export async function deferPage(db: Queryable, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await db.query(
    `UPDATE page_outbox SET next_attempt_at = $2, attempts = attempts + 1, lease_until = NULL, lease_owner = NULL, last_error = $3
      WHERE id = $1 AND state = 'pending'`,
    [id, nextAttemptAt.toISOString(), error.slice(0, 500)],
  );
}

/** Gives up on a page; true when this call did it (so the failure escalates once). */
export async function failPage(tx: Queryable, id: string, now: Date, error: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE page_outbox SET state = 'failed', failed_at = $2, attempts = attempts + 1, lease_until = NULL, lease_owner = NULL, last_error = $3
      WHERE id = $1 AND state = 'pending' RETURNING id`,
    [id, now.toISOString(), error.slice(0, 500)],
  );
  return rows.length === 1;
}

/** When the next pending page becomes due (null: none pending). */
export async function nextPageDueAt(db: Queryable): Promise<Date | null> {
  const [row] = await db.query<{ due: Date | null }>(
    `SELECT min(CASE WHEN lease_owner IS NULL OR lease_owner IN (${LIVE_OWNERS_SQL})
                     THEN greatest(next_attempt_at, coalesce(lease_until, next_attempt_at)) ELSE next_attempt_at END) AS due
       FROM page_outbox WHERE state = 'pending'`,
  );
  return row?.due ? new Date(row.due) : null;
}

export type PageListItem = {
  id: string;
  notificationId: string;
  userId: string;
  username: string;
  displayName: string;
  channel: PageChannel;
  emergency: boolean;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
  /** Held back by quiet hours until then. */
  heldUntil: string | null;
  nextAttemptAt: string;
  kind: string;
  subjectType: string;
  subjectId: string;
};

export async function listPages(
  db: Queryable,
  filter: { state?: PageListItem['state']; userId?: string; limit: number },
): Promise<PageListItem[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT p.*, u.username, u.display_name, n.kind, n.subject_type, n.subject_id
       FROM page_outbox p JOIN users u ON u.id = p.user_id JOIN notifications n ON n.id = p.notification_id
      WHERE ($1::text IS NULL OR p.state = $1) AND ($2::text IS NULL OR p.user_id = $2)
      ORDER BY p.created_at DESC, p.id DESC LIMIT $3`,
    [filter.state ?? null, filter.userId ?? null, filter.limit],
  );
  const at = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return rows.map((r) => ({
    id: r.id as string,
    notificationId: r.notification_id as string,
    userId: r.user_id as string,
    username: r.username as string,
    displayName: r.display_name as string,
    channel: r.channel as PageChannel,
    emergency: r.emergency as boolean,
    state: r.state as PageListItem['state'],
    attempts: r.attempts as number,
    lastError: (r.last_error as string | null) ?? null,
    createdAt: at(r.created_at)!,
    sentAt: at(r.sent_at),
    failedAt: at(r.failed_at),
    heldUntil: at(r.held_until),
    nextAttemptAt: at(r.next_attempt_at)!,
    kind: r.kind as string,
    subjectType: r.subject_type as string,
    subjectId: r.subject_id as string,
  }));
}

/** Pages per state (for /metrics and the admin view). */
export async function pageCounts(db: Queryable): Promise<Record<'pending' | 'sent' | 'failed', number>> {
  const rows = await db.query<{ state: string; n: string }>(
    'SELECT state, count(*)::text AS n FROM page_outbox GROUP BY state',
  );
  const out = { pending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.state as keyof typeof out] = Number(r.n);
  return out;
}

/** Marks the acknowledgement link of a page used; false when it already was (or there is no such page). */
export async function useAckLink(
  tx: Queryable,
  id: string,
  now: Date,
): Promise<{ subjectType: string; subjectId: string; userId: string } | null> {
  const rows = await tx.query<{ subject_type: string; subject_id: string; user_id: string }>(
    `UPDATE page_outbox p SET ack_used_at = $2 FROM notifications n
      WHERE p.id = $1 AND n.id = p.notification_id AND p.ack_used_at IS NULL
      RETURNING n.subject_type, n.subject_id, p.user_id`,
    [id, now.toISOString()],
  );
  const r = rows[0];
  return r ? { subjectType: r.subject_type, subjectId: r.subject_id, userId: r.user_id } : null;
}
