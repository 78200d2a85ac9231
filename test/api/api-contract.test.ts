// The API's contract: the OpenAPI document is valid, every /api route declares the shape of its
// success answer (so Fastify emits only declared fields), and the web client's types generated from
// the document are up to date. `npm run gen:api-types` rewrites them (docs/api.md, "Response shapes").
import { readFile, writeFile } from 'node:fs/promises';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

const GENERATED = new URL('../../web/src/api/generated/api.d.ts', import.meta.url);
const HEADER = "// Generated from the node's OpenAPI document by `npm run gen:api-types` — do not edit.\n";

/** Answers that are not JSON documents: files, redirects, empty bodies. */
const NOT_JSON = new Set<string>([
  'GET /api/cases/{id}/evidence/{evidenceId}/content', // the evidence file itself, in its own media type
  'GET /api/knowledge/articles/{id}/attachments/{attachmentId}', // the attachment file itself
  'GET /api/triage/reports/{id}/attachments/{attachmentId}/content', // the screenshot file itself
  'GET /api/federation/dead-letters/{mid}/export', // the signed message as received: an application/jose file
  'GET /api/intel/stix/export', // a STIX bundle streamed in its own media type, as a file
  'GET /api/cases/{id}/stix', // a STIX bundle in its own media type (application/stix+json)
  'GET /api/auth/oidc/{provider}/start', // a redirect to the identity provider
  'GET /api/auth/oidc/{provider}/callback', // a redirect back into the web app, signed in or with a refusal code
]);

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> };
type Doc = { paths: Record<string, Record<string, Operation>> };

describe('API contract', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await createTestApp('embedded');
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('declares the success answer of every /api route', () => {
    const undeclared: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (NOT_JSON.has(key)) continue;
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        const declared = success.some(([, r]) => {
          const schema = r.content?.['application/json']?.schema;
          return !!schema && Object.keys(schema).length > 0;
        });
        if (!declared) undeclared.push(key);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('has the web client types generated from the current document', async () => {
    const generated = HEADER + astToString(await openapiTS(structuredClone(doc) as never, { exportType: true }));
    if (process.env.CROSSLINE_UPDATE_API_TYPES === '1') await writeFile(GENERATED, generated);
    const committed = await readFile(GENERATED, 'utf8').catch(() => '');
    expect(committed === generated, 'web/src/api/generated/api.d.ts is stale: run `npm run gen:api-types`').toBe(true);
  });
});
