// The OpenAPI 3.1 document is generated from the same Zod schemas the routes validate with, and
// covers every area and every /api route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

type OpenApiDoc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; parameters?: unknown[] }>
  >;
};

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  beforeAll(async () => {
    t = await createTestApp('embedded');
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('covers requests, calls, cases, evidence, observables, users and audit', () => {
    const paths = Object.keys(doc.paths);
    for (const fragment of [
      '/api/requests',
      '/api/calls',
      '/api/cases',
      '/evidence',
      '/observables',
      '/api/users',
      '/api/audit',
    ]) {
      expect(
        paths.some((p) => p.includes(fragment)),
        fragment,
      ).toBe(true);
    }
  });

  it('lists every /api route of the app', () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    const toOpenApi = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');
    const missing = t.app.routeTable
      .filter((r) => r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${toOpenApi(r.url)}`)
      .filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
  });

  it('documents the JSON body schema of the create-request route, with the request types', () => {
    const body = doc.paths['/api/requests']!.post!.requestBody!.content['application/json']!.schema as {
      properties: Record<string, { enum?: string[] }>;
    };
    expect(body.properties.type!.enum).toEqual(
      expect.arrayContaining(['preservation', 'emergency_disclosure', 'freeze_assets']),
    );
  });

  it('serves a human docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
