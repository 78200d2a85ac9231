// Shapes of a tabletop exercise (docs/spec.md §7.2): a scenario of timed injects, a run of it, and the
// deliveries of each inject to each participating party.
import type { Bilingual } from '../../error-types.js';
import type { CallCallback, CallTopic, CallUrgency } from '../call/index.js';
import type { TCreateRequestDraft } from '../request/index.js';
import type { Role } from '../shared/roles.js';

export const INJECT_KINDS = ['call', 'request', 'info'] as const;
export type InjectKind = (typeof INJECT_KINDS)[number];

type InjectBase = {
  id: string;
  /** Minutes after the start of the exercise, in exercise time. */
  offsetMinutes: number;
  /** The participating party this inject is addressed to. */
  party: string;
  /** What happens, shown on the board and timeline (e.g. "Emergency call: ransomware on a hospital"). */
  title: Bilingual;
};

/** A hotline call placed to the party through the normal call workflow. */
export type CallInject = InjectBase & {
  kind: 'call';
  urgency: CallUrgency;
  topic: CallTopic;
  text: Bilingual;
  callback: CallCallback;
};

/** A request for assistance created and submitted to the party through the normal request workflow. */
export type RequestInject = InjectBase & {
  kind: 'request';
  request: Omit<TCreateRequestDraft, 'requestedParty'>;
};

/** A message for the participants only (no workflow object); nothing to measure. */
export type InfoInject = InjectBase & { kind: 'info'; text: Bilingual };

export type Inject = CallInject | RequestInject | InfoInject;

export type Scenario = {
  id: string;
  title: Bilingual;
  briefing: Bilingual;
  /** Peer node ids taking part. */
  participants: string[];
  injects: Inject[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export const EXERCISE_STATES = ['draft', 'running', 'ended'] as const;
export type ExerciseState = (typeof EXERCISE_STATES)[number];

/** The director's run of a scenario; the scenario is copied in so later edits do not change a run. */
export type Exercise = {
  id: string;
  scenarioId: string;
  title: Bilingual;
  briefing: Bilingual;
  participants: string[];
  injects: Inject[];
  state: ExerciseState;
  /** Exercise minutes per real minute: 60 makes T+20 min happen after 20 s. */
  timeScale: number;
  /** Who started it: injects are placed and submitted in this officer's name. */
  director: { userId: string; name: string; roles: Role[] };
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  version: number;
};

/** One inject to one party: when it is due (real time) and what it created once fired. */
export type InjectDelivery = {
  id: string;
  exerciseId: string;
  injectId: string;
  party: string;
  kind: InjectKind;
  plannedAt: string;
  firedAt: string | null;
  callId: string | null;
  requestId: string | null;
  /** Why firing failed (e.g. the peer was suspended); recorded instead of retrying forever. */
  error: Bilingual | null;
};
