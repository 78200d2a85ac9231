// The TAXII 2.1 server of a real listening node, driven by a client written only from the OASIS
// TAXII 2.1 specification's requests: raw fetch with the spec's Accept/Content-Type media types,
// Basic and Bearer auth, discovery → API root → collections → objects, pagination with limit/next
// and added_after, match filters, manifest, versions, POST envelope → 202 status → GET status,
// TAXII error messages for 401/403/404/406/415, and a third party that sees only its collections
// and nothing above their max TLP (and, on /api, nothing but its own account settings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';
import { recordObservables } from '../../src/services/intel/record-observables.js';
import { indicator, type StixSample } from '../support/stix-samples.js';

const TAXII = 'application/taxii+json;version=2.1';
type Json = Record<string, any>;

describe.each(STORES)('TAXII 2.1 server (%s)', (store) => {
  let t: TestApp;
  let base: string;
  let analystToken: string; // local analyst: intel:read + intel:write
  let partyToken: string; // service account bound to party "vn-mps"
  let partyUser: string;
  let shared: Json; // readers: vn-mps, max TLP GREEN
  let hidden: Json; // no external readers

  const basic = (user: string, token: string) => `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;
  const taxiiGet = (url: string, token?: string, extra: Record<string, string> = {}) =>
    fetch(url.startsWith('http') ? url : `${base}${url}`, {
      headers: { accept: TAXII, ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
    });
  const taxiiPost = (url: string, token: string, body: unknown, contentType = TAXII) =>
    fetch(`${base}${url}`, {
      method: 'POST',
      headers: { accept: TAXII, 'content-type': contentType, authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const expectTaxiiError = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe(TAXII);
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({ http_status: String(status) });
    expect(typeof body.title).toBe('string');
    expect(typeof body.error_code).toBe('string');
    expect(body.error).toBeUndefined(); // never the /api error shape
    return body;
  };
  const apiToken = async (sessionToken: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(sessionToken),
      payload: { name: 'taxii' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as Json).token as string;
  };
  const root = '/taxii2/api';
  const objectsUrl = (c: Json) => `${root}/collections/${c.id}/objects/`;

  beforeAll(async () => {
    t = await createTestApp(store);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const admin = await t.userWith(['admin']);
    const analyst = await t.userWith(['analyst']);
    analystToken = await apiToken(analyst.token);
    const party = await t.userWith(['read_only'], 'vn-mps-taxii');
    partyUser = party.username;
    partyToken = await apiToken(party.token);
    const bind = await t.app.inject({
      method: 'PUT',
      url: `/api/intel/party-accounts/${party.userId}`,
      headers: bearer(admin.token),
      payload: { party: 'vn-mps' },
    });
    expect(bind.statusCode, bind.body).toBe(200);
    const create = async (payload: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/intel/collections',
        headers: bearer(admin.token),
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Json;
    };
    shared = await create({
      title: 'Shared with Viet Nam',
      alias: 'shared-vn',
      readers: ['vn-mps'],
      writers: [],
      maxTlp: 'GREEN',
    });
    hidden = await create({ title: 'Domestic only', alias: 'domestic', readers: [], maxTlp: 'AMBER' });
  }, 300_000); // several users (argon2) and a migrated store on a shared machine
  afterAll(async () => {
    await t?.close();
  });

  it('discovery names the API root; the API root speaks TAXII 2.1', async () => {
    const res = await taxiiGet('/taxii2/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(TAXII);
    const discovery = (await res.json()) as Json;
    expect(discovery.api_roots).toEqual([`${base}/taxii2/api/`]);
    expect(discovery.default).toBe(`${base}/taxii2/api/`);
    expect(typeof discovery.title).toBe('string');

    // Many TAXII clients only do HTTP Basic: the API token is the password.
    const rootRes = await taxiiGet(discovery.api_roots[0], undefined, { authorization: basic(partyUser, partyToken) });
    expect(rootRes.status).toBe(200);
    const apiRoot = (await rootRes.json()) as Json;
    expect(apiRoot.versions).toEqual([TAXII]);
    expect(apiRoot.max_content_length).toBeGreaterThan(0);
  });

  it('refuses with TAXII error messages: 401 (with WWW-Authenticate), 406, 404', async () => {
    const anonymous = await taxiiGet(`${root}/collections/`);
    await expectTaxiiError(anonymous, 401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/Basic/);
    await expectTaxiiError(await taxiiGet(`${root}/collections/`, 'clt_not-a-real-token'), 401);
    await expectTaxiiError(await taxiiGet(`${root}/collections/`, analystToken, { accept: 'application/json' }), 406);
    await expectTaxiiError(
      await taxiiGet(`${root}/collections/00000000-0000-4000-8000-000000000000/objects/`, analystToken),
      404,
    );
    await expectTaxiiError(await taxiiGet('/taxii2/no-such-root/', analystToken), 404);
  });

  it('lists collections per account: local analysts see all, the party only its own', async () => {
    const mine = (await (await taxiiGet(`${root}/collections/`, analystToken)).json()) as Json;
    const ids = mine.collections.map((c: Json) => c.id);
    expect(ids).toEqual(expect.arrayContaining([shared.id, hidden.id]));
    const local = mine.collections.find((c: Json) => c.id === shared.id);
    expect(local).toMatchObject({
      title: 'Shared with Viet Nam',
      alias: 'shared-vn',
      can_read: true,
      can_write: true,
      media_types: ['application/stix+json;version=2.1'],
    });

    const theirs = (await (await taxiiGet(`${root}/collections/`, partyToken)).json()) as Json;
    expect(theirs.collections.map((c: Json) => c.id)).toEqual([shared.id]);
    expect(theirs.collections[0]).toMatchObject({ can_read: true, can_write: false });
    // A collection outside the party's scope does not exist for it.
    await expectTaxiiError(await taxiiGet(`${root}/collections/${hidden.id}/`, partyToken), 404);
  });

  const posted: StixSample[] = [];

  it('POST an envelope: 202 with a status resource, readable again at /status/{id}/', async () => {
    posted.push(
      indicator(1, { tlp: 'CLEAR' }),
      indicator(2, { tlp: 'GREEN' }),
      indicator(3),
      indicator(4, { tlp: 'AMBER' }),
      indicator(5, { tlp: 'RED' }),
    );
    const broken = { ...indicator(6), pattern: "[domain-name:value = 'unclosed" };
    const res = await taxiiPost(objectsUrl(shared), analystToken, { objects: [...posted, broken] });
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toBe(TAXII);
    const status = (await res.json()) as Json;
    expect(status).toMatchObject({
      status: 'complete',
      total_count: 6,
      success_count: 5,
      failure_count: 1,
      pending_count: 0,
    });
    expect(status.failures[0]).toMatchObject({ id: broken.id });
    expect(status.successes.map((s: Json) => s.id).sort()).toEqual(posted.map((o) => o.id).sort());

    const again = await taxiiGet(`${root}/status/${status.id}/`, analystToken);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(status);

    await expectTaxiiError(
      await taxiiPost(objectsUrl(shared), analystToken, { objects: [indicator(7)] }, 'application/json'),
      415,
    );
    // The party has no write access to this collection.
    await expectTaxiiError(await taxiiPost(objectsUrl(shared), partyToken, { objects: [indicator(8)] }), 403);
    // Someone else's status resource does not exist for the party.
    await expectTaxiiError(await taxiiGet(`${root}/status/${status.id}/`, partyToken), 404);
  });

  it('pages with limit/next in added order, stable while objects are being added, then added_after', async () => {
    const seen: string[] = [];
    let res = await taxiiGet(`${objectsUrl(shared)}?limit=2`, analystToken);
    let page = (await res.json()) as Json;
    expect(page.more).toBe(true);
    expect(page.objects).toHaveLength(2);
    expect(res.headers.get('x-taxii-date-added-first')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    seen.push(...page.objects.map((o: Json) => o.id));

    // Added while the client pages: appears after the earlier objects, nothing skipped or repeated.
    t.clock.advance(1000);
    const late = indicator(9, { tlp: 'GREEN' });
    expect((await taxiiPost(objectsUrl(shared), analystToken, { objects: [late] })).status).toBe(202);

    let lastAdded = '';
    while (page.more) {
      res = await taxiiGet(`${objectsUrl(shared)}?limit=2&next=${encodeURIComponent(page.next)}`, analystToken);
      expect(res.status).toBe(200);
      page = (await res.json()) as Json;
      seen.push(...(page.objects ?? []).map((o: Json) => o.id));
      lastAdded = res.headers.get('x-taxii-date-added-last') ?? lastAdded;
    }
    expect(seen).toEqual([...posted.map((o) => o.id), late.id]);
    expect(new Set(seen).size).toBe(seen.length);

    const none = await taxiiGet(`${objectsUrl(shared)}?added_after=${encodeURIComponent(lastAdded)}`, analystToken);
    expect(await none.json()).toEqual({ more: false });
    const onlyLate = (await (
      await taxiiGet(`${objectsUrl(shared)}?added_after=2026-03-02T08:00:00.500Z`, analystToken)
    ).json()) as Json;
    expect(onlyLate.objects.map((o: Json) => o.id)).toEqual([late.id]);

    await expectTaxiiError(await taxiiGet(`${objectsUrl(shared)}?next=forged`, analystToken), 400);
    await expectTaxiiError(await taxiiGet(`${objectsUrl(shared)}?added_after=yesterday`, analystToken), 400);
  });

  it('match[id], match[type], match[version], versions and manifest', async () => {
    const first = posted[0]!;
    const newer = { ...first, modified: '2026-03-05T10:00:00.000Z', name: 'Phishing domain 1 (revised)' };
    t.clock.advance(1000);
    expect((await taxiiPost(objectsUrl(shared), analystToken, { objects: [newer] })).status).toBe(202);

    const byId = (await (await taxiiGet(`${objectsUrl(shared)}?match[id]=${first.id}`, analystToken)).json()) as Json;
    expect(byId.objects).toEqual([newer]); // default match[version]=last
    const all = (await (
      await taxiiGet(`${objectsUrl(shared)}?match[id]=${first.id}&match[version]=all`, analystToken)
    ).json()) as Json;
    expect(all.objects.map((o: Json) => o.modified)).toEqual([first.modified, newer.modified]);
    const firstV = (await (
      await taxiiGet(`${objectsUrl(shared)}?match[id]=${first.id}&match[version]=first`, analystToken)
    ).json()) as Json;
    expect(firstV.objects).toEqual([first]);
    const atV = (await (
      await taxiiGet(`${objectsUrl(shared)}?match[id]=${first.id}&match[version]=${first.modified}`, analystToken)
    ).json()) as Json;
    expect(atV.objects).toEqual([first]);
    const types = (await (
      await taxiiGet(`${objectsUrl(shared)}?match[type]=malware,tool`, analystToken)
    ).json()) as Json;
    expect(types.objects).toBeUndefined();

    const one = (await (await taxiiGet(`${objectsUrl(shared)}${first.id}/`, analystToken)).json()) as Json;
    expect(one.objects).toEqual([newer]);
    const versions = (await (
      await taxiiGet(`${objectsUrl(shared)}${first.id}/versions/`, analystToken)
    ).json()) as Json;
    expect(versions).toEqual({ more: false, versions: [first.modified, newer.modified] });

    const manifest = (await (
      await taxiiGet(`${root}/collections/${shared.id}/manifest/?match[id]=${first.id}`, analystToken)
    ).json()) as Json;
    expect(manifest.objects).toEqual([
      expect.objectContaining({
        id: first.id,
        version: newer.modified,
        media_type: 'application/stix+json;version=2.1',
      }),
    ]);
    expect(manifest.objects[0].date_added).toMatch(/Z$/);
  });

  it('the party reads only objects at or below the collection max TLP', async () => {
    const res = await taxiiGet(objectsUrl(shared), undefined, { authorization: basic(partyUser, partyToken) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    const ids = body.objects.map((o: Json) => o.id);
    const [clear, green, unmarked, amber, red] = posted;
    expect(ids).toEqual(expect.arrayContaining([clear!.id, green!.id, unmarked!.id]));
    expect(ids).not.toContain(amber!.id);
    expect(ids).not.toContain(red!.id);
    await expectTaxiiError(await taxiiGet(`${objectsUrl(shared)}${red!.id}/`, partyToken), 404);
    const manifest = (await (await taxiiGet(`${root}/collections/shared-vn/manifest/`, partyToken)).json()) as Json;
    expect(manifest.objects.map((o: Json) => o.id)).not.toContain(amber!.id);
    // The local analyst sees everything in the collection.
    const local = (await (await taxiiGet(`${objectsUrl(shared)}${red!.id}/`, analystToken)).json()) as Json;
    expect(local.objects[0].id).toBe(red!.id);
  });

  it('the party account may not use /api beyond its own settings, whatever its roles', async () => {
    for (const url of ['/api/intel/objects', '/api/cases', '/api/intel/taxii']) {
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(partyToken) });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'AUTH_PARTY_ACCOUNT_TAXII_ONLY', details: { party: 'vn-mps' } });
      expect(res.json().error.message.zh).toContain('TAXII');
    }
    // Its own account and tokens stay reachable, so the party can rotate its token.
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(partyToken) });
    expect(me.statusCode, me.body).toBe(200);
    // The web UI reads this to offer such an account its own settings only.
    expect(me.json()).toMatchObject({ boundParty: 'vn-mps', permissions: ['self'] });
    const local = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(analystToken) });
    expect(local.json().boundParty).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer(partyToken) })).statusCode).toBe(
      200,
    );
  });

  it('DELETE removes an object (all versions) for a writer only', async () => {
    const target = posted[2]!;
    await expectTaxiiError(
      await fetch(`${base}${objectsUrl(shared)}${target.id}/`, {
        method: 'DELETE',
        headers: { accept: TAXII, authorization: `Bearer ${partyToken}` },
      }),
      403,
    );
    const del = await fetch(`${base}${objectsUrl(shared)}${target.id}/`, {
      method: 'DELETE',
      headers: { accept: TAXII, authorization: `Bearer ${analystToken}` },
    });
    expect(del.status).toBe(200);
    await expectTaxiiError(await taxiiGet(`${objectsUrl(shared)}${target.id}/`, analystToken), 404);
  });

  it('serves collections under further API roots, each named in discovery only to callers who can see a collection in it', async () => {
    const admin = await t.userWith(['admin']);
    const create = async (payload: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/intel/collections',
        headers: bearer(admin.token),
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Json;
    };
    const partners = await create({
      title: 'Partner exchange',
      alias: 'partner-x',
      readers: ['vn-mps'],
      writers: ['vn-mps'],
      maxTlp: 'GREEN',
      apiRoot: 'partners',
    });
    expect(partners.apiRoot).toBe('partners');
    await create({ title: 'Internal research', readers: [], apiRoot: 'research' });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/intel/collections',
      headers: bearer(admin.token),
      payload: { title: 'x', apiRoot: 'Not A Root' },
    });
    expect(bad.statusCode).toBe(400);

    // Discovery: anonymously the default root only; the party also its partner root; a local analyst every root.
    const rootsOf = async (token?: string) =>
      ((await (await taxiiGet('/taxii2/', token)).json()) as Json).api_roots.map((u: string) => new URL(u).pathname);
    expect(await rootsOf()).toEqual(['/taxii2/api/']);
    expect(await rootsOf(partyToken)).toEqual(['/taxii2/api/', '/taxii2/partners/']);
    expect(await rootsOf(analystToken)).toEqual(['/taxii2/api/', '/taxii2/partners/', '/taxii2/research/']);
    const info = await taxiiGet('/taxii2/api/', analystToken);
    expect(info.status).toBe(200);
    expect(((await (await taxiiGet('/taxii2/partners/', partyToken)).json()) as Json).versions).toEqual([
      'application/taxii+json;version=2.1',
    ]);

    // Each root lists its own collections; a collection is not found under another root.
    const listed = (await (await taxiiGet('/taxii2/partners/collections/', partyToken)).json()) as Json;
    expect(listed.collections.map((c: Json) => c.id)).toEqual([partners.id]);
    await expectTaxiiError(await taxiiGet(`/taxii2/api/collections/${partners.id}/`, partyToken), 404);
    await expectTaxiiError(await taxiiGet(`/taxii2/partners/collections/${shared.id}/`, partyToken), 404);
    // A root the party may not know of, and one that does not exist, answer alike.
    await expectTaxiiError(await taxiiGet('/taxii2/research/', partyToken), 404);
    await expectTaxiiError(await taxiiGet('/taxii2/research/collections/', partyToken), 404);
    await expectTaxiiError(await taxiiGet('/taxii2/nowhere/', analystToken), 404);

    // Objects posted under the partner root, and the status resource is found under that root only.
    // A case already holds the domain the posted indicator names: the push correlates it.
    await t.ctx.db.transaction((tx) =>
      recordObservables(
        tx,
        t.ctx,
        { kind: 'case', id: 'case-40', label: 'CN-CASE-40' },
        [{ type: 'domain', value: 'phish-40.example.com' }],
        t.clock.now(),
      ),
    );
    const res = await taxiiPost('/taxii2/partners/collections/partner-x/objects/', partyToken, {
      objects: [indicator(40, { tlp: 'GREEN' })],
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const status = (await res.json()) as Json;
    expect((await taxiiGet(`/taxii2/partners/status/${status.id}/`, partyToken)).status).toBe(200);
    await expectTaxiiError(await taxiiGet(`/taxii2/api/status/${status.id}/`, partyToken), 404);
    const objects = (await (
      await taxiiGet('/taxii2/partners/collections/partner-x/objects/', partyToken)
    ).json()) as Json;
    expect(objects.objects.map((o: Json) => o.name)).toEqual(['Phishing domain 40']);
    const alerts = await t.ctx.db.query(
      `SELECT a_kind, a_id, b_kind, b_id FROM correlation_alerts WHERE a_id = 'case-40' OR b_id = 'case-40'`,
    );
    expect(alerts).toEqual([{ a_kind: 'case', a_id: 'case-40', b_kind: 'intel', b_id: partners.id }]);

    // The admin API names every root.
    const where = (
      await t.app.inject({ method: 'GET', url: '/api/intel/taxii', headers: bearer(analystToken) })
    ).json() as Json;
    expect(where.apiRoots.map((r: Json) => r.name)).toEqual(['api', 'partners', 'research']);
  });

  it('takes upper-case hex ids, finds objects by id in any case, and reads upper-case TLP markings', async () => {
    const id = 'indicator--5F0C8D3E-2A1B-4C6D-9E8F-7A6B5C4D3E2F';
    const red = {
      ...indicator(50),
      id: 'indicator--6A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D',
      object_marking_refs: ['marking-definition--E828B379-4E03-4974-9AC4-E53A884C97C1'],
    };
    const res = await taxiiPost(objectsUrl(shared), analystToken, { objects: [{ ...indicator(51), id }, red] });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ success_count: 2, failure_count: 0 });
    // A second POST of the same version written in lower case is already held.
    const again = await taxiiPost(objectsUrl(shared), analystToken, {
      objects: [{ ...indicator(51), id: id.toLowerCase() }],
    });
    expect(await again.json()).toMatchObject({ success_count: 1 });
    const count = await t.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM intel_objects WHERE lower(stix_id) = $1',
      [id.toLowerCase()],
    );
    expect(count[0]!.n).toBe(1);

    for (const asked of [id, id.toLowerCase()]) {
      const byMatch = (await (await taxiiGet(`${objectsUrl(shared)}?match[id]=${asked}`, analystToken)).json()) as Json;
      expect(byMatch.objects.map((o: Json) => o.id)).toEqual([id]); // stored as given
      const one = await taxiiGet(`${objectsUrl(shared)}${asked}/`, analystToken);
      expect(one.status).toBe(200);
      const versions = (await (await taxiiGet(`${objectsUrl(shared)}${asked}/versions/`, analystToken)).json()) as Json;
      expect(versions.versions).toHaveLength(1);
    }
    // RED by an upper-case marking id: never served to the party (max GREEN).
    await expectTaxiiError(await taxiiGet(`${objectsUrl(shared)}${red.id.toLowerCase()}/`, partyToken), 404);
    const seenByParty = (await (await taxiiGet(objectsUrl(shared), partyToken)).json()) as Json;
    expect(seenByParty.objects.map((o: Json) => o.id)).not.toContain(red.id);
    const rows = await t.ctx.db.query<{ tlp: string }>('SELECT tlp FROM intel_objects WHERE stix_id = $1', [red.id]);
    expect(rows[0]!.tlp).toBe('RED');

    // DELETE by the id in the other case removes it.
    const del = await fetch(`${base}${objectsUrl(shared)}${id.toLowerCase()}/`, {
      method: 'DELETE',
      headers: { accept: TAXII, authorization: `Bearer ${analystToken}` },
    });
    expect(del.status).toBe(200);
    await expectTaxiiError(await taxiiGet(`${objectsUrl(shared)}${id}/`, analystToken), 404);
  });
});
