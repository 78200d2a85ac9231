// Presenters for exercises: whitelisted fields only, never a stored row.
import type { Exercise, Inject, ParticipantExercise, Scenario } from '../../../domain/exercise/index.js';
import type { ExerciseBoard } from '../../../services/exercise/exercise-board.js';
import type { ParticipationView } from '../../../services/exercise/get-participation.js';

function presentInject(i: Inject) {
  const base = { id: i.id, offsetMinutes: i.offsetMinutes, party: i.party, title: i.title };
  if (i.kind === 'call')
    return { ...base, kind: i.kind, urgency: i.urgency, topic: i.topic, text: i.text, callback: i.callback };
  if (i.kind === 'request') return { ...base, kind: i.kind, request: i.request };
  return { ...base, kind: i.kind, text: i.text };
}

export function presentScenario(s: Scenario) {
  return {
    id: s.id,
    title: s.title,
    briefing: s.briefing,
    participants: s.participants,
    injects: s.injects.map(presentInject),
    createdBy: s.createdBy,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    version: s.version,
  };
}

export function presentExercise(e: Exercise) {
  return {
    id: e.id,
    scenarioId: e.scenarioId,
    title: e.title,
    briefing: e.briefing,
    participants: e.participants,
    injects: e.injects.map(presentInject),
    state: e.state,
    timeScale: e.timeScale,
    director: e.director.name,
    createdAt: e.createdAt,
    startedAt: e.startedAt,
    endedAt: e.endedAt,
    version: e.version,
  };
}

export function presentParticipation(p: ParticipantExercise) {
  return {
    id: p.id,
    directorParty: p.directorParty,
    title: p.title,
    briefing: p.briefing,
    timeScale: p.timeScale,
    state: p.state,
    startedAt: p.startedAt,
    endedAt: p.endedAt,
    injects: p.injects,
    received: p.received,
    updatedAt: p.updatedAt,
  };
}

export function presentParticipationView(v: ParticipationView) {
  return {
    ...presentParticipation(v),
    records: v.records.map((r) => ({ kind: r.kind, id: r.id, reference: r.reference, status: r.status, at: r.at })),
  };
}

export function presentBoard(b: ExerciseBoard) {
  return {
    exercise: presentExercise(b.exercise),
    minute: b.minute,
    rows: b.rows.map((r) => ({
      injectId: r.injectId,
      party: r.party,
      kind: r.kind,
      title: r.title,
      offsetMinutes: r.offsetMinutes,
      plannedAt: r.plannedAt,
      firedAt: r.firedAt,
      error: r.error,
      callId: r.callId,
      requestId: r.requestId,
      reference: r.reference,
      status: r.status,
      deliveredAt: r.deliveredAt,
      dueAt: r.dueAt,
      met: r.score.met,
      steps: r.score.steps,
    })),
    parties: b.parties,
    timeline: b.timeline,
  };
}
