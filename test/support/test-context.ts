// Test nodes on either server: a fresh database on the test run's embedded PostgreSQL server (copied
// from a migrated template, fast) or a fresh schema in the system PostgreSQL (an external server,
// DATABASE_URL); a settable clock; cleanup removes everything. The context's data dir names its
// database in crossline.json, so a `crossline` command run on that data dir uses the same one.
import { registerInboundHandlers } from '../../src/federation/handlers/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type ConfigInput } from '../../src/config.js';
import type { ServiceContext } from '../../src/services/context.js';
import { loadNodeSecrets } from '../../src/services/federation/node-key-ring.js';
import { openDb } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';
import { createTestDatabase, dropTestDatabase } from './test-cluster.js';

/** `embedded`: a database on the test run's embedded server; `postgres`: a schema on the system PostgreSQL 15. */
export type StoreKind = 'embedded' | 'postgres';
export const STORES: StoreKind[] = ['embedded', 'postgres'];
export const TEST_PG_URL = process.env.CROSSLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Where a test node's data lives: a URL (and schema), and how to remove it afterwards. */
export type TestStore = { databaseUrl: string; databaseSchema?: string; drop(): Promise<void> };

export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'embedded') {
    const db = await createTestDatabase();
    return { databaseUrl: db.url, drop: () => dropTestDatabase(db.name) };
  }
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  return {
    databaseUrl: TEST_PG_URL,
    databaseSchema: schema,
    async drop() {
      const db = await openDb({ dataDir: tmpdir(), databaseUrl: TEST_PG_URL });
      try {
        await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await db.close();
      }
    },
  };
}

export type TestClock = { now(): Date; set(at: Date | string): void; advance(ms: number): void };

export function testClock(start = '2026-03-02T08:00:00.000Z'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export type TestContext = {
  ctx: ServiceContext;
  clock: TestClock;
  dataDir: string;
  /** Simulates a node restart: closes the store and opens it again (same data dir or schema, same clock). */
  reopen(): Promise<void>;
  cleanup(): Promise<void>;
};

export async function createTestContext(kind: StoreKind, overrides: Partial<ConfigInput> = {}): Promise<TestContext> {
  // As src/node.ts does when it composes a node: the inbox of any app built on this context dispatches to these.
  registerInboundHandlers();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossline-test-'));
  const store = await createTestStore(kind);
  const where = {
    databaseUrl: store.databaseUrl,
    ...(store.databaseSchema ? { databaseSchema: store.databaseSchema } : {}),
  };
  writeFileSync(
    path.join(dataDir, 'crossline.json'),
    JSON.stringify({ nodeId: overrides.nodeId ?? 'cn-test', ...where }),
    { mode: 0o600 },
  );
  const config = loadConfig({ dataDir, nodeId: 'cn-test', logLevel: 'silent', ...where, ...overrides }, {});
  const open = async () => {
    const db = await openDb({ dataDir, databaseUrl: config.databaseUrl, schema: config.databaseSchema });
    await migrate(db);
    return db;
  };
  const clock = testClock();
  const db = await open();
  const ctx: ServiceContext = {
    db,
    config,
    clock: clock.now,
    secrets: await loadNodeSecrets(db, dataDir, {}),
    logger: pino({ level: 'silent' }),
  };
  return {
    ctx,
    clock,
    dataDir,
    async reopen() {
      await ctx.db.close();
      ctx.db = await open();
      ctx.secrets = await loadNodeSecrets(ctx.db, dataDir, {});
    },
    async cleanup() {
      await ctx.db.close().catch(() => undefined);
      await store.drop().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
