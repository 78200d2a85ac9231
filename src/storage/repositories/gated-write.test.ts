// The rider's CTE follows its gate and numbers its parameters after the host's.
import { describe, expect, it } from 'vitest';
import { withRider, type GatedWrite } from './gated-write.js';

describe('withRider', () => {
  const rider: GatedWrite = (gate, first) => ({
    sql: `INSERT INTO t (a, b) SELECT $${first}, $${first + 1} FROM ${gate}`,
    params: ['x', 'y'],
  });

  it("adds the rider after the gate, its parameters after the host's", () => {
    expect(withRider('UPDATE h SET n = $1 WHERE id = $2 RETURNING id', 'moved', [7, 1], rider)).toEqual({
      ctes: 'WITH moved AS (UPDATE h SET n = $1 WHERE id = $2 RETURNING id),\n     rider AS (INSERT INTO t (a, b) SELECT $3, $4 FROM moved)',
      params: [7, 1, 'x', 'y'],
    });
  });

  it('without a rider is the gate alone', () => {
    expect(withRider('DELETE FROM h RETURNING id', 'gone', [], undefined)).toEqual({
      ctes: 'WITH gone AS (DELETE FROM h RETURNING id)',
      params: [],
    });
  });
});
