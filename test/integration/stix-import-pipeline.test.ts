// The STIX import keeps two batches in the database at once (one indexing its observables while
// the next inserts its objects). On both stores: objects land in bundle order, commits and audit
// entries come batch by batch, every observable is indexed; a batch that fails stops the import
// with its error, keeps the batches before it and leaves nothing of the ones after it.
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importStix } from '../../src/services/intel/import-stix.js';
import { indicator } from '../support/stix-samples.js';
import { createTestContext, STORES, type TestContext } from '../support/test-context.js';

const LOCAL = '6f1c2b9e-3d4a-4e8b-9c7f-0a1b2c3d4e5f';
const actor = { kind: 'system', partyId: 'cn-test' } as const;
const bundle = (objects: unknown[]) =>
  Readable.from([JSON.stringify({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects })]);

describe.each(STORES)('STIX import pipeline (%s)', (store) => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext(store);
    t.ctx.clock = () => new Date();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const storedNames = async () =>
    (
      await t.ctx.db.query<{ name: string }>(
        `SELECT object->>'name' AS name FROM intel_objects WHERE collection_id = $1 ORDER BY seq`,
        [LOCAL],
      )
    ).map((r) => r.name);
  const importAudits = async () =>
    t.ctx.db.query<{ data: { received: number; inserted: number } }>(
      `SELECT data FROM audit_log WHERE action = 'intel_collection.stix_imported' ORDER BY seq`,
    );

  it('stores many small batches in bundle order, audited batch by batch, with every observable indexed', async () => {
    const objects = Array.from({ length: 53 }, (_, i) => indicator(i));
    const progress: number[] = [];
    const result = await importStix(t.ctx, bundle(objects), {
      actor,
      batchSize: 4,
      onBatch: ({ imported }) => progress.push(imported),
    });
    expect(result).toMatchObject({ total: 53, imported: 53, duplicates: 0, invalidCount: 0 });
    expect(await storedNames()).toEqual(objects.map((o) => o.name));
    expect(progress).toEqual([...Array.from({ length: 13 }, (_, i) => (i + 1) * 4), 53]);
    const audits = await importAudits();
    expect(audits.map((a) => a.data.inserted)).toEqual([...Array(13).fill(4), 1]);
    const indexed = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM observable_index WHERE source_kind = 'intel' AND source_id = $1`,
      [LOCAL],
    );
    expect(indexed[0]!.n).toBe(53);
    // added_at never goes backwards along seq: TAXII's (added_at, seq) paging follows the bundle.
    const times = await t.ctx.db.query<{ ok: boolean }>(
      `SELECT bool_and(added_at >= prev) AS ok FROM (SELECT added_at, lag(added_at) OVER (ORDER BY seq) AS prev FROM intel_objects) s WHERE prev IS NOT NULL`,
    );
    expect(times[0]!.ok).toBe(true);
  });

  it('stops at a failing batch: the batches before it stay, nothing after it is stored or audited', async () => {
    // A real database error in the 4th batch (objects 12–15), raised by a trigger on one object.
    await t.ctx.db.query(`CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.object->>'name' = 'Phishing domain 13' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$`);
    await t.ctx.db.query(
      'CREATE TRIGGER refuse_marked BEFORE INSERT ON intel_objects FOR EACH ROW EXECUTE FUNCTION refuse_marked()',
    );
    const objects = Array.from({ length: 30 }, (_, i) => indicator(i));
    await expect(importStix(t.ctx, bundle(objects), { actor, batchSize: 4 })).rejects.toThrow(
      /refused by test trigger/,
    );
    expect(await storedNames()).toEqual(objects.slice(0, 12).map((o) => o.name));
    expect((await importAudits()).map((a) => a.data.inserted)).toEqual([4, 4, 4]);
    const indexed = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM observable_index WHERE source_kind = 'intel'`,
    );
    expect(indexed[0]!.n).toBe(12);
  });
});
