// The test run's embedded PostgreSQL server: one server for the whole run (started by the global
// setup, test/support/global-setup.ts), a database migrated once as a template, and a fresh copy of
// it per test context — `CREATE DATABASE … TEMPLATE` copies files, far faster than migrating.
import pg from 'pg';

/** Set by the global setup: the server's maintenance URL (…/postgres); inherited by workers and their children. */
export const CLUSTER_ENV = 'CROSSLINE_TEST_CLUSTER_URL';
export const TEMPLATE_DB = 'crossline_template';

export function clusterAdminUrl(): string {
  const url = process.env[CLUSTER_ENV];
  if (!url)
    throw new Error(
      `${CLUSTER_ENV} is not set: run the tests through vitest (its global setup starts the test cluster)`,
    );
  return url;
}

/** URL of database `name` on the test cluster. */
export function clusterDbUrl(name: string): string {
  const url = new URL(clusterAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

let admin: Promise<pg.Pool> | undefined;

function adminPool(): Promise<pg.Pool> {
  admin ??= (async () => {
    const pool = new pg.Pool({ connectionString: clusterAdminUrl(), max: 2 });
    pool.on('error', () => undefined);
    return pool;
  })();
  return admin;
}

let counter = 0;

/** A new database copied from the migrated template; returns its name and URL. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  counter += 1;
  const name = `t_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 7)}`;
  const pool = await adminPool();
  // Copies of one template may not be made while another session uses the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await pool.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB} STRATEGY FILE_COPY`);
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt > 50) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { name, url: clusterDbUrl(name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  const pool = await adminPool();
  await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
