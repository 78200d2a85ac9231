// The naming of repeated statements (prepared once per connection): named from the second use,
// only with parameters, and never more than the limit, so varying texts cannot grow server memory.
import { describe, expect, it } from 'vitest';
import { PREPARED_LIMIT, statementName } from './db.js';

describe('statementName', () => {
  it('names a statement with parameters from its second use on, always the same name', () => {
    const sql = `SELECT $1::int AS x -- ${Math.random()}`;
    expect(statementName(sql, [1])).toBeUndefined();
    const name = statementName(sql, [2]);
    expect(name).toMatch(/^crossline_\d+$/);
    expect(statementName(sql, [3])).toBe(name);
  });

  it('leaves statements without parameters unnamed', () => {
    const sql = `SELECT 1 -- ${Math.random()}`;
    for (let i = 0; i < 3; i++) expect(statementName(sql, [])).toBeUndefined();
    expect(statementName(sql, undefined)).toBeUndefined();
  });

  it('names at most PREPARED_LIMIT texts; beyond that texts run unnamed, named ones keep their names', () => {
    const first = `SELECT $1::text AS kept -- ${Math.random()}`;
    statementName(first, ['a']);
    const kept = statementName(first, ['a']);
    const names = new Set<string>();
    for (let i = 0; i < PREPARED_LIMIT + 50; i++) {
      const sql = `SELECT $1::int + ${i} AS v -- varying`;
      statementName(sql, [i]);
      const name = statementName(sql, [i]);
      if (name) names.add(name);
    }
    expect(names.size).toBeLessThan(PREPARED_LIMIT);
    expect(statementName(`SELECT $1::int AS late -- ${Math.random()}`, [1])).toBeUndefined();
    expect(statementName(`SELECT $1::int AS late2`, [1])).toBeUndefined();
    expect(statementName(first, ['b'])).toBe(kept);
  });
});
