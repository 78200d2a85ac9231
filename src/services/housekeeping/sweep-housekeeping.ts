// Removes state that has stopped mattering: expired sessions, rate-limit buckets idle long enough
// to be full again, sign-in backoff the rule has forgotten, screenshots no report claimed and
// temporary upload files a killed process left. Safe with several processes: each sweep is plain
// deletes of rows nobody needs. Run periodically by src/workers/housekeeping-worker.ts.
import type { ServiceContext } from '../context.js';
import { BUCKET_IDLE_MS } from '../public-report/take-rate-token.js';
import { sweepStagedUploads } from '../public-report/report-uploads.js';
import { sweepTempFiles } from '../../storage/temp-files.js';
import { loginBackoffPolicy } from '../../domain/user/login-throttle.js';
import { deleteStaleLoginBackoff } from '../../storage/repositories/login-throttle.repository.js';
import { deleteIdleBuckets } from '../../storage/repositories/rate-limit.repository.js';
import { deleteExpiredSessions } from '../../storage/repositories/user.repository.js';

/** `uploads`: screenshots no report claimed within the hour; `tempFiles`: uploads a killed process left half-written. */
export type Housekeeping = { sessions: number; buckets: number; uploads: number; tempFiles: number };

/** A temporary upload file older than this belongs to no request still running. */
const TEMP_FILE_MAX_AGE_MS = 6 * 3600_000;

export async function sweepHousekeeping(ctx: ServiceContext): Promise<Housekeeping> {
  const now = ctx.clock();
  const sessions = await deleteExpiredSessions(ctx.db, now);
  const buckets = await deleteIdleBuckets(ctx.db, new Date(now.getTime() - BUCKET_IDLE_MS));
  const forgetMs = loginBackoffPolicy(ctx.config.lockoutThreshold).forgetAfterMs;
  await deleteStaleLoginBackoff(ctx.db, new Date(now.getTime() - forgetMs));
  const uploads = await sweepStagedUploads(ctx);
  const tempFiles = await sweepTempFiles(ctx.config.dataDir, new Date(now.getTime() - TEMP_FILE_MAX_AGE_MS));
  return { sessions, buckets, uploads, tempFiles };
}
