// Text the database cannot store (NUL, unpaired surrogates) is refused with 400 INVALID_INPUT
// naming where it was — in a JSON body, a query parameter or a route parameter — never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';

describe('input guard', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp('embedded');
    token = (await t.userWith(['analyst', 'investigator'])).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const refused = (res: { statusCode: number; json(): unknown }, path: string) => {
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; issues: { path: string; code: string }[] } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.issues[0]).toMatchObject({ path, code: 'nul_character' });
  };

  it('refuses a NUL in a query parameter (Fastify parses the query into an object of its own kind)', async () => {
    refused(
      await t.app.inject({
        method: 'GET',
        url: '/api/intel/objects',
        query: { q: 'a\u0000b' },
        headers: bearer(token),
      }),
      'query.q',
    );
  });

  it('refuses a NUL in a route parameter', async () => {
    refused(await t.app.inject({ method: 'GET', url: '/api/cases/a%00b', headers: bearer(token) }), 'params.id');
  });

  it('refuses a NUL in a JSON body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: JSON.stringify({ title: { en: 'x\u0000' }, crimeCategories: ['online_fraud'] }),
    });
    refused(res, 'body.title.en');
  });
});
