// `crossline backup` / `crossline restore` with evidence in an S3 bucket (a real s3rver on 127.0.0.1):
// the backup carries every object under the evidence prefix as the same `file`/`data` entries a disk
// node writes; a restore puts them where the target node keeps evidence — its data dir, or its own
// bucket prefix — and serves them; a restore refuses a prefix that already holds evidence and
// removes what it wrote, in the bucket and on disk, when it fails; a changed object stops a backup.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ConfigInput } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { openNodeContext } from '../../src/node.js';
import { backupNode } from '../../src/services/backup/backup-node.js';
import { restoreNode } from '../../src/services/backup/restore-node.js';
import { openDb } from '../../src/storage/db.js';
import { listNodeFiles } from '../../src/storage/node-files.js';
import type { ObjectEntry, ObjectStore } from '../../src/storage/object-store/object-store.js';
import { objectStoreFor } from '../../src/storage/object-store/object-store-for.js';
import { BIN, crossline } from '../support/cli.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_PG_URL } from '../support/test-context.js';

/** The fields of backup lines these tests look at. */
type Line = { kind: string; path: string; base64: string; size: number; mode: number; files: number };
const backupLines = (file: string): Line[] =>
  gunzipSync(readFileSync(file))
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

const keysOf = async (store: ObjectStore): Promise<string[]> => {
  const out: ObjectEntry[] = [];
  for await (const o of store.list('evidence/')) out.push(o);
  return out.map((o) => o.key).sort();
};

describe('crossline backup and restore with evidence in S3', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'crossline-backup-s3-'));
  const file = path.join(work, 'node.clbk');
  const tag = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const schemas: string[] = [];
  let s3: TestS3;
  let t: TestApp;
  let lead: { token: string };
  let caseId: string;
  let items: { id: string; bytes: Buffer }[];
  let masterKeyFile: string;

  /** A fresh target data dir holding only the node's master key (supplied apart from the backup). */
  const target = (name: string) => {
    const dir = path.join(work, name);
    mkdirSync(path.join(dir, 'keys'), { recursive: true });
    copyFileSync(masterKeyFile, path.join(dir, 'keys', 'master.key'));
    return dir;
  };
  const schema = (name: string) => {
    const s = `t_${name}_${tag}`;
    schemas.push(s);
    return s;
  };
  const s3Store = (prefix: string) => objectStoreFor(loadConfig({ dataDir: work, ...s3.config(prefix) }, {}));

  /** Opens the restored node as a process would and downloads every item over HTTP, checking its custody chain. */
  async function servesAll(overrides: Partial<ConfigInput>): Promise<void> {
    const ctx = await openNodeContext(loadConfig({ nodeId: 'cn-test', logLevel: 'silent', ...overrides }, {}), {
      clock: t.clock.now,
      logger: pino({ level: 'silent' }),
    });
    const app = await buildApp({ ctx });
    try {
      for (const item of items) {
        const down = await app.inject({
          method: 'GET',
          url: `/api/cases/${caseId}/evidence/${item.id}/content`,
          headers: bearer(lead.token),
        });
        expect(down.statusCode, down.body).toBe(200);
        expect(down.rawPayload.equals(item.bytes)).toBe(true);
        const chain = (
          await app.inject({
            method: 'GET',
            url: `/api/cases/${caseId}/evidence/${item.id}/custody`,
            headers: bearer(lead.token),
          })
        ).json() as { verification: { ok: boolean } };
        expect(chain.verification.ok).toBe(true);
      }
    } finally {
      await app.close();
      await ctx.db.close();
    }
  }

  beforeAll(async () => {
    s3 = await startTestS3();
    t = await createTestApp('postgres', s3.config('source'));
    masterKeyFile = path.join(t.dataDir, 'keys', 'master.key');
    lead = await t.userWith(['investigator']);
    const kase = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(lead.token),
      payload: { title: { en: 'Bucket-backed case', zh: '对象存储中的案件' }, crimeCategories: ['online_fraud'] },
    });
    expect(kase.statusCode, kase.body).toBe(201);
    caseId = kase.json().id;
    items = [];
    for (const size of [50_000, 1_500_000]) {
      const bytes = Buffer.concat([Buffer.from('截图 screenshot\n'), randomBytes(size)]);
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/evidence`,
        query: { filename: 'capture.bin', mediaType: 'application/octet-stream' },
        headers: { ...bearer(lead.token), 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
      expect(up.statusCode, up.body).toBe(201);
      items.push({ id: up.json().id, bytes });
    }
  }, 60_000);

  afterAll(async () => {
    const pg = await openDb({ dataDir: work, databaseUrl: TEST_PG_URL });
    for (const s of schemas) await pg.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined);
    await pg.close();
    await t?.cleanup();
    await s3?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('includes every object under the evidence prefix as evidence/… file entries, and no local evidence directory', async () => {
    // A file left in the data dir from before the node moved to S3 is not the node's evidence any more.
    mkdirSync(path.join(t.dataDir, 'evidence', caseId), { recursive: true });
    writeFileSync(path.join(t.dataDir, 'evidence', caseId, items[0]!.id), 'stale copy from disk days');
    const s = await backupNode({
      dataDir: t.dataDir,
      databaseUrl: t.ctx.config.databaseUrl,
      schema: t.ctx.config.databaseSchema,
      nodeId: 'cn-test',
      out: file,
      objectStore: objectStoreFor(t.ctx.config),
    });
    const lines = backupLines(file);
    const entries = lines.filter((l) => l.kind === 'file' && l.path.startsWith('evidence/'));
    expect(entries.map((l) => l.path).sort()).toEqual(items.map((i) => `evidence/${caseId}/${i.id}`).sort());
    for (const item of items) {
      const key = `evidence/${caseId}/${item.id}`;
      const data = Buffer.concat(
        lines.filter((l) => l.kind === 'data' && l.path === key).map((l) => Buffer.from(l.base64, 'base64')),
      );
      expect(data.equals(readFileSync(s3.objectFile(`source/${key}`))), key).toBe(true);
      expect(entries.find((l) => l.path === key)).toMatchObject({ size: item.bytes.length, mode: 0o600 });
    }
    expect(
      lines.filter((l) => l.kind === 'data' && l.path === `evidence/${caseId}/${items[1]!.id}`).length,
    ).toBeGreaterThan(1); // chunked
    expect(s.files).toBe(lines.filter((l) => l.kind === 'file').length);
    expect(lines.at(-1)).toMatchObject({ kind: 'trailer', files: s.files });
    rmSync(path.join(t.dataDir, 'evidence'), { recursive: true, force: true });
  });

  it('restores into a fresh data dir with disk storage, which serves the items', async () => {
    const dir = target('disk-copy');
    const into = schema('disk');
    const s = await restoreNode({ file, dataDir: dir, databaseUrl: TEST_PG_URL, schema: into, env: {} });
    expect(s.audit).toMatchObject({ ok: true });
    for (const item of items) {
      expect(
        readFileSync(path.join(dir, 'evidence', caseId, item.id)).equals(
          readFileSync(s3.objectFile(`source/evidence/${caseId}/${item.id}`)),
        ),
      ).toBe(true);
    }
    await servesAll({ dataDir: dir, databaseUrl: TEST_PG_URL, databaseSchema: into });
  });

  it("restores into the target node's own bucket prefix, which serves the items; a prefix holding evidence is refused", async () => {
    const dir = target('s3-copy');
    const copy = s3Store('copy');
    const into = schema('s3');
    const s = await restoreNode({
      file,
      dataDir: dir,
      databaseUrl: TEST_PG_URL,
      schema: into,
      objectStore: copy,
      env: {},
    });
    expect(s.audit).toMatchObject({ ok: true });
    expect(await keysOf(copy)).toEqual(items.map((i) => `evidence/${caseId}/${i.id}`).sort());
    expect(existsSync(path.join(dir, 'evidence'))).toBe(false);
    await servesAll({ dataDir: dir, databaseUrl: TEST_PG_URL, databaseSchema: into, ...s3.config('copy') });

    const again = target('s3-again');
    await expect(
      restoreNode({
        file,
        dataDir: again,
        databaseUrl: TEST_PG_URL,
        schema: schema('again'),
        objectStore: copy,
        env: {},
      }),
    ).rejects.toMatchObject({
      code: 'RESTORE_TARGET_NOT_EMPTY',
      details: { where: expect.stringContaining(`s3://${s3.bucket}/copy/`) },
    });
    expect(existsSync(path.join(again, 'crossline.json'))).toBe(false);
  });

  it('removes the objects and files it wrote when a restore fails part-way', async () => {
    const dir = target('failing');
    const real = s3Store('failing');
    let puts = 0;
    // The real bucket, with the second upload failing as a dropped connection would.
    const failing: ObjectStore = {
      ...real,
      async put(key, bytes) {
        puts += 1;
        if (puts === 2) throw new Error('connection reset');
        await real.put(key, bytes);
      },
    };
    const into = schema('failing');
    await expect(
      restoreNode({ file, dataDir: dir, databaseUrl: TEST_PG_URL, schema: into, objectStore: failing, env: {} }),
    ).rejects.toThrow(/connection reset/);
    expect(puts).toBe(2);
    expect(await keysOf(real)).toEqual([]);
    expect(await listNodeFiles(dir)).toEqual([]);
    const db = await openDb({ dataDir: dir, databaseUrl: TEST_PG_URL, schema: into });
    try {
      const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_evidence');
      expect(n!.n).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('runs as the real CLI: S3 settings from crossline.json for the backup and from the environment for the restore', async () => {
    const configFile = path.join(t.dataDir, 'crossline.json');
    writeFileSync(
      configFile,
      JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), ...s3.config('source') }),
    );
    const out = path.join(work, 'cli.clbk');
    const backup = await crossline('backup', '--data-dir', t.dataDir, '--out', out);
    expect(backup.code, backup.stderr).toBe(0);
    const paths = backupLines(out)
      .filter((l) => l.kind === 'file')
      .map((l) => l.path);
    expect(paths).toEqual(expect.arrayContaining(items.map((i) => `evidence/${caseId}/${i.id}`)));

    const dir = target('cli-copy');
    const env = {
      ...process.env,
      CROSSLINE_LOG_LEVEL: 'warn',
      CROSSLINE_DATABASE_SCHEMA: schema('cli'),
      CROSSLINE_OBJECT_STORE: 's3',
      CROSSLINE_S3_BUCKET: s3.bucket,
      CROSSLINE_S3_ENDPOINT: s3.endpoint,
      CROSSLINE_S3_REGION: 'us-east-1',
      CROSSLINE_S3_PREFIX: 'cli-copy',
    };
    const restore = await promisify(execFile)(
      'node',
      [BIN, 'restore', out, '--data-dir', dir, '--database-url', TEST_PG_URL],
      { env },
    );
    expect(restore.stdout).toContain(`evidence in / 证据位于 s3://${s3.bucket}/cli-copy/`);
    expect(restore.stdout).toMatch(/audit log intact/);
    expect(await keysOf(s3Store('cli-copy'))).toEqual(items.map((i) => `evidence/${caseId}/${i.id}`).sort());
  }, 60_000);

  it('stops, naming the object, when an object no longer matches its checksum', async () => {
    const key = `evidence/${caseId}/${items[0]!.id}`;
    const object = s3.objectFile(`source/${key}`);
    const bytes = readFileSync(object);
    bytes[0] = bytes[0]! ^ 0x01;
    writeFileSync(object, bytes);
    const out = path.join(work, 'tampered.clbk');
    await expect(
      backupNode({
        dataDir: t.dataDir,
        databaseUrl: t.ctx.config.databaseUrl,
        schema: t.ctx.config.databaseSchema,
        nodeId: 'cn-test',
        out,
        objectStore: objectStoreFor(t.ctx.config),
      }),
    ).rejects.toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED', details: { key, reason: 'mismatch' } });
    expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false);
  });
});
