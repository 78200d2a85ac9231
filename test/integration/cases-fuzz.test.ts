// Property-based fuzzing of the case routes against a real case, evidence item and task (the
// API-wide fuzz only reaches them with random ids): no 5xx, and a refused call changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

const RUNS = Number(process.env.CROSSLINE_FUZZ_RUNS ?? 25);
const TABLES = [
  'cases',
  'case_observables',
  'case_evidence',
  'custody_events',
  'case_tasks',
  'record_events',
  'audit_log',
];

const nasty = fc.constantFrom(
  '',
  ' ',
  '💥',
  'a\ud800b',
  '../../etc/passwd',
  "' OR 1=1 --",
  'x'.repeat(5000),
  '-1',
  'NaN',
  '2026-13-45T99:99:99Z',
  '中文',
  'RED',
  'lead',
  'close',
);
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), nasty);
const keys = fc.constantFrom(
  'action',
  'reason',
  'userId',
  'caseRole',
  'title',
  'type',
  'value',
  'observables',
  'paste',
  'text',
  'atomic',
  'kind',
  'note',
  'tlp',
  'recipients',
  'granularity',
  'dueAt',
  'assigneeUserId',
  'crimeCategories',
  'confidentiality',
);
const body = fc.oneof(fc.dictionary(keys, value), fc.jsonValue({ maxDepth: 3 }));
const query = fc.dictionary(
  fc.constantFrom('filename', 'mediaType', 'tlp', 'sha256', 'description', 'purpose', 'status', 'q', 'type', 'limit'),
  fc.oneof(fc.string({ maxLength: 30 }), nasty),
);

describe.each(STORES)('case routes fuzz (%s)', (store) => {
  let t: TestApp;
  let token: string;
  let routes: { method: 'GET' | 'POST' | 'PATCH'; url: string; raw?: boolean }[];
  beforeAll(async () => {
    t = await createTestApp(store, { maxEvidenceBytes: 64 * 1024 });
    token = (await t.userWith(['investigator', 'supervisor'])).token;
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
    const kase = (await post('/api/cases', { title: { en: 'Fuzz' }, crimeCategories: ['other'] })).json();
    const c = `/api/cases/${kase.id}`;
    await post(`${c}/observables`, { type: 'domain', value: 'fuzz.example' });
    const task = (await post(`${c}/tasks`, { title: 'Fuzz task' })).json();
    const ev = (
      await t.app.inject({
        method: 'POST',
        url: `${c}/evidence?filename=f.bin`,
        headers: { ...bearer(token), 'content-type': 'application/octet-stream' },
        payload: Buffer.from('fuzz'),
      })
    ).json();
    routes = [
      { method: 'PATCH', url: c },
      { method: 'POST', url: `${c}/actions` },
      { method: 'GET', url: '/api/cases' },
      { method: 'POST', url: `${c}/observables` },
      { method: 'GET', url: `${c}/observables` },
      { method: 'POST', url: `${c}/tasks` },
      { method: 'POST', url: `${c}/tasks/${task.id}/actions` },
      { method: 'POST', url: `${c}/share/preview` },
      { method: 'POST', url: `${c}/evidence`, raw: true },
      { method: 'POST', url: `${c}/evidence` },
      { method: 'GET', url: `${c}/evidence/${ev.id}/content` },
      { method: 'POST', url: `${c}/evidence/${ev.id}/custody` },
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  async function fingerprint(): Promise<string> {
    const parts: string[] = [];
    for (const name of TABLES) {
      parts.push(
        (
          await t.ctx.db.query<{ h: string }>(
            `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${name} x`,
          )
        )[0]!.h,
      );
    }
    return parts.join(',');
  }

  it('never answers 5xx and never changes data on a refused call', async () => {
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(body, query, fc.uint8Array({ maxLength: 2048 }), async (payload, qs, bytes) => {
          const before = await fingerprint();
          const res = await t.app.inject({
            method: route.method,
            url: route.url,
            query: qs as Record<string, string>,
            headers: { ...bearer(token), 'content-type': route.raw ? 'application/octet-stream' : 'application/json' },
            ...(route.method === 'GET' ? {} : { payload: route.raw ? Buffer.from(bytes) : JSON.stringify(payload) }),
          });
          const label = `${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, label).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.json().error.message.zh, label).toBeTruthy();
            expect(await fingerprint(), `${label} changed data while refusing`).toBe(before);
          }
        }),
        { numRuns: RUNS },
      );
    }
  });
});
