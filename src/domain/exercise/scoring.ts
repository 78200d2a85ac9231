// The exercise score (docs/spec.md §7.2), from measured response times against the agreed deadlines.
//
// Each inject to a party has steps: a call has `acknowledge`; a request has `acknowledge`, `accept`
// and `fulfil`. A step with a deadline is scored:
//   met       done within the deadline                         → 100 points
//   missed    done late                                        → 100 × max(0, 2 − measured/deadline)
//             (100 at the deadline, falling linearly to 0 at twice the deadline)
//   missed    not done and the deadline has passed             → 0 points
//   pending   not done, deadline not passed, exercise running  → not scored yet
//   unfinished not done, deadline not passed, exercise ended   → not scored (it could not be due);
//             also every step of an inject the exercise ended before sending
// `accept` has no deadline of its own: it is measured and shown, never scored.
// A party's score is the rounded mean of its scored steps' points (null while none is scored).
// All times are exercise minutes: real durations × the time scale.
import { exerciseMinutesBetween } from './schedule.js';
import type { InjectKind } from './types.js';

export const STEP_NAMES = ['acknowledge', 'accept', 'fulfil'] as const;
export type StepName = (typeof STEP_NAMES)[number];
export type StepStatus = 'met' | 'missed' | 'pending' | 'unfinished' | 'measured';

export type ObservedStep = { doneAt: string | null; deadlineMinutes: number | null };

/** What the director's node saw of one inject to one party, from its own copy of the record. */
export type InjectObservation = {
  injectId: string;
  party: string;
  kind: InjectKind;
  /** When the inject fired (null: not yet). */
  sentAt: string | null;
  steps: Partial<Record<StepName, ObservedStep>>;
};

export type StepScore = {
  step: StepName;
  measuredMinutes: number | null;
  deadlineMinutes: number | null;
  status: StepStatus;
  points: number | null;
};
export type InjectScore = {
  injectId: string;
  party: string;
  kind: InjectKind;
  sentAt: string | null;
  steps: StepScore[];
  met: boolean | null;
};
export type PartyScore = {
  party: string;
  score: number | null;
  met: number;
  missed: number;
  pending: number;
  injects: InjectScore[];
};

export type ScoreInput = {
  timeScale: number;
  /** The end of the exercise, or null while it runs. */
  endedAt: string | null;
  observations: readonly InjectObservation[];
  participants: readonly string[];
  now: Date;
};

export function lateStepPoints(measuredMinutes: number, deadlineMinutes: number): number {
  if (measuredMinutes <= deadlineMinutes) return 100;
  return Math.round(100 * Math.max(0, 2 - measuredMinutes / deadlineMinutes) * 10) / 10;
}

function scoreStep(step: StepName, o: ObservedStep, sentAt: string | null, input: ScoreInput): StepScore {
  const deadline = o.deadlineMinutes;
  if (!sentAt)
    return {
      step,
      measuredMinutes: null,
      deadlineMinutes: deadline,
      status: input.endedAt ? 'unfinished' : 'pending',
      points: null,
    };
  if (o.doneAt) {
    const measured = exerciseMinutesBetween(sentAt, o.doneAt, input.timeScale);
    if (deadline == null)
      return { step, measuredMinutes: measured, deadlineMinutes: null, status: 'measured', points: null };
    const points = lateStepPoints(measured, deadline);
    return {
      step,
      measuredMinutes: measured,
      deadlineMinutes: deadline,
      status: measured <= deadline ? 'met' : 'missed',
      points,
    };
  }
  const reference = input.endedAt ?? input.now.toISOString();
  const elapsed = exerciseMinutesBetween(sentAt, reference, input.timeScale);
  if (deadline != null && elapsed > deadline)
    return { step, measuredMinutes: null, deadlineMinutes: deadline, status: 'missed', points: 0 };
  return {
    step,
    measuredMinutes: null,
    deadlineMinutes: deadline,
    status: input.endedAt ? 'unfinished' : 'pending',
    points: null,
  };
}

function scoreInject(o: InjectObservation, input: ScoreInput): InjectScore {
  const steps = STEP_NAMES.flatMap((name) => (o.steps[name] ? [scoreStep(name, o.steps[name], o.sentAt, input)] : []));
  const bound = steps.filter((s) => s.deadlineMinutes != null);
  const met = bound.some((s) => s.status === 'missed')
    ? false
    : bound.length > 0 && bound.every((s) => s.status === 'met')
      ? true
      : null;
  return { injectId: o.injectId, party: o.party, kind: o.kind, sentAt: o.sentAt, steps, met };
}

export function scoreExercise(input: ScoreInput): PartyScore[] {
  return input.participants.map((party) => {
    const injects = input.observations.filter((o) => o.party === party).map((o) => scoreInject(o, input));
    const steps = injects.flatMap((i) => i.steps);
    const scored = steps.filter((s) => s.points != null);
    const score = scored.length
      ? Math.round(scored.reduce((sum, s) => sum + (s.points ?? 0), 0) / scored.length)
      : null;
    return {
      party,
      score,
      injects,
      met: steps.filter((s) => s.status === 'met').length,
      missed: steps.filter((s) => s.status === 'missed').length,
      pending: steps.filter((s) => s.status === 'pending').length,
    };
  });
}
