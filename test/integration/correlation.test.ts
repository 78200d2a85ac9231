// Correlation on both stores: indexing is idempotent per source, a value shared by two sources
// raises one alert per pair (later shared values join it), common and excluded values stay quiet,
// and the people who may see both sources are notified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueHash } from '../../src/intel/correlation/rules.js';
import { recordObservables } from '../../src/services/intel/record-observables.js';
import { insertExclusion } from '../../src/storage/repositories/observable-index.repository.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

describe.each(STORES)('correlation (%s)', (store) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(store, { correlationCommonThreshold: 3 });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const record = (
    kind: 'case' | 'request' | 'report' | 'intel',
    id: string,
    values: { type: 'ip' | 'domain' | 'email'; value: string }[],
  ) =>
    t.ctx.db.transaction((tx) =>
      recordObservables(tx, t.ctx, { kind, id, label: `${kind}-${id}` }, values, t.ctx.clock()),
    );

  it('raises no alert for a value seen once, nor when the same source records it again', async () => {
    expect(
      await record('request', 'r1', [
        { type: 'ip', value: '203.0.113.7' },
        { type: 'domain', value: 'evil.example' },
      ]),
    ).toEqual([]);
    expect(await record('request', 'r1', [{ type: 'ip', value: '203.0.113.7' }])).toEqual([]);
  });

  it('links two sources sharing a value with one alert per pair, later values added to it', async () => {
    const hits = await record('intel', 'i1', [{ type: 'ip', value: '203.0.113.7' }]);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      type: 'ip',
      value: '203.0.113.7',
      decision: 'alert',
      other: { kind: 'request', id: 'r1' },
      sourceCount: 2,
    });
    const again = await record('intel', 'i1', [{ type: 'domain', value: 'evil.example' }]);
    expect(again[0]!.alertId).toBe(hits[0]!.alertId);
    const rows = await t.ctx.db.query('SELECT * FROM correlation_alerts WHERE id = $1', [hits[0]!.alertId]);
    expect(rows[0]).toMatchObject({ a_kind: 'intel', a_id: 'i1', b_kind: 'request', b_id: 'r1', match_count: 2 });
    const notes = await t.ctx.db.query(
      `SELECT recipient_role FROM notifications WHERE subject_id = $1 ORDER BY recipient_role`,
      [hits[0]!.alertId],
    );
    // request:read and intel:read together: every role that holds both, never the auditor.
    expect(notes.map((n) => n.recipient_role)).toEqual([
      'admin',
      'analyst',
      'investigator',
      'point_of_contact',
      'read_only',
      'supervisor',
    ]);
    const audit = await t.ctx.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1`, [
      hits[0]!.alertId,
    ]);
    expect(audit[0]!.n).toBe(1);
  });

  it('stops alerting once more sources than the threshold hold the value', async () => {
    await record('report', 'p1', [{ type: 'email', value: 'a@example.com' }]);
    await record('report', 'p2', [{ type: 'email', value: 'a@example.com' }]);
    expect(await record('report', 'p3', [{ type: 'email', value: 'a@example.com' }])).toHaveLength(2);
    const common = await record('report', 'p4', [{ type: 'email', value: 'a@example.com' }]);
    expect(common).toEqual([{ type: 'email', value: 'a@example.com', decision: 'common', sourceCount: 4 }]);
  });

  it('never alerts on a value an administrator excluded', async () => {
    await t.ctx.db.transaction((tx) =>
      insertExclusion(tx, {
        type: 'domain',
        valueHash: valueHash('cdn.example'),
        value: 'cdn.example',
        reason: 'shared CDN',
        createdBy: 'admin',
        createdAt: t.ctx.clock().toISOString(),
      }),
    );
    await record('case', 'c1', [{ type: 'domain', value: 'cdn.example' }]);
    expect(await record('case', 'c2', [{ type: 'domain', value: 'cdn.example' }])).toEqual([
      { type: 'domain', value: 'cdn.example', decision: 'excluded', sourceCount: 2 },
    ]);
    const n = await t.ctx.db.query(`SELECT count(*)::int AS n FROM correlation_alerts WHERE a_kind = 'case'`);
    expect(n[0]!.n).toBe(0);
  });

  it('indexes a batch of many values in one call', async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ type: 'ip' as const, value: `198.51.100.${i % 250}` }));
    expect(await record('intel', 'bulk', many)).toEqual([]);
    const n = await t.ctx.db.query(`SELECT count(*)::int AS n FROM observable_index WHERE source_id = 'bulk'`);
    expect(n[0]!.n).toBe(250);
  });
});
