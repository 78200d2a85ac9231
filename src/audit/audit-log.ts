// The tamper-evident audit log (docs/spec.md §9.2): every state change appends one hash-chained entry
// inside the same transaction as the change itself.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/shared/canonical-json.js';
import type { Actor } from '../domain/shared/actor.js';
import { actorLabel } from '../domain/shared/actor.js';
import { storeOf, type Queryable } from '../storage/db.js';
import { withRider } from '../storage/repositories/gated-write.js';
import { recordEventsRider, type RecordEventRow } from '../storage/repositories/record-event.repository.js';

export type AuditInput = {
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
};

export type AuditEntry = {
  seq: number;
  at: string;
  actorKind: string;
  actorId: string;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
};

export const GENESIS_HASH = 'genesis';

/** The hash of an entry covers every field but the hash itself, including seq and prevHash. */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}

function actorId(actor: Actor): string {
  return actor.kind === 'user' ? actor.userId : actor.partyId;
}

/** Appends one entry; call inside the transaction that makes the change. */
export async function appendAudit(tx: Queryable, input: AuditInput, now: Date): Promise<AuditEntry> {
  const [entry] = await appendAuditMany(tx, [input], now);
  return entry!;
}

type Head = { seq: number; hash: string };

/**
 * The head this process expects per database: the last entry it appended (committed or not yet).
 * Appending against the expected head takes the head's row lock in the statement that writes the
 * entries, just before COMMIT, instead of a separate SELECT … FOR UPDATE earlier: one round trip
 * less, and every writer of the node waits on that lock for a shorter time. A wrong guess (another
 * process wrote, or a transaction rolled back) writes nothing and falls back to reading the head.
 */
const expectedHeads = new WeakMap<object, Head>();

/** A record's history row (record_events) written with the audit entry of the same index; it takes that entry's seq. */
export type EntryHistory = Omit<RecordEventRow, 'auditSeq'>;

/**
 * The append in flight per transaction. Statements of one transaction may be sent together
 * (sendTogether in storage/db.ts), so a second append — a correlation alert's, started while the
 * change's own is on its way — could read the same head; it starts only when the first has ended.
 */
const appending = new WeakMap<Queryable, Promise<unknown>>();

/**
 * Appends entries in order with one head lock and one statement: the same chain as calling
 * appendAudit for each, at a fraction of the round trips (the federation inbox audits every message).
 * `history`, when given, holds one history row per entry, written by the same statement.
 */
export function appendAuditMany(
  tx: Queryable,
  inputs: readonly AuditInput[],
  now: Date,
  history: readonly EntryHistory[] = [],
): Promise<AuditEntry[]> {
  if (inputs.length === 0) return Promise.resolve([]);
  if (history.length > 0 && history.length !== inputs.length)
    return Promise.reject(new Error('one history row per audit entry'));
  const previous = appending.get(tx);
  // The first append of a transaction sends its statement at once (it may travel with others).
  const run = previous ? previous.then(() => appendNow(tx, inputs, now, history)) : appendNow(tx, inputs, now, history);
  const tail: Promise<unknown> = run.catch(() => undefined);
  appending.set(tx, tail);
  void tail.then(() => {
    if (appending.get(tx) === tail) appending.delete(tx);
  });
  return run;
}

async function appendNow(
  tx: Queryable,
  inputs: readonly AuditInput[],
  now: Date,
  history: readonly EntryHistory[],
): Promise<AuditEntry[]> {
  const store = storeOf(tx);
  const guess = expectedHeads.get(store);
  if (guess) {
    const entries = chainEntries(guess, inputs, now);
    if (await insertAtHead(tx, guess, entries, history)) {
      expectedHeads.set(store, entries.at(-1)!);
      return entries;
    }
  }
  const [head] = await tx.query<Head>('SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE');
  if (!head) throw new Error('audit_head row missing: run migrations');
  const entries = chainEntries(head, inputs, now);
  if (!(await insertAtHead(tx, head, entries, history))) throw new Error('audit head moved while locked');
  expectedHeads.set(store, entries.at(-1)!);
  return entries;
}

function chainEntries(head: Head, inputs: readonly AuditInput[], now: Date): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prev = head;
  for (const input of inputs) {
    const body: Omit<AuditEntry, 'hash'> = {
      seq: prev.seq + 1,
      at: now.toISOString(),
      actorKind: input.actor.kind,
      actorId: actorId(input.actor),
      actorLabel: actorLabel(input.actor),
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      data: JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>,
      prevHash: prev.hash,
    };
    const entry: AuditEntry = { ...body, hash: hashAuditEntry(body) };
    entries.push(entry);
    prev = entry;
  }
  return entries;
}

/**
 * Moves the head from `from` to the last entry and inserts the entries (and their history rows), or
 * does nothing when the head is not at `from`.
 */
async function insertAtHead(
  tx: Queryable,
  from: Head,
  entries: readonly AuditEntry[],
  history: readonly EntryHistory[],
): Promise<boolean> {
  const last = entries.at(-1)!;
  const col = <K extends keyof AuditEntry>(k: K) => entries.map((e) => e[k]);
  // The history rows are gated on `moved` like the entries: a wrong guess writes neither.
  const rider =
    history.length > 0 ? recordEventsRider(history.map((h, i) => ({ ...h, auditSeq: entries[i]!.seq }))) : undefined;
  // Under READ COMMITTED a head locked by another writer is re-checked once that writer ends, so
  // the condition holds exactly when the chain really continues from `from`.
  const { ctes, params } = withRider(
    'UPDATE audit_head SET seq = $12, hash = $13 WHERE id = 1 AND seq = $14 AND hash = $15 RETURNING id',
    'moved',
    [
      col('seq'),
      entries[0]!.at,
      col('actorKind'),
      col('actorId'),
      col('actorLabel'),
      col('action'),
      col('subjectType'),
      col('subjectId'),
      entries.map((e) => JSON.stringify(e.data)),
      col('prevHash'),
      col('hash'),
      last.seq,
      last.hash,
      from.seq,
      from.hash,
    ],
    rider,
  );
  const rows = await tx.query(
    `${ctes}
     INSERT INTO audit_log (seq, at, actor_kind, actor_id, actor_label, action, subject_type, subject_id, data, prev_hash, hash)
     SELECT s, $2::timestamptz, ak, ai, al, ac, st, si, d::jsonb, ph, h
     FROM unnest($1::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
       AS x(s, ak, ai, al, ac, st, si, d, ph, h), moved
     RETURNING seq`,
    params,
  );
  return rows.length === entries.length;
}

type AuditRow = {
  seq: number;
  at: Date;
  actor_kind: string;
  actor_id: string;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
};

export function rowToAuditEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export type AuditQuery = {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  /** A record's reference (CN-DEMO-REQ-2026-0005) as the entries about it carry it. */
  reference?: string;
  q?: string;
  from?: string;
  to?: string;
  limit: number;
  beforeSeq?: number;
};

/** Newest first, filtered; `q` searches action, subject and actor label. */
export async function listAudit(db: Queryable, f: AuditQuery): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.action) add('action = ?', f.action);
  if (f.subjectType) add('subject_type = ?', f.subjectType);
  if (f.subjectId) add('subject_id = ?', f.subjectId);
  if (f.reference) add("data->>'reference' = ?", f.reference);
  if (f.actorId) add('actor_id = ?', f.actorId);
  if (f.from) add('at >= ?', f.from);
  if (f.to) add('at <= ?', f.to);
  if (f.beforeSeq) add('seq < ?', f.beforeSeq);
  if (f.q)
    add(
      "(action || ' ' || subject_type || ' ' || subject_id || ' ' || actor_label || ' ' || coalesce(data->>'reference', '')) ILIKE ?",
      `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  params.push(f.limit);
  const rows = await db.query<AuditRow>(
    `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(rowToAuditEntry);
}
