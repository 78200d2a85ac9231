import { describe, expect, it } from 'vitest';
import { lateStepPoints, scoreExercise, type InjectObservation } from './scoring.js';
import { buildTimeline } from './timeline.js';

const T0 = Date.parse('2026-10-01T08:00:00.000Z');
/** A real instant `s` seconds after T0; at time scale 60, one real second is one exercise minute. */
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

const call: InjectObservation = {
  injectId: 'i1',
  party: 'cn',
  kind: 'call',
  sentAt: at(0),
  steps: { acknowledge: { doneAt: at(9), deadlineMinutes: 15 } },
};
const request: InjectObservation = {
  injectId: 'i2',
  party: 'cn',
  kind: 'request',
  sentAt: at(20),
  steps: {
    acknowledge: { doneAt: at(110), deadlineMinutes: 60 }, // 90 min against 60: late, 100 × (2 − 1.5) = 50
    accept: { doneAt: at(120), deadlineMinutes: null }, // 100 min, measured only
    fulfil: { doneAt: null, deadlineMinutes: 480 }, // open, deadline far away
  },
};

describe('scoreExercise', () => {
  it('scores met and late steps by the documented formula, in exercise minutes', () => {
    const [cn] = scoreExercise({
      timeScale: 60,
      endedAt: null,
      observations: [call, request],
      participants: ['cn'],
      now: new Date(T0 + 200_000),
    });
    expect(cn!.injects[0]!.steps).toEqual([
      { step: 'acknowledge', measuredMinutes: 9, deadlineMinutes: 15, status: 'met', points: 100 },
    ]);
    expect(cn!.injects[1]!.steps.map((s) => [s.step, s.measuredMinutes, s.status, s.points])).toEqual([
      ['acknowledge', 90, 'missed', 50],
      ['accept', 100, 'measured', null],
      ['fulfil', null, 'pending', null],
    ]);
    // Mean of the scored steps: (100 + 50) / 2.
    expect(cn!.score).toBe(75);
    expect(cn!.injects.map((i) => i.met)).toEqual([true, false]);
    expect([cn!.met, cn!.missed, cn!.pending]).toEqual([1, 1, 1]);
  });

  it('counts a step not done past its deadline as missed with 0 points', () => {
    const silent: InjectObservation = { ...call, steps: { acknowledge: { doneAt: null, deadlineMinutes: 15 } } };
    const [cn] = scoreExercise({
      timeScale: 60,
      endedAt: null,
      observations: [silent],
      participants: ['cn'],
      now: new Date(T0 + 16_000),
    });
    expect(cn!.injects[0]!.steps[0]).toMatchObject({ status: 'missed', points: 0 });
    expect(cn!.score).toBe(0);
  });

  it('leaves an open step whose deadline had not passed at the end unscored', () => {
    const [cn] = scoreExercise({
      timeScale: 60,
      endedAt: at(300),
      observations: [request],
      participants: ['cn'],
      now: new Date(T0 + 900_000),
    });
    expect(cn!.injects[0]!.steps[2]).toMatchObject({ step: 'fulfil', status: 'unfinished', points: null });
    expect(cn!.score).toBe(50);
  });

  it('gives a party with nothing measured yet no score, and scores each party separately', () => {
    const notSent: InjectObservation = { ...call, party: 'us', sentAt: null };
    const scores = scoreExercise({
      timeScale: 60,
      endedAt: null,
      observations: [call, notSent],
      participants: ['cn', 'us'],
      now: new Date(T0 + 10_000),
    });
    expect(scores.map((p) => [p.party, p.score])).toEqual([
      ['cn', 100],
      ['us', null],
    ]);
  });

  it('falls linearly from 100 at the deadline to 0 at twice the deadline', () => {
    expect(lateStepPoints(15, 15)).toBe(100);
    expect(lateStepPoints(22.5, 15)).toBe(50);
    expect(lateStepPoints(30, 15)).toBe(0);
    expect(lateStepPoints(45, 15)).toBe(0);
  });
});

describe('buildTimeline', () => {
  it('lists sends and steps in time order with their exercise minute', () => {
    const timeline = buildTimeline(at(0), 60, [request, call]);
    expect(timeline.map((e) => [e.minute, e.injectId, e.event])).toEqual([
      [0, 'i1', 'sent'],
      [9, 'i1', 'acknowledge'],
      [20, 'i2', 'sent'],
      [110, 'i2', 'acknowledge'],
      [120, 'i2', 'accept'],
    ]);
  });
});

describe('an exercise ended before an inject was sent', () => {
  it('leaves that inject unscored and not waiting', () => {
    const notSent: InjectObservation = { ...call, injectId: 'i3', sentAt: null };
    const [cn] = scoreExercise({
      timeScale: 60,
      endedAt: at(30),
      observations: [call, notSent],
      participants: ['cn'],
      now: new Date(T0 + 60_000),
    });
    expect(cn!.injects[1]!.steps[0]).toMatchObject({ status: 'unfinished', points: null });
    expect([cn!.score, cn!.pending]).toEqual([100, 0]);
  });
});
