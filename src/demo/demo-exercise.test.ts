import { describe, expect, it } from 'vitest';
import { validateScenario } from '../domain/exercise/index.js';
import { hospitalRansomwareScenario } from './demo-exercise.js';

describe('demo exercise', () => {
  it('ships a sample scenario that passes every scenario and request submission rule', () => {
    const author = {
      kind: 'user',
      userId: 'u',
      name: 'Sam Supervisor',
      roles: ['supervisor'],
      partyId: 'cn-demo',
    } as const;
    const scenario = hospitalRansomwareScenario('cn-demo', 'us-demo');
    expect(
      validateScenario(scenario, {
        ownParty: 'cn-demo',
        peers: ['us-demo'],
        author,
        now: new Date('2026-10-01T00:00:00Z'),
      }),
    ).toEqual([]);
    expect(scenario.injects.map((i) => [i.offsetMinutes, i.kind])).toEqual([
      [0, 'call'],
      [10, 'info'],
      [20, 'request'],
      [30, 'info'],
    ]);
  });
});
