// Vitest global setup: starts the test run's embedded PostgreSQL server (the product's own embedded
// server code, on a throwaway data dir) and migrates the template database every test context
// copies. fsync is off for this server only: nothing here must survive a power cut, and a node
// process killed by a test does not take the server down, so committed data stays visible.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDb } from '../../src/storage/db.js';
import { openEmbeddedServer } from '../../src/storage/embedded/embedded-server.js';
import { migrate } from '../../src/storage/migrate.js';
import { CLUSTER_ENV, TEMPLATE_DB } from './test-cluster.js';

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-test-cluster-'));
  const server = await openEmbeddedServer({
    dataDir: dir,
    settings: { fsync: 'off', full_page_writes: 'off', synchronous_commit: 'off', max_connections: '500' },
  });
  const admin = new pg.Client(server.adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const url = new URL(server.adminUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  const template = await openDb({ dataDir: dir, databaseUrl: url.toString() });
  await migrate(template);
  await template.close();
  process.env[CLUSTER_ENV] = server.adminUrl;
  return async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
