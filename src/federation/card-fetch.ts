// Fetches a node card over HTTP(S): from a full URL, or from a node's base endpoint
// (`{endpoint}/federation/v1/card`). The card proves itself (signature); the transport need not.
import { AppError } from '../errors.js';

export const CARD_PATH = '/federation/v1/card';
const MAX_CARD_BYTES = 256 * 1024;

export function cardUrlOf(endpointOrUrl: string): string {
  const trimmed = endpointOrUrl.replace(/\/+$/, '');
  return trimmed.endsWith(CARD_PATH) ? trimmed : `${trimmed}${CARD_PATH}`;
}

export async function fetchNodeCard(endpointOrUrl: string, timeoutMs: number): Promise<unknown> {
  const url = cardUrlOf(endpointOrUrl);
  if (!/^https?:\/\//.test(url)) throw new AppError('FED_CARD_FETCH_FAILED', { details: { url, reason: 'http(s) URL expected' } });
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new AppError('FED_CARD_FETCH_FAILED', { cause, details: { url, reason: cause instanceof Error ? cause.message : String(cause) } });
  }
  const text = await res.text();
  if (!res.ok || text.length > MAX_CARD_BYTES) {
    throw new AppError('FED_CARD_FETCH_FAILED', { details: { url, status: res.status } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new AppError('FED_CARD_FETCH_FAILED', { cause, details: { url, reason: 'not JSON' } });
  }
}
