// Fetches a node card over HTTP(S): from a full URL, or from a node's base endpoint
// (`{endpoint}/federation/v1/card`). The card proves itself (signature); the transport need not.
//
// The address comes from an admin (peer preview, add) or a stored peer (card refresh), so the fetch
// must not turn into a probe of the node's network: only http(s), only the host and port named (no
// redirects are followed), at most MAX_CARD_BYTES read, and every failure is one answer,
// FED_CARD_FETCH_FAILED without the low-level reason (refused, reset, timeout, TLS, HTTP status, not
// JSON), which would otherwise tell an open port from a closed one. The reason goes to the log only.
import type { Logger } from 'pino';
import { AppError } from '../errors.js';

export const CARD_PATH = '/federation/v1/card';
const MAX_CARD_BYTES = 256 * 1024;

export function cardUrlOf(endpointOrUrl: string): string {
  const trimmed = endpointOrUrl.replace(/\/+$/, '');
  return trimmed.endsWith(CARD_PATH) ? trimmed : `${trimmed}${CARD_PATH}`;
}

/** Why a fetch failed, for the log only (never sent to the caller). */
class CardFetchFailure extends Error {}

/** The one answer for every failure: the URL the caller gave, nothing about what happened there. */
function fetchFailed(url: string): AppError {
  return new AppError('FED_CARD_FETCH_FAILED', { details: { url } });
}

export async function fetchNodeCard(endpointOrUrl: string, timeoutMs: number, logger?: Logger): Promise<unknown> {
  const url = cardUrlOf(endpointOrUrl);
  return fetchPublicJson(url, timeoutMs, logger, () => fetchFailed(url));
}

/**
 * GETs a JSON document a node publishes (its card, its membership directory) under the same rules:
 * every failure is `failure()`, the reason goes to the log only.
 */
export async function fetchPublicJson(
  url: string,
  timeoutMs: number,
  logger: Logger | undefined,
  failure: () => AppError,
): Promise<unknown> {
  try {
    return await fetchCard(url, timeoutMs);
  } catch (e) {
    // Expected network trouble: one line at info level, without a stack trace.
    logger?.info({ url, reason: e instanceof Error ? e.message : String(e) }, 'federation document fetch failed');
    throw failure();
  }
}

async function fetchCard(url: string, timeoutMs: number): Promise<unknown> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CardFetchFailure('not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new CardFetchFailure(`scheme ${parsed.protocol} refused`);
  if (parsed.username || parsed.password) throw new CardFetchFailure('credentials in the URL refused');
  const res = await fetch(parsed, {
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/json' },
    // A redirect could point anywhere (another host, a port on the node's own network): never follow.
    redirect: 'manual',
  }).catch((cause: unknown) => {
    const code = (cause as { cause?: { code?: string } }).cause?.code;
    throw new CardFetchFailure(`${cause instanceof Error ? cause.message : String(cause)}${code ? ` (${code})` : ''}`);
  });
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => undefined);
    throw new CardFetchFailure(`HTTP ${res.status}`);
  }
  const text = await readCapped(res, MAX_CARD_BYTES);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CardFetchFailure('not JSON');
  }
}

/** The body as text, refusing (and cancelling) one larger than `max` bytes instead of buffering it. */
async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new CardFetchFailure(`card larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
