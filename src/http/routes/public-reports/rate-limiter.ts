// Per-client-IP rate limits of the public routes, kept in this process's memory. Memory, not the
// database: a refused call must change nothing stored (and costs no write), and the public routes
// stay cheap under a flood. With several API processes each keeps its own buckets, so the limit a
// client meets is at most processes × capacity — documented in docs/public-report.md.
import { takeToken, type BucketPolicy, type BucketState } from '../../../domain/public-report/index.js';
import { AppError } from '../../../errors.js';

export const SUBMIT_POLICY: BucketPolicy = { capacity: 5, perSecond: 1 / 120 };
export const STATUS_POLICY: BucketPolicy = { capacity: 20, perSecond: 1 / 6 };

const MAX_CLIENTS = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, BucketState>();
  constructor(private readonly policy: BucketPolicy, private readonly now: () => number = Date.now) {}

  /** Takes one token for `client` or throws PUBLIC_REPORT_RATE_LIMITED with the seconds to wait. */
  take(client: string): void {
    const decision = takeToken(this.buckets.get(client), this.policy, this.now());
    // Re-inserting keeps the map in last-use order, so the oldest client is evicted first.
    this.buckets.delete(client);
    this.buckets.set(client, decision.state);
    if (this.buckets.size > MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value!);
    if (!decision.allowed) throw new AppError('PUBLIC_REPORT_RATE_LIMITED', { details: { retryAfterSeconds: decision.retryAfterSeconds } });
  }
}
