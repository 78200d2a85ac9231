// Capped exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
// Jitter"): a random delay in [0, min(cap, base·2^(n-1))], so many senders retrying a recovered
// peer spread out instead of arriving together.
export function retryDelayMs(
  consecutiveFailures: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.min(30, Math.max(0, consecutiveFailures - 1)));
  return Math.floor(random() * exp);
}
