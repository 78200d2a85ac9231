// Walks every API route × every role: a role without the route's permission gets 403 before any
// work is done, a role with it is never refused for lack of permission, and nobody gets in anonymously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/shared/roles.js';
import { rolesHave } from '../../src/domain/user/permissions.js';
import { caseRolesAllowedFor } from '../../src/domain/case/index.js';
import { pdfText } from '../support/pdf-text.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';

const SAMPLE_ID = '01900000-0000-7000-8000-000000000000';
const fillPath = (url: string) => url.replace(/:[A-Za-z]+/g, SAMPLE_ID);

describe('role × route matrix', () => {
  let t: TestApp;
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    t = await createTestApp('embedded');
    for (const role of ROLES) tokens.set(role, (await t.userWith([role])).token);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('covers a real route table', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(10);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    for (const route of t.app.routeTable.filter((r) => r.permission !== 'public')) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: fillPath(route.url),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('gives each role exactly the routes its permissions allow', async () => {
    const checked: string[] = [];
    for (const route of t.app.routeTable.filter((r) => r.permission !== 'public' && r.permission !== 'self')) {
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: fillPath(route.url),
          headers: bearer(tokens.get(role)!),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const body = res.json() as { error?: { code: string; details?: { permission?: string } } };
        const deniedByRoute = res.statusCode === 403 && body.error?.details?.permission === route.permission;
        const label = `${role} → ${route.method} ${route.url} (${route.permission}) got ${res.statusCode}`;
        expect(deniedByRoute, label).toBe(!rolesHave([role], route.permission as never));
        expect(res.statusCode, label).toBeLessThan(500);
        checked.push(label);
      }
    }
    expect(checked.length).toBeGreaterThan(ROLES.length * 5);
  });

  it('keeps the auditor and read-only roles from changing anything', async () => {
    const before = await t.ctx.db.query<{ seq: number }>('SELECT seq FROM audit_head');
    for (const role of ['auditor', 'read_only'] as const) {
      for (const route of t.app.routeTable.filter(
        (r) => r.method !== 'GET' && r.permission !== 'public' && r.permission !== 'self',
      )) {
        await t.app.inject({
          method: route.method as 'POST',
          url: fillPath(route.url),
          headers: bearer(tokens.get(role)!),
          payload: {},
        });
      }
    }
    const after = await t.ctx.db.query<{ seq: number }>('SELECT seq FROM audit_head');
    expect(after[0]!.seq).toBe(before[0]!.seq);
  });
});

// Report routes of one case × every role × member or not: the report follows the case page's
// visibility rule (one function, caseAccess): members with case:read see content, an admin who is
// not a member sees the membership only, everyone else gets 404 — and never more than the page shows.
describe('report routes × role × case membership', () => {
  let t: TestApp;
  let caseId: string;
  const tokens = new Map<string, string>();
  const SECRET = /Operation Kestrel|红隼行动|undercover|卧底|kestrel@/i;
  beforeAll(async () => {
    t = await createTestApp('embedded');
    const lead = await t.userWith(['investigator']);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(lead.token),
      payload: {
        title: { en: 'Operation Kestrel', zh: '红隼行动' },
        summary: { en: 'An undercover officer', zh: '卧底警员' },
        crimeCategories: ['online_fraud'],
        tlp: 'RED',
        confidentiality: 'secret',
      },
    });
    caseId = created.json().id;
    await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/observables`,
      headers: bearer(lead.token),
      payload: { observables: [{ type: 'email', value: 'kestrel@example.org' }] },
    });
    for (const role of ROLES) {
      tokens.set(`${role}:outsider`, (await t.userWith([role])).token);
      const member = await t.userWith([role]);
      tokens.set(`${role}:member`, member.token);
      const added = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/actions`,
        headers: bearer(lead.token),
        payload: { action: 'add_member', userId: member.userId, caseRole: caseRolesAllowedFor([role]).at(-1) },
      });
      expect(added.statusCode, added.body).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers each role, member or not, what the case page would show it', async () => {
    const reportRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api/reports/cases/'));
    expect(reportRoutes.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/reports/cases/:id']);
    const checked: string[] = [];
    for (const role of ROLES) {
      for (const membership of ['member', 'outsider'] as const) {
        const headers = bearer(tokens.get(`${role}:${membership}`)!);
        const page = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers });
        const pageShowsContent = page.statusCode === 200 && page.json().access === 'full';
        for (const format of ['json', 'csv', 'pdf']) {
          const res = await t.app.inject({
            method: 'GET',
            url: `/api/reports/cases/${caseId}?format=${format}`,
            headers,
          });
          const label = `${role} (${membership}) → ${format} got ${res.statusCode}`;
          const text =
            format === 'pdf' && res.statusCode === 200
              ? await pdfText(res.rawPayload)
              : res.rawPayload.toString('utf8');
          if (!rolesHave([role], 'report:read')) {
            expect(res.statusCode, label).toBe(403);
          } else if (pageShowsContent) {
            expect(res.statusCode, label).toBe(200);
            expect(text, label).toMatch(/Kestrel/);
          } else if (role === 'admin') {
            // The membership, as on the page: no title, summary, categories, parties or content.
            expect(res.statusCode, label).toBe(200);
            expect(text, label).not.toMatch(SECRET);
          } else {
            expect(res.statusCode, label).toBe(404);
            expect(text, label).not.toMatch(SECRET);
          }
          expect(res.statusCode, label).toBeLessThan(500);
          checked.push(label);
        }
      }
    }
    expect(checked).toHaveLength(ROLES.length * 2 * 3);
  });
});
