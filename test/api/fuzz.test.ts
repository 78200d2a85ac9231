// Property-based fuzzing of every route: random and malformed bodies, parameters, query strings and
// headers never produce a 5xx, and a refused call (4xx) never changes stored data.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/domain/shared/roles.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';

// Routes whose success ends the fuzzing session itself.
const SKIP = new Set(['POST /api/auth/logout']);
const RUNS_PER_ROUTE = Number(process.env.CROSSLINE_FUZZ_RUNS ?? 60);

/**
 * Everything a refused call must leave untouched. Login failures legitimately count attempts, and
 * the public routes' rate-limit buckets count every call, refused or not.
 */
let tableNames: string[] | undefined;
async function fingerprint(t: TestApp, route: string): Promise<string> {
  tableNames ??= (
    await t.ctx.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).map((r) => r.table_name);
  const names = tableNames.filter(
    (n) =>
      n !== 'sessions' &&
      n !== 'rate_limit_buckets' &&
      // A refused sign-in is recorded on purpose: the account's failed attempts, the audit entry, and
      // the per-name/address back-off (login-throttle.ts) — a refusal that wrote nothing would be the bug.
      !(route.endsWith('/auth/login') && (n === 'users' || n === 'login_backoff' || n.startsWith('audit'))),
  );
  // One statement for all tables: the fingerprint runs twice per fuzzed call. Any write leaves a
  // trace here: an insert or update makes a row version with a newer transaction id (xmin), a delete
  // lowers the count. (Hashing every row's text was exact too, but ten times slower.)
  const sql = names
    .map((n) => `SELECT '${n}' AS t, count(*) || ':' || coalesce(max(x.xmin::text::bigint), 0) AS h FROM ${n} x`)
    .join(' UNION ALL ');
  const rows = await t.ctx.db.query<{ t: string; h: string }>(sql);
  // A UNION ALL may come back in any order (parallel append): compare table by table.
  return rows
    .map((r) => `${r.t}:${r.h}`)
    .sort()
    .join(',');
}

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '💥',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>',
  'x'.repeat(5000),
  '-1',
  '1e309',
  'NaN',
  '2026-13-45T99:99:99Z',
  '中文字段',
);
const idLike = fc.oneof(fc.uuid(), nasty, fc.string({ maxLength: 40 }));
const body = fc.oneof(
  jsonValue,
  fc.dictionary(
    fc.constantFrom(
      'type',
      'status',
      'title',
      'username',
      'password',
      'roles',
      'urgency',
      'identifiers',
      'subject',
      'value',
      'code',
      'name',
      'legalBasis',
      'tlp',
      'action',
      'reason',
    ),
    fc.oneof(jsonValue, nasty),
  ),
  fc.string({ maxLength: 200 }),
);
const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  undefined,
);

describe('API fuzz', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp('embedded');
    token = (await t.userWith([...ROLES])).token;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has a fingerprint that sees an insert, an update and a delete', async () => {
    const route = '/api/anything';
    const seen = [await fingerprint(t, route)];
    await t.ctx.db.query(`INSERT INTO node_settings (key, value) VALUES ('fuzz-probe', '1')`);
    seen.push(await fingerprint(t, route));
    await t.ctx.db.query(`UPDATE node_settings SET value = '2' WHERE key = 'fuzz-probe'`);
    seen.push(await fingerprint(t, route));
    await t.ctx.db.query(`DELETE FROM node_settings WHERE key = 'fuzz-probe'`);
    seen.push(await fingerprint(t, route));
    // Each step changes what the fingerprint sees (the delete brings back the state before the insert).
    for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
  });

  it(
    'never answers 5xx and never changes data on a refused call',
    async () => {
      let calls = 0;
      for (const route of t.app.routeTable) {
        const key = `${route.method} ${route.url}`;
        if (SKIP.has(key)) continue;
        await fc.assert(
          fc.asyncProperty(
            fc.array(idLike, { minLength: 3, maxLength: 3 }),
            body,
            fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.string({ maxLength: 30 }), nasty)),
            contentType,
            fc.boolean(),
            async (ids, payload, query, type, rawString) => {
              let i = 0;
              const url = route.url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(String(ids[i++] ?? 'x')));
              const before = await fingerprint(t, route.url);
              const headers: Record<string, string> = { ...bearer(token) };
              if (type) headers['content-type'] = type;
              const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
              const res = await t.app.inject({
                method: route.method as 'POST',
                url,
                query: query as Record<string, string>,
                headers,
                ...(hasBody
                  ? { payload: rawString && typeof payload === 'string' ? payload : JSON.stringify(payload) }
                  : {}),
              });
              calls += 1;
              expect(res.statusCode, `${key} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
              if (res.statusCode >= 400)
                expect(res.json().error?.code, `${key} → ${res.body.slice(0, 300)}`).toBeTypeOf('string');
              if (res.statusCode >= 400) {
                const err = res.json() as { error: { code: string; message: { en: string; zh: string } } };
                expect(err.error.code).toMatch(/^[A-Z_]+$/);
                expect(err.error.message.en && err.error.message.zh).toBeTruthy();
                expect(await fingerprint(t, route.url), `${key} changed data while refusing (${res.statusCode})`).toBe(
                  before,
                );
              }
            },
          ),
          { numRuns: RUNS_PER_ROUTE },
        );
      }
      expect(calls).toBeGreaterThan(t.app.routeTable.length * RUNS_PER_ROUTE * 0.9);
      // Time grows with the route table (each call fingerprints every table), so allow for every area's routes.
    },
    15 * 60_000,
  );
});
