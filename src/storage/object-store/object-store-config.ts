// Object-store options of the node configuration (spread into ZConfigSchema in src/config.ts), each
// with its environment variable. Credentials are deliberately not among them: the S3 client reads the
// standard AWS variables and files, so no secret is written to crossline.json.
import { z } from 'zod';

export const OBJECT_STORE_CONFIG = {
  /** Where evidence ciphertext is kept: `disk` (`<dataDir>/evidence`) or `s3` (a bucket every node process reaches). */
  objectStore: z.enum(['disk', 's3']).default('disk'),
  /** Bucket of the S3 store (required with objectStore `s3`). */
  s3Bucket: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/, 'not a bucket name')
    .optional(),
  /** Endpoint of an S3-compatible server (MinIO, Ceph RGW …); AWS when absent. Implies path-style addressing. */
  s3Endpoint: z.string().url().optional(),
  /** Region; when absent the AWS SDK's own (AWS_REGION, the profile's region). */
  s3Region: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, 'not a region name')
    .optional(),
  /** Key prefix inside the bucket, so several nodes can share one bucket (`cn-mps` → `cn-mps/evidence/…`). */
  s3Prefix: z
    .string()
    .regex(/^(?!\/)(?!.*\/\/)(?!(?:.*\/)?\.\.?(?:\/|$))[A-Za-z0-9!_.*'()/-]{0,512}$/, 'not a key prefix')
    .optional(),
  /** Path-style addressing (`endpoint/bucket/key`); default: on with s3Endpoint, off for AWS. */
  s3ForcePathStyle: z.union([z.boolean(), z.stringbool()]).optional(),
};

export const OBJECT_STORE_ENV = {
  CROSSLINE_OBJECT_STORE: 'objectStore',
  CROSSLINE_S3_BUCKET: 's3Bucket',
  CROSSLINE_S3_ENDPOINT: 's3Endpoint',
  CROSSLINE_S3_REGION: 's3Region',
  CROSSLINE_S3_PREFIX: 's3Prefix',
  CROSSLINE_S3_FORCE_PATH_STYLE: 's3ForcePathStyle',
} as const satisfies Record<string, keyof typeof OBJECT_STORE_CONFIG>;

type ObjectStoreOptions = { objectStore: 'disk' | 's3'; s3Bucket?: string };

/** Combinations no single option can refuse on its own: an S3 store needs its bucket. */
export function checkObjectStoreConfig(c: ObjectStoreOptions, ctx: z.RefinementCtx): void {
  if (c.objectStore === 's3' && !c.s3Bucket) {
    ctx.addIssue({
      code: 'custom',
      path: ['s3Bucket'],
      message: 'required when objectStore is s3 (CROSSLINE_S3_BUCKET)',
    });
  }
}
