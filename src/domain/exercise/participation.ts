// What a participant's node knows of an exercise another node directs: the briefing, the injects
// announced for this party, information injects received, and whether it is still running.
import type { Bilingual } from '../../error-types.js';
import type { InjectKind } from './types.js';

export type AnnouncedInject = { id: string; offsetMinutes: number; kind: InjectKind; title: Bilingual };
export type ReceivedInfo = { injectId: string; title: Bilingual; text: Bilingual; at: string };

export type ParticipantExercise = {
  id: string;
  directorParty: string;
  title: Bilingual;
  briefing: Bilingual;
  timeScale: number;
  state: 'running' | 'ended';
  startedAt: string;
  endedAt: string | null;
  injects: AnnouncedInject[];
  received: ReceivedInfo[];
  updatedAt: string;
  version: number;
};

/** Wire bodies on the 'exercise' channel. */
export type ExerciseStartedBody = {
  exerciseId: string;
  title: Bilingual;
  briefing: Bilingual;
  timeScale: number;
  startedAt: string;
  injects: AnnouncedInject[];
};
export type ExerciseInjectBody = {
  exerciseId: string;
  injectId: string;
  title: Bilingual;
  text: Bilingual;
  at: string;
};
export type ExerciseEndedBody = { exerciseId: string; endedAt: string };

export function joinExercise(body: ExerciseStartedBody, directorParty: string, now: Date): ParticipantExercise {
  return {
    id: body.exerciseId,
    directorParty,
    title: body.title,
    briefing: body.briefing,
    timeScale: body.timeScale,
    state: 'running',
    startedAt: body.startedAt,
    endedAt: null,
    injects: body.injects,
    received: [],
    updatedAt: now.toISOString(),
    version: 1,
  };
}

/** An information inject; a repeat of one already received changes nothing. */
export function receiveInfo(p: ParticipantExercise, body: ExerciseInjectBody, now: Date): ParticipantExercise {
  if (p.received.some((r) => r.injectId === body.injectId)) return p;
  const received = [...p.received, { injectId: body.injectId, title: body.title, text: body.text, at: body.at }];
  return { ...p, received, updatedAt: now.toISOString(), version: p.version + 1 };
}

export function closeParticipation(p: ParticipantExercise, body: ExerciseEndedBody, now: Date): ParticipantExercise {
  if (p.state === 'ended') return p;
  return { ...p, state: 'ended', endedAt: body.endedAt, updatedAt: now.toISOString(), version: p.version + 1 };
}
