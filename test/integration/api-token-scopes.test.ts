// API tokens with a scope and an expiry (security review item 7): read_only (GET/HEAD only),
// taxii_only (the /taxii2/ routes only) or full; 90 days unless asked otherwise, never more than
// apiTokenMaxDays; a token cannot mint a token with more scope or a longer life; a password reset or
// disabling the user revokes every token of the user; tokens made before scopes existed are migrated.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../src/storage/migrate.js';
import { openDb } from '../../src/storage/db.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES, TEST_PG_URL } from '../support/test-context.js';

const TAXII = 'application/taxii+json;version=2.1';
const DAY = 86_400_000;
type Token = { id: string; token: string; scope: string; expiresAt: string; revokedAt: string | null };

describe.each(STORES)('API token scopes and expiry (%s)', (store) => {
  let t: TestApp;
  let admin: { token: string; userId: string };
  let collectionId = '';
  beforeAll(async () => {
    t = await createTestApp(store, { apiTokenMaxDays: 180 });
    admin = await t.userWith(['admin']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/intel/collections',
      headers: bearer(admin.token),
      payload: { title: 'Shared', alias: 'shared-scopes', readers: [], writers: [], maxTlp: 'AMBER' },
    });
    expect(res.statusCode, res.body).toBe(201);
    collectionId = res.json().id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const mint = async (credential: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(credential), payload });
  const tokenOf = async (credential: string, payload: object): Promise<Token> => {
    const res = await mint(credential, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Token;
  };
  const taxii = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { ...bearer(token), accept: TAXII, ...(payload ? { 'content-type': TAXII } : {}) },
      ...(payload ? { payload: JSON.stringify(payload) } : {}),
    });
  const objects = () => `/taxii2/api/collections/${collectionId}/objects/`;

  it('gives a new token a scope (full by default) and an expiry (90 days by default), shown in the list; refuses more than apiTokenMaxDays', async () => {
    const u = await t.userWith(['analyst']);
    const plain = await tokenOf(u.token, { name: 'default' });
    expect(plain.scope).toBe('full');
    expect(new Date(plain.expiresAt).getTime()).toBe(t.clock.now().getTime() + 90 * DAY);
    const reader = await tokenOf(u.token, { name: 'reader', scope: 'read_only', expiresInDays: 30 });
    expect(reader.scope).toBe('read_only');
    expect(new Date(reader.expiresAt).getTime()).toBe(t.clock.now().getTime() + 30 * DAY);
    const list = (await t.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer(u.token) })).json()
      .items as Token[];
    expect(list.find((x) => x.id === reader.id)).toMatchObject({ scope: 'read_only', expiresAt: reader.expiresAt });
    const tooLong = await mint(u.token, { name: 'forever', expiresInDays: 181 });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().error.code).toBe('AUTH_TOKEN_LIFETIME_TOO_LONG');
    expect(tooLong.json().error.message.zh).toBeTruthy();
    const badScope = await mint(u.token, { name: 'x', scope: 'admin' });
    expect(badScope.statusCode).toBe(400);
  });

  it('lets a read_only token read, on /api and over TAXII, and refuses every change with 403 AUTH_TOKEN_SCOPE', async () => {
    const u = await t.userWith(['analyst']);
    const { token } = await tokenOf(u.token, { name: 'reader', scope: 'read_only' });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
    const change = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: bearer(token),
      payload: { displayName: 'x' },
    });
    expect(change.statusCode).toBe(403);
    expect(change.json().error.code).toBe('AUTH_TOKEN_SCOPE');
    const revokeSelf = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(token) });
    expect(revokeSelf.statusCode).toBe(403);
    expect((await taxii(token, 'GET', objects())).statusCode).toBe(200);
    const push = await taxii(token, 'POST', objects(), { objects: [] });
    expect(push.statusCode).toBe(403);
    expect(push.json().error_code).toBe('AUTH_TOKEN_SCOPE');
  });

  it('confines a taxii_only token to /taxii2/', async () => {
    const u = await t.userWith(['analyst']);
    const { token } = await tokenOf(u.token, { name: 'feed', scope: 'taxii_only' });
    const api = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(api.statusCode).toBe(403);
    expect(api.json().error.code).toBe('AUTH_TOKEN_SCOPE');
    expect((await taxii(token, 'GET', objects())).statusCode).toBe(200);
    expect((await taxii(token, 'GET', '/taxii2/api/collections/')).statusCode).toBe(200);
  });

  it('keeps a token from minting a token with more scope or a longer life', async () => {
    const u = await t.userWith(['analyst']);
    const parent = await tokenOf(u.token, { name: 'parent', expiresInDays: 10 });
    const longer = await mint(parent.token, { name: 'child', expiresInDays: 30 });
    expect(longer.statusCode).toBe(422);
    expect(longer.json().error.code).toBe('AUTH_TOKEN_EXCEEDS_PARENT');
    // Without a lifetime, the child gets the default, cut to its parent's end.
    const child = await tokenOf(parent.token, { name: 'child', scope: 'read_only' });
    expect(child.expiresAt).toBe(parent.expiresAt);
    const shorter = await tokenOf(parent.token, { name: 'short', expiresInDays: 5, scope: 'taxii_only' });
    expect(shorter.scope).toBe('taxii_only');
    // Narrower tokens cannot mint at all (read_only: no POST; taxii_only: no /api).
    for (const narrow of [child.token, shorter.token]) {
      const res = await mint(narrow, { name: 'grandchild', scope: 'full' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH_TOKEN_SCOPE');
    }
  });

  it('revokes every token of a user whose password an admin resets, or whom an admin disables', async () => {
    for (const change of [{ password: 'a brand new password 1' }, { disabled: true }]) {
      const u = await t.userWith(['analyst']);
      const a = await tokenOf(u.token, { name: 'a' });
      const b = await tokenOf(u.token, { name: 'b', scope: 'taxii_only' });
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/users/${u.userId}`,
        headers: bearer(admin.token),
        payload: change,
      });
      expect(res.statusCode, res.body).toBe(200);
      if ('disabled' in change) {
        await t.app.inject({
          method: 'PATCH',
          url: `/api/users/${u.userId}`,
          headers: bearer(admin.token),
          payload: { disabled: false },
        });
      }
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(a.token) })).statusCode,
        JSON.stringify(change),
      ).toBe(401);
      expect((await taxii(b.token, 'GET', objects())).statusCode, JSON.stringify(change)).toBe(401);
      const listed = (await t.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer(admin.token) })).json()
        .items as (Token & { userId: string })[];
      for (const tok of listed.filter((x) => x.userId === u.userId)) expect(tok.revokedAt).not.toBeNull();
    }
  });

  it('ends a token at its expiry', async () => {
    const u = await t.userWith(['analyst']);
    const { token } = await tokenOf(u.token, { name: 'short', expiresInDays: 1 });
    t.clock.advance(DAY + 1000);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
    expect(res.statusCode).toBe(401);
  });
});

describe('tokens made before scopes existed', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossline-token-migration-'));
  const schema = `t_tokmig_${Date.now().toString(36)}`;
  afterAll(async () => {
    const db = await openDb({ dataDir, databaseUrl: TEST_PG_URL });
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('become full tokens with an expiry: 90 days from the upgrade when they had none, at most 365 days from it', async () => {
    const db = await openDb({ dataDir, databaseUrl: TEST_PG_URL, schema });
    try {
      const scopesMigration = listMigrations()
        .map((m) => m.name)
        .find((n) => /^13\d_api_token_scopes\.sql$/.test(n));
      expect(scopesMigration).toBeDefined();
      await migrate(
        db,
        new Set(
          listMigrations()
            .map((m) => m.name)
            .filter((n) => n < scopesMigration!),
        ),
      );
      await db.query(`INSERT INTO users (id, username, display_name, roles, password_hash, created_at, updated_at)
                      VALUES ('u1', 'old.user', 'Old', '{analyst}', 'x', now(), now())`);
      const token = (id: string, expires: string | null) =>
        db.query(
          `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, expires_at) VALUES ($1, 'u1', $1, $1, 'clt_x', now(), ${expires ?? 'NULL'})`,
          [id],
        );
      await token('never', null);
      await token('decade', `now() + interval '3650 days'`);
      await token('month', `now() + interval '30 days'`);
      await migrate(db);
      const rows = await db.query<{ id: string; scope: string; days: number }>(
        `SELECT id, scope, round(extract(epoch FROM expires_at - now()) / 86400)::int AS days FROM api_tokens ORDER BY id`,
      );
      expect(rows).toEqual([
        { id: 'decade', scope: 'full', days: 365 },
        { id: 'month', scope: 'full', days: 30 },
        { id: 'never', scope: 'full', days: 90 },
      ]);
    } finally {
      await db.close();
    }
  });
});
