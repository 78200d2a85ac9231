import { describe, expect, it } from 'vitest';
import { validContent } from '../request/test-fixtures.js';
import type { UserActor } from '../shared/actor.js';
import { codeOf } from '../shared/test-support.js';
import { endExercise, startExercise } from './state.js';
import type { TScenarioInput } from './schemas.js';
import type { Exercise } from './types.js';
import { validateScenario } from './validate-scenario.js';

const director: UserActor = { kind: 'user', userId: 'u1', name: 'Director', roles: ['supervisor'], partyId: 'node-us' };
const ctx = { ownParty: 'node-us', peers: ['node-cn'], author: director, now: new Date('2026-10-01T08:00:00Z') };
const { requestingParty: _a, requestedParty: _b, ...preservation } = validContent('preservation');

const scenario = (over: Partial<TScenarioInput> = {}): TScenarioInput => ({
  title: { en: 'Ransomware on a hospital', zh: '医院遭勒索软件攻击' },
  briefing: { en: 'A hospital is hit.', zh: '一家医院遭到攻击。' },
  participants: ['node-cn'],
  injects: [
    {
      kind: 'call',
      offsetMinutes: 0,
      party: 'node-cn',
      urgency: 'emergency',
      topic: 'ransomware_incident',
      title: { en: 'Emergency call', zh: '紧急呼叫' },
      text: { en: 'Hospital encrypted', zh: '医院系统被加密' },
      callback: { name: 'Desk', phone: '+1 202 555 0100', email: null, timeZone: 'UTC' },
    },
    {
      kind: 'request',
      offsetMinutes: 20,
      party: 'node-cn',
      title: { en: 'Preservation', zh: '保全' },
      request: preservation,
    },
  ],
  ...over,
});

describe('validateScenario', () => {
  it('accepts a complete bilingual scenario whose requests would pass submission', () => {
    expect(validateScenario(scenario(), ctx)).toEqual([]);
  });

  it('names each problem in both languages at its path', () => {
    const issues = validateScenario(
      scenario({
        title: { en: 'Only English', zh: ' ' },
        participants: ['node-us', 'node-xx'],
        injects: [
          { kind: 'info', offsetMinutes: 5, party: 'node-cn', title: { en: 'T', zh: 'T' }, text: { en: 'x', zh: '' } },
        ],
      }),
      ctx,
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['title.zh', 'required'],
      ['participants.0', 'own_party'],
      ['participants.1', 'not_peer'],
      ['injects.0.party', 'not_participant'],
      ['injects.0.text.zh', 'required'],
    ]);
    for (const i of issues) expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('runs the request submission rules on request injects', () => {
    const [, req] = scenario().injects;
    const broken = { ...req!, request: { ...preservation, legalBasis: null } } as TScenarioInput['injects'][number];
    expect(validateScenario(scenario({ injects: [broken] }), ctx).map((i) => i.path)).toContain(
      'injects.0.request.legalBasis',
    );
  });
});

describe('exercise state', () => {
  const draft = { id: 'x', state: 'draft', startedAt: null, endedAt: null, version: 1 } as Exercise;
  it('starts a draft once and ends a running exercise once', () => {
    const running = startExercise(draft, ctx.now);
    expect(running).toMatchObject({ state: 'running', startedAt: '2026-10-01T08:00:00.000Z', version: 2 });
    expect(codeOf(() => startExercise(running, ctx.now))).toBe('EXERCISE_INVALID_STATE');
    expect(endExercise(running, ctx.now).state).toBe('ended');
    expect(codeOf(() => endExercise(draft, ctx.now))).toBe('EXERCISE_INVALID_STATE');
  });
});
