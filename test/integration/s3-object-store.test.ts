// The S3 object store against a real S3-speaking server (s3rver on 127.0.0.1): round trip, key
// prefixes that keep nodes apart in one bucket, and objects changed in the bucket refused on read.
import { createServer } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import {
  ObjectChecksumError,
  type ObjectEntry,
  type ObjectStore,
} from '../../src/storage/object-store/object-store.js';
import { objectStoreFor } from '../../src/storage/object-store/object-store-for.js';
import { createS3ObjectStore } from '../../src/storage/object-store/s3-object-store.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';

const all = async (store: ObjectStore, prefix: string): Promise<ObjectEntry[]> => {
  const out: ObjectEntry[] = [];
  for await (const o of store.list(prefix)) out.push(o);
  return out.sort((a, b) => a.key.localeCompare(b.key));
};

/** A 127.0.0.1 port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('S3 object store (s3rver)', () => {
  let s3: TestS3;
  let store: ObjectStore;
  let raw: S3Client;
  beforeAll(async () => {
    s3 = await startTestS3();
    store = createS3ObjectStore({ bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1', prefix: 'node-a' });
    raw = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  });
  afterAll(async () => {
    raw?.destroy();
    await s3?.stop();
  });

  it('puts, gets, lists and removes objects under its key prefix', async () => {
    expect(store.kind).toBe('s3');
    expect(store.location).toBe(`s3://${s3.bucket}/node-a/`);
    const bytes = Buffer.concat([Buffer.from('ciphertext'), Buffer.alloc(2 * 1024 * 1024 + 17, 0xab)]); // past the SDK's 100-continue threshold
    await store.put('evidence/case-1/ev-1', bytes);
    await store.put('evidence/case-1/ev-2', Buffer.from('two'));
    await store.put('evidence/case-2/ev-3', Buffer.from('three'));
    expect(readFileSync(s3.objectFile('node-a/evidence/case-1/ev-1')).equals(bytes)).toBe(true);
    expect((await store.get('evidence/case-1/ev-1'))!.equals(bytes)).toBe(true);
    expect(await all(store, 'evidence/')).toEqual([
      { key: 'evidence/case-1/ev-1', size: bytes.length },
      { key: 'evidence/case-1/ev-2', size: 3 },
      { key: 'evidence/case-2/ev-3', size: 5 },
    ]);
    expect((await all(store, 'evidence/case-2/')).map((o) => o.key)).toEqual(['evidence/case-2/ev-3']);

    // Another node's prefix in the same bucket sees none of it.
    const other = createS3ObjectStore({
      bucket: s3.bucket,
      endpoint: s3.endpoint,
      region: 'us-east-1',
      prefix: 'node-b/',
    });
    expect(await all(other, 'evidence/')).toEqual([]);
    expect(await other.get('evidence/case-1/ev-2')).toBeNull();

    await store.put('evidence/case-1/ev-2', Buffer.from('replaced'));
    expect((await store.get('evidence/case-1/ev-2'))!.toString()).toBe('replaced');
    await store.remove('evidence/case-1/ev-2');
    await store.remove('evidence/case-1/ev-2'); // removing twice is not an error
    expect(await store.get('evidence/case-1/ev-2')).toBeNull();
    expect((await all(store, 'evidence/case-1/')).map((o) => o.key)).toEqual(['evidence/case-1/ev-1']);
  });

  it('refuses an object changed in the bucket: other bytes, no checksum, or a checksum that does not match', async () => {
    const key = 'evidence/case-t/ev-t';
    await store.put(key, Buffer.from('sealed bytes of the item'));

    // Changed on the server's disk, behind S3's back.
    const file = s3.objectFile(`node-a/${key}`);
    const bytes = readFileSync(file);
    bytes[3] = bytes[3]! ^ 0x01;
    writeFileSync(file, bytes);
    await expect(store.get(key)).rejects.toMatchObject({ name: 'ObjectChecksumError', key, reason: 'mismatch' });

    // Overwritten through the S3 API by someone who does not set the checksum …
    await raw.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `node-a/${key}`, Body: Buffer.from('other bytes') }));
    await expect(store.get(key)).rejects.toMatchObject({ reason: 'missing' });
    // … or who copies the old checksum over new bytes.
    await store.put(key, Buffer.from('sealed bytes of the item'));
    const head = await raw.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `node-a/${key}` }));
    expect(head.Metadata?.sha256).toMatch(/^[0-9a-f]{64}$/);
    await raw.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: `node-a/${key}`,
        Body: Buffer.from('forged bytes'),
        Metadata: { sha256: head.Metadata!.sha256! },
      }),
    );
    const refused = await store.get(key).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ObjectChecksumError);
    expect(refused).toMatchObject({ reason: 'mismatch' });
  });

  it('lists only evidence keys and refuses keys that are not evidence/<caseId>/<evidenceId>', async () => {
    await raw.send(
      new PutObjectCommand({ Bucket: s3.bucket, Key: 'node-a/evidence/readme.txt', Body: 'not evidence' }),
    );
    expect((await all(store, 'evidence/')).map((o) => o.key)).not.toContain('evidence/readme.txt');
    for (const key of ['../x', 'evidence/../../x', 'evidence/a/b/c', 'keys/master.key']) {
      await expect(store.put(key, Buffer.from('x')), key).rejects.toThrow(/bad evidence storage key/);
      await expect(store.get(key), key).rejects.toThrow(/bad evidence storage key/);
    }
  });

  it('answers 503 SERVICE_UNAVAILABLE, in both languages, when the server cannot be reached', async () => {
    const down = createS3ObjectStore({
      bucket: s3.bucket,
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      region: 'us-east-1',
    });
    const e = await down.get('evidence/case-1/ev-1').catch((err: unknown) => err);
    expect(e).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, details: { store: 's3', operation: 'get' } });
    expect((e as { bilingual: { zh: string } }).bilingual.zh).toMatch(/对象存储/);
  }, 30_000);

  it('is made once per configuration object, from the node settings', async () => {
    const config = loadConfig({ dataDir: s3.dir, ...s3.config('node-c') }, {});
    const a = objectStoreFor(config);
    expect(objectStoreFor(config)).toBe(a);
    expect(a.location).toBe(`s3://${s3.bucket}/node-c/`);
    await a.put('evidence/case-c/ev-c', Buffer.from('via config'));
    expect((await a.get('evidence/case-c/ev-c'))!.toString()).toBe('via config');
    expect(objectStoreFor(loadConfig({ dataDir: s3.dir }, {})).kind).toBe('disk');
  });
});
