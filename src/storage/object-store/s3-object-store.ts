// Evidence ciphertext in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW …), so node processes on
// different hosts share one set of evidence. Each object carries the SHA-256 of its bytes as user
// metadata, written by `put` and checked by `get`: an object changed in the bucket is refused before
// it is decrypted. Credentials come from the AWS SDK's default chain (environment, shared config
// files, web identity, container or instance role), never from the node's configuration.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../../errors.js';
import {
  ObjectChecksumError,
  assertObjectKey,
  isObjectKey,
  type ObjectEntry,
  type ObjectStore,
} from './object-store.js';

export type S3StoreOptions = {
  bucket: string;
  /** Endpoint of an S3-compatible server; AWS's own when absent. */
  endpoint?: string;
  /** Falls back to the SDK's chain (AWS_REGION, the profile's `region`). */
  region?: string;
  /** Prepended to every key (`node-a` → `node-a/evidence/…`), so one bucket can hold several nodes. */
  prefix?: string;
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible servers need. */
  forcePathStyle?: boolean;
};

/** User metadata key (sent as `x-amz-meta-sha256`): hex SHA-256 of the stored bytes. */
const SHA256_META = 'sha256';

type Sdk = typeof import('@aws-sdk/client-s3');
type Connection = { sdk: Sdk; client: S3Client };

// Loaded on first use: nodes on disk storage (the default) and every CLI command would otherwise
// spend a noticeable part of their start-up loading the SDK.
let sdk: Promise<Sdk> | undefined;

export function createS3ObjectStore(o: S3StoreOptions): ObjectStore {
  const prefix = normalizePrefix(o.prefix);
  let connection: Promise<Connection> | undefined;
  const connect = () =>
    (connection ??= (sdk ??= import('@aws-sdk/client-s3')).then((s) => ({
      sdk: s,
      client: new s.S3Client({
        ...(o.region ? { region: o.region } : {}),
        ...(o.endpoint ? { endpoint: o.endpoint } : {}),
        forcePathStyle: o.forcePathStyle ?? o.endpoint !== undefined,
        // The SDK's default (CRC checksums on every upload, aws-chunked bodies) is refused by
        // S3-compatible servers that predate it; the stored SHA-256 below is our own end-to-end check.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        // The SDK waits forever by default; a stalled bucket must fail the request (503), not hang it.
        // An idle limit rather than a total one, so a large item on a slow link still goes through.
        requestHandler: { connectionTimeout: 5_000, socketTimeout: 60_000 },
      }),
    })));
  const Bucket = o.bucket;
  const objectKey = (key: string) => {
    assertObjectKey(key);
    return `${prefix}${key}`;
  };

  return {
    kind: 's3',
    location: `s3://${Bucket}/${prefix}`,
    async put(key, bytes) {
      const Key = objectKey(key);
      await unavailableOnError('put', key, async () => {
        const { sdk: s, client } = await connect();
        await client.send(
          new s.PutObjectCommand({
            Bucket,
            Key,
            Body: bytes,
            ContentLength: bytes.length,
            ContentType: 'application/octet-stream',
            Metadata: { [SHA256_META]: sha256Hex(bytes) },
          }),
        );
      });
    },
    async putFile(key, file) {
      const Key = objectKey(key);
      await unavailableOnError('put', key, async () => {
        const { sdk: s, client } = await connect();
        // Streamed from the file with its length known up front: the item is never held in memory.
        await client.send(
          new s.PutObjectCommand({
            Bucket,
            Key,
            Body: createReadStream(file.path),
            ContentLength: file.size,
            ContentType: 'application/octet-stream',
            Metadata: { [SHA256_META]: file.sha256 },
          }),
        );
      });
    },
    async get(key) {
      const Key = objectKey(key);
      const found = await unavailableOnError('get', key, async () => {
        const { sdk: s, client } = await connect();
        try {
          const res = await client.send(new s.GetObjectCommand({ Bucket, Key }));
          const body = res.Body ? Buffer.from(await res.Body.transformToByteArray()) : Buffer.alloc(0);
          return { body, sha256: res.Metadata?.[SHA256_META] };
        } catch (e) {
          if (isNotFound(e)) return null;
          throw e;
        }
      });
      if (!found) return null;
      if (!found.sha256) throw new ObjectChecksumError(key, 'missing');
      if (found.sha256.toLowerCase() !== sha256Hex(found.body)) throw new ObjectChecksumError(key, 'mismatch');
      return found.body;
    },
    async remove(key) {
      const Key = objectKey(key);
      await unavailableOnError('remove', key, async () => {
        const { sdk: s, client } = await connect();
        await client.send(new s.DeleteObjectCommand({ Bucket, Key }));
      });
    },
    async *list(listPrefix) {
      const { sdk: s, client } = await unavailableOnError('list', listPrefix, connect);
      const pages = s.paginateListObjectsV2({ client }, { Bucket, Prefix: `${prefix}${listPrefix}` });
      const iterator = pages[Symbol.asyncIterator]();
      for (;;) {
        const page = await unavailableOnError('list', listPrefix, () => iterator.next());
        if (page.done) return;
        for (const o of page.value.Contents ?? []) {
          const key = o.Key?.startsWith(prefix) ? o.Key.slice(prefix.length) : '';
          // Anything else put under the prefix by other tools is not the node's evidence.
          if (isObjectKey(key)) yield { key, size: o.Size ?? 0 } satisfies ObjectEntry;
        }
      }
    },
  };
}

/** '' stays '', anything else ends with exactly one '/'. */
export function normalizePrefix(prefix: string | undefined): string {
  const p = (prefix ?? '').replace(/\/+$/, '');
  return p ? `${p}/` : '';
}

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isNotFound(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404;
}

/**
 * A bucket that cannot be reached or refuses the node (network, credentials, permissions) makes the
 * evidence unavailable, not the request wrong: 503, with the SDK's error kept as the cause for the log.
 */
async function unavailableOnError<T>(operation: string, key: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new AppError('SERVICE_UNAVAILABLE', {
      message: {
        en: `The evidence object store could not be used (${operation}); try again later or check its settings.`,
        zh: `无法使用证据对象存储（${operation}）；请稍后重试或检查其设置。`,
      },
      details: { store: 's3', operation, key, reason: e instanceof Error ? e.name : 'unknown' },
      cause: e,
    });
  }
}
