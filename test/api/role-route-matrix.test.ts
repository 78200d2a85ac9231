// Walks every API route × every role: a role without the route's permission gets 403 before any
// work is done, a role with it is never refused for lack of permission, and nobody gets in anonymously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/shared/roles.js';
import { rolesHave } from '../../src/domain/user/permissions.js';
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
  afterAll(async () => { await t?.close(); });

  it('covers a real route table', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(10);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    for (const route of t.app.routeTable.filter((r) => r.permission !== 'public')) {
      const res = await t.app.inject({ method: route.method as 'GET', url: fillPath(route.url), payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it('gives each role exactly the routes its permissions allow', async () => {
    const checked: string[] = [];
    for (const route of t.app.routeTable.filter((r) => r.permission !== 'public' && r.permission !== 'self')) {
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: route.method as 'GET', url: fillPath(route.url), headers: bearer(tokens.get(role)!),
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
      for (const route of t.app.routeTable.filter((r) => r.method !== 'GET' && r.permission !== 'public' && r.permission !== 'self')) {
        await t.app.inject({ method: route.method as 'POST', url: fillPath(route.url), headers: bearer(tokens.get(role)!), payload: {} });
      }
    }
    const after = await t.ctx.db.query<{ seq: number }>('SELECT seq FROM audit_head');
    expect(after[0]!.seq).toBe(before[0]!.seq);
  });
});
