// SQL for tabletop exercises: scenarios, runs, inject deliveries (director side) and
// participations (participant side).
import type { Bilingual } from '../../error-types.js';
import type { Exercise, InjectDelivery, ParticipantExercise, Scenario } from '../../domain/exercise/index.js';
import { EXERCISE_DOCUMENT, PARTICIPATION_DOCUMENT, SCENARIO_DOCUMENT } from '../../domain/exercise/record-schema.js';
import type { Queryable } from '../db.js';
import { decodeDocuments, documentKind } from './document-codec.js';
import { insertDocument, loadDocument, updateDocument } from './document-store.js';

export const SCENARIOS = documentKind('exercise_scenarios', SCENARIO_DOCUMENT);
export const EXERCISES = documentKind('exercises', EXERCISE_DOCUMENT);
export const PARTICIPATIONS = documentKind('exercise_participations', PARTICIPATION_DOCUMENT);

export async function insertScenario(tx: Queryable, s: Scenario): Promise<void> {
  await insertDocument(tx, SCENARIOS, s.id, s.version, { updated_at: s.updatedAt }, s);
}

export async function updateScenario(tx: Queryable, s: Scenario, expectedVersion: number): Promise<void> {
  await updateDocument(tx, SCENARIOS, s.id, expectedVersion, s.version, { updated_at: s.updatedAt }, s);
}

export function findScenario(db: Queryable, id: string, forUpdate = false): Promise<Scenario | null> {
  return loadDocument(db, SCENARIOS, id, forUpdate);
}

export async function listScenarios(db: Queryable, limit: number): Promise<Scenario[]> {
  const rows = await db.query<{ doc: unknown }>(
    'SELECT doc FROM exercise_scenarios ORDER BY updated_at DESC, id LIMIT $1',
    [limit],
  );
  return decodeDocuments(SCENARIOS, rows);
}

function exerciseColumns(e: Exercise) {
  return {
    scenario_id: e.scenarioId,
    state: e.state,
    time_scale: e.timeScale,
    participants: e.participants,
    created_at: e.createdAt,
    started_at: e.startedAt,
    ended_at: e.endedAt,
  };
}

export async function insertExercise(tx: Queryable, e: Exercise): Promise<void> {
  await insertDocument(tx, EXERCISES, e.id, e.version, exerciseColumns(e), e);
}

export async function updateExercise(tx: Queryable, e: Exercise, expectedVersion: number): Promise<void> {
  await updateDocument(tx, EXERCISES, e.id, expectedVersion, e.version, exerciseColumns(e), e);
}

export function findExercise(db: Queryable, id: string, forUpdate = false): Promise<Exercise | null> {
  return loadDocument(db, EXERCISES, id, forUpdate);
}

export type ExerciseFilter = { startedFrom?: string; startedTo?: string; state?: Exercise['state']; limit: number };

export async function listExercises(db: Queryable, f: ExerciseFilter): Promise<Exercise[]> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.state) where.push(`state = ${p(f.state)}`);
  if (f.startedFrom) where.push(`started_at >= ${p(f.startedFrom)}`);
  if (f.startedTo) where.push(`started_at < ${p(f.startedTo)}`);
  const rows = await db.query<{ doc: unknown }>(
    `SELECT doc FROM exercises ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY started_at DESC NULLS FIRST, created_at DESC, id LIMIT ${p(f.limit)}`,
    params,
  );
  return decodeDocuments(EXERCISES, rows);
}

type DeliveryRow = {
  id: string;
  exercise_id: string;
  inject_id: string;
  party: string;
  kind: InjectDelivery['kind'];
  planned_at: string | Date;
  fired_at: string | Date | null;
  call_id: string | null;
  request_id: string | null;
  error: Bilingual | null;
};

const isoOrNull = (v: string | Date | null): string | null => (v == null ? null : new Date(v).toISOString());

function toDelivery(r: DeliveryRow): InjectDelivery {
  return {
    id: r.id,
    exerciseId: r.exercise_id,
    injectId: r.inject_id,
    party: r.party,
    kind: r.kind,
    plannedAt: new Date(r.planned_at).toISOString(),
    firedAt: isoOrNull(r.fired_at),
    callId: r.call_id,
    requestId: r.request_id,
    error: r.error,
  };
}

export async function insertDeliveries(tx: Queryable, rows: readonly InjectDelivery[]): Promise<void> {
  for (const d of rows) {
    await tx.query(
      `INSERT INTO exercise_deliveries (id, exercise_id, inject_id, party, kind, planned_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (exercise_id, inject_id, party) DO NOTHING`,
      [d.id, d.exerciseId, d.injectId, d.party, d.kind, d.plannedAt],
    );
  }
}

export async function listDeliveries(db: Queryable, exerciseIds: readonly string[]): Promise<InjectDelivery[]> {
  if (exerciseIds.length === 0) return [];
  const rows = await db.query<DeliveryRow>(
    'SELECT * FROM exercise_deliveries WHERE exercise_id = ANY($1::text[]) ORDER BY planned_at, id',
    [exerciseIds],
  );
  return rows.map(toDelivery);
}

/** Due, unfired deliveries of running exercises, oldest first. */
export async function dueDeliveryIds(db: Queryable, now: string, limit: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT d.id FROM exercise_deliveries d JOIN exercises e ON e.id = d.exercise_id
     WHERE d.fired_at IS NULL AND d.planned_at <= $1 AND e.state = 'running'
     ORDER BY d.planned_at, d.id LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => r.id);
}

/** Locks one unfired delivery; null when another process fired it first (or is firing it now). */
export async function claimDelivery(tx: Queryable, id: string): Promise<InjectDelivery | null> {
  const rows = await tx.query<DeliveryRow>(
    'SELECT * FROM exercise_deliveries WHERE id = $1 AND fired_at IS NULL FOR UPDATE SKIP LOCKED',
    [id],
  );
  return rows[0] ? toDelivery(rows[0]) : null;
}

export async function markDeliveryFired(
  tx: Queryable,
  id: string,
  r: { firedAt: string; callId?: string | null; requestId?: string | null; error?: Bilingual | null },
): Promise<void> {
  await tx.query(
    'UPDATE exercise_deliveries SET fired_at = $2, call_id = $3, request_id = $4, error = $5::jsonb WHERE id = $1',
    [id, r.firedAt, r.callId ?? null, r.requestId ?? null, r.error ? JSON.stringify(r.error) : null],
  );
}

export async function insertParticipation(tx: Queryable, p: ParticipantExercise): Promise<void> {
  await insertDocument(
    tx,
    PARTICIPATIONS,
    p.id,
    p.version,
    { director_party: p.directorParty, state: p.state, updated_at: p.updatedAt },
    p,
  );
}

export async function updateParticipation(
  tx: Queryable,
  p: ParticipantExercise,
  expectedVersion: number,
): Promise<void> {
  await updateDocument(
    tx,
    PARTICIPATIONS,
    p.id,
    expectedVersion,
    p.version,
    { director_party: p.directorParty, state: p.state, updated_at: p.updatedAt },
    p,
  );
}

export function findParticipation(db: Queryable, id: string, forUpdate = false): Promise<ParticipantExercise | null> {
  return loadDocument(db, PARTICIPATIONS, id, forUpdate);
}

export async function listParticipations(db: Queryable, limit: number): Promise<ParticipantExercise[]> {
  const rows = await db.query<{ doc: unknown }>(
    'SELECT doc FROM exercise_participations ORDER BY updated_at DESC, id LIMIT $1',
    [limit],
  );
  return decodeDocuments(PARTICIPATIONS, rows);
}
