// Shapes the exercise API answers with (mirrors src/http/routes/exercises/exercise.presenter.ts);
// scenario and inject shapes come from the server's domain types.
import type { Bilingual } from './client';
import type { AnnouncedInject, Inject, ReceivedInfo, StepScore, TimelineEntry } from '../../../src/domain/exercise/index';

export type { Inject, StepScore, TimelineEntry };

export type ScenarioView = {
  id: string; title: Bilingual; briefing: Bilingual; participants: string[]; injects: Inject[];
  createdBy: string; createdAt: string; updatedAt: string; version: number;
};

export type ExerciseView = {
  id: string; scenarioId: string; title: Bilingual; briefing: Bilingual; participants: string[]; injects: Inject[];
  state: 'draft' | 'running' | 'ended'; timeScale: number; director: string;
  createdAt: string; startedAt: string | null; endedAt: string | null; version: number;
};

export type ParticipationSummary = {
  id: string; directorParty: string; title: Bilingual; briefing: Bilingual; timeScale: number; state: 'running' | 'ended';
  startedAt: string; endedAt: string | null; injects: AnnouncedInject[]; received: ReceivedInfo[]; updatedAt: string;
};

export type ParticipationDetail = ParticipationSummary & {
  records: { kind: 'call' | 'request'; id: string; reference: string; status: string; at: string }[];
};

export type ExerciseOverview = { scenarios: ScenarioView[]; exercises: ExerciseView[]; participations: ParticipationSummary[] };

export type BoardRow = {
  injectId: string; party: string; kind: Inject['kind']; title: Bilingual; offsetMinutes: number; plannedAt: string;
  firedAt: string | null; error: Bilingual | null; callId: string | null; requestId: string | null; reference: string | null;
  status: string | null; deliveredAt: string | null; dueAt: { acknowledge: string | null; fulfil: string | null };
  met: boolean | null; steps: StepScore[];
};

export type PartyScore = { party: string; score: number | null; met: number; missed: number; pending: number };

export type ExerciseBoard = { exercise: ExerciseView; minute: number | null; rows: BoardRow[]; parties: PartyScore[]; timeline: TimelineEntry[] };
