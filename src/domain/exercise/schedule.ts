// When each inject fires: start + offset, compressed by the time scale; and back from real
// durations to exercise minutes, the unit every score is reported in.
import { MINUTE_MS } from '../shared/time.js';
import type { Inject } from './types.js';

export const MIN_TIME_SCALE = 1;
export const MAX_TIME_SCALE = 600;

export type PlannedInject = { injectId: string; party: string; plannedAt: string };

export function plannedAt(startedAt: Date | string, offsetMinutes: number, timeScale: number): string {
  return new Date(new Date(startedAt).getTime() + (offsetMinutes * MINUTE_MS) / timeScale).toISOString();
}

/** Every inject's planned real instant, in firing order (ties keep the scenario's order). */
export function scheduleInjects(
  injects: readonly Inject[],
  startedAt: Date | string,
  timeScale: number,
): PlannedInject[] {
  return injects
    .map((inject, index) => ({ inject, index }))
    .sort((a, b) => a.inject.offsetMinutes - b.inject.offsetMinutes || a.index - b.index)
    .map(({ inject }) => ({
      injectId: inject.id,
      party: inject.party,
      plannedAt: plannedAt(startedAt, inject.offsetMinutes, timeScale),
    }));
}

/** A real duration between two instants, in exercise minutes (one decimal). */
export function exerciseMinutesBetween(from: Date | string, to: Date | string, timeScale: number): number {
  const realMs = new Date(to).getTime() - new Date(from).getTime();
  return Math.round(((realMs * timeScale) / MINUTE_MS) * 10) / 10;
}

/** The exercise clock: minutes since the start in exercise time. */
export function exerciseMinuteAt(startedAt: Date | string, now: Date, timeScale: number): number {
  return exerciseMinutesBetween(startedAt, now, timeScale);
}
