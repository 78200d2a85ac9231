// The exercise timeline: every inject sent and every measured step, in time order, with its
// exercise minute (T+n) so the debrief reads like the scenario.
import { exerciseMinutesBetween } from './schedule.js';
import { STEP_NAMES, type InjectObservation, type StepName } from './scoring.js';

export type TimelineEntry = { at: string; minute: number; party: string; injectId: string; event: 'sent' | StepName };

export function buildTimeline(
  startedAt: string,
  timeScale: number,
  observations: readonly InjectObservation[],
): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const add = (at: string, o: InjectObservation, event: TimelineEntry['event']) =>
    out.push({
      at,
      minute: exerciseMinutesBetween(startedAt, at, timeScale),
      party: o.party,
      injectId: o.injectId,
      event,
    });
  for (const o of observations) {
    if (!o.sentAt) continue;
    add(o.sentAt, o, 'sent');
    for (const step of STEP_NAMES) {
      const doneAt = o.steps[step]?.doneAt;
      if (doneAt) add(doneAt, o, step);
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
