// Evidence in an S3-compatible bucket shared by node processes on different hosts: one process (its
// own data dir) uploads through the HTTP API and goes away; another, with a different data dir, the
// same database and the same master key, serves the item with its chain of custody verified. An
// object changed in the bucket is refused (422) like a changed file on disk. The bucket is a real
// S3-speaking server (s3rver) on 127.0.0.1.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp, type App } from '../../src/http/app.js';
import { openNodeContext } from '../../src/node.js';
import type { ServiceContext } from '../../src/services/context.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';
import { STORES } from '../support/test-context.js';

type Custody = { events: { kind: string }[]; verification: { ok: boolean; length: number } };

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.stop();
});

describe.each(STORES)('evidence in S3 (%s)', (store) => {
  const prefix = `evidence-test-${store}`;
  let first: TestApp;
  let second: { ctx: ServiceContext; app: App; dataDir: string } | undefined;
  afterAll(async () => {
    await second?.app.close();
    await second?.ctx.db.close();
    if (second) rmSync(second.dataDir, { recursive: true, force: true });
    await first?.cleanup(); // drops the database both processes used
  });

  it('is served by another node process after the uploading one is gone, with an intact chain of custody', async () => {
    first = await createTestApp(store, s3.config(prefix));
    const lead = await first.userWith(['investigator']);
    const kase = await first.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: bearer(lead.token),
      payload: { title: { en: 'Shared storage', zh: '共享存储' }, crimeCategories: ['online_fraud'] },
    });
    expect(kase.statusCode, kase.body).toBe(201);
    const caseId = kase.json().id as string;
    const upload = async (bytes: Buffer) => {
      const res = await first.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/evidence`,
        query: { filename: 'ledger.csv', mediaType: 'text/csv' },
        headers: { ...bearer(lead.token), 'content-type': 'application/octet-stream' },
        payload: bytes,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    // Several MB: streamed from a temporary file into the bucket, never held whole in memory.
    const bytes = Buffer.concat([Buffer.from('账户,金额 account,amount\n'), randomBytes(6 * 1024 * 1024)]);
    const id = await upload(bytes);
    const tamperedId = await upload(randomBytes(1000));

    // Only ciphertext left the node, and nothing of it is on the uploader's disk.
    const object = readFileSync(s3.objectFile(`${prefix}/evidence/${caseId}/${id}`));
    expect(object.length).toBe(bytes.length);
    expect(object.includes(Buffer.from('account,amount'))).toBe(false);
    expect(existsSync(path.join(first.dataDir, 'evidence'))).toBe(false);
    expect(existsSync(path.join(first.dataDir, 'tmp')) ? readdirSync(path.join(first.dataDir, 'tmp')) : []).toEqual([]);

    // The first process stops and its host is gone; only the master key travels (the key ring may
    // still be a file in older data dirs).
    const keys = path.join(first.dataDir, 'keys');
    const masterKey = readFileSync(path.join(keys, 'master.key'));
    const ring = existsSync(path.join(keys, 'keyring.enc')) ? readFileSync(path.join(keys, 'keyring.enc')) : null;
    await first.app.close();
    await first.ctx.db.close();
    rmSync(first.dataDir, { recursive: true, force: true });

    // A second process on another host: its own data dir, the same database, bucket and master key.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'crossline-second-host-'));
    mkdirSync(path.join(dataDir, 'keys'), { mode: 0o700 });
    writeFileSync(path.join(dataDir, 'keys', 'master.key'), masterKey, { mode: 0o600 });
    if (ring) writeFileSync(path.join(dataDir, 'keys', 'keyring.enc'), ring, { mode: 0o600 });
    const config = loadConfig(
      {
        dataDir,
        nodeId: 'cn-test',
        logLevel: 'silent',
        databaseUrl: first.ctx.config.databaseUrl,
        databaseSchema: first.ctx.config.databaseSchema,
        ...s3.config(prefix),
      },
      {},
    );
    const ctx = await openNodeContext(config, { clock: first.clock.now, logger: pino({ level: 'silent' }) });
    const app = await buildApp({ ctx });
    await app.ready();
    second = { ctx, app, dataDir };
    const get = (url: string) =>
      app.inject({ method: 'GET', url: `/api/cases/${caseId}/evidence${url}`, headers: bearer(lead.token) });

    first.clock.advance(60_000);
    const down = await get(`/${id}/content`);
    expect(down.statusCode, down.body).toBe(200);
    expect(down.rawPayload.equals(bytes)).toBe(true);
    const chain = (await get(`/${id}/custody`)).json() as Custody;
    expect(chain.events.map((e) => e.kind)).toEqual(['collected', 'accessed']);
    expect(chain.verification).toMatchObject({ ok: true, length: 2 });
    expect(existsSync(path.join(dataDir, 'evidence'))).toBe(false);

    // An object changed in the bucket is refused like a changed file: 422, nothing recorded.
    const file = s3.objectFile(`${prefix}/evidence/${caseId}/${tamperedId}`);
    const changed = readFileSync(file);
    changed[10] = changed[10]! ^ 0x01;
    writeFileSync(file, changed);
    const refused = await get(`/${tamperedId}/content`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'EVIDENCE_INTEGRITY_FAILED', details: { reason: 'checksum' } });
    expect(refused.json().error.message.zh).toMatch(/完整性/);
    expect(((await get(`/${tamperedId}/custody`)).json() as Custody).events).toHaveLength(1);
  });
});
