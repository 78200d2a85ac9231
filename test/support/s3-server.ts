// A real S3-speaking server for tests: s3rver (pure npm, objects kept as files in a temp dir) on a
// free 127.0.0.1 port, with one bucket. s3rver accepts only its fixed credentials (S3RVER/S3RVER); they
// are put in this process's environment, where the AWS SDK's default chain finds them, as a node
// finds its real ones (child `crossline` processes inherit them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { ConfigInput } from '../../src/config.js';

export type TestS3 = {
  endpoint: string;
  bucket: string;
  /** s3rver's directory: objects are files under `<dir>/<bucket>/<key>._S3rver_object`. */
  dir: string;
  /** The file in which s3rver keeps the object of a full bucket key (with the store's prefix). */
  objectFile(bucketKey: string): string;
  /** Options that point a test node's evidence at this server, under its own key prefix. */
  config(prefix?: string): Partial<ConfigInput>;
  stop(): Promise<void>;
};

export async function startTestS3(bucket = 'crossline-evidence'): Promise<TestS3> {
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  // No credentials lookup may ever fall through to the cloud instance-metadata address.
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    dir,
    objectFile: (bucketKey) => `${path.join(dir, bucket, ...bucketKey.split('/'))}._S3rver_object`,
    config: (prefix) => ({
      objectStore: 's3',
      s3Bucket: bucket,
      s3Endpoint: endpoint,
      s3Region: 'us-east-1',
      ...(prefix ? { s3Prefix: prefix } : {}),
    }),
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
