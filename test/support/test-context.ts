// Test nodes on either store: a fresh PGlite data dir (copied from a migrated template, fast) or a
// fresh schema in the local PostgreSQL; a settable clock; cleanup removes everything.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type ConfigInput } from '../../src/config.js';
import { loadOrCreateNodeSecrets } from '../../src/security/node-secrets.js';
import type { ServiceContext } from '../../src/services/context.js';
import { openDb } from '../../src/storage/db.js';
import { migrate } from '../../src/storage/migrate.js';

export type StoreKind = 'pglite' | 'postgres';
export const STORES: StoreKind[] = ['pglite', 'postgres'];
export const TEST_PG_URL = process.env.CROSSLINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestClock = { now(): Date; set(at: Date | string): void; advance(ms: number): void };

export function testClock(start = '2026-03-02T08:00:00.000Z'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => { current = new Date(at); },
    advance: (ms) => { current = new Date(current.getTime() + ms); },
  };
}

export type TestContext = {
  ctx: ServiceContext; clock: TestClock; dataDir: string;
  /** Simulates a node restart: closes the store and opens it again (same data dir or schema, same clock). */
  reopen(): Promise<void>;
  cleanup(): Promise<void>;
};

let template: Promise<string> | undefined;

/** One migrated PGlite data dir per test process; each test context starts from a copy of it. */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crossline-tpl-'));
    const db = await openDb({ dataDir: dir });
    await migrate(db);
    await db.close();
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  })();
  return template;
}

export async function createTestContext(kind: StoreKind, overrides: Partial<ConfigInput> = {}): Promise<TestContext> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossline-test-'));
  const schema = kind === 'postgres' ? `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}` : undefined;
  if (kind === 'pglite') {
    const tpl = await pgliteTemplate();
    cpSync(path.join(tpl, 'pglite'), path.join(dataDir, 'pglite'), { recursive: true });
  }
  const config = loadConfig({
    dataDir, nodeId: 'cn-test', logLevel: 'silent',
    ...(kind === 'postgres' ? { databaseUrl: TEST_PG_URL, databaseSchema: schema } : {}),
    ...overrides,
  }, {});
  const open = async () => {
    const db = await openDb({ dataDir, databaseUrl: config.databaseUrl, schema });
    await migrate(db);
    return db;
  };
  const clock = testClock();
  const ctx: ServiceContext = {
    db: await open(), config, clock: clock.now, secrets: loadOrCreateNodeSecrets(dataDir, {}), logger: pino({ level: 'silent' }),
  };
  return {
    ctx, clock, dataDir,
    async reopen() {
      await ctx.db.close();
      ctx.db = await open();
      ctx.secrets = loadOrCreateNodeSecrets(dataDir, {});
    },
    async cleanup() {
      if (kind === 'postgres') await ctx.db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await ctx.db.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
