// Fetches the membership directory a node serves (`{endpoint}/federation/v1/directory`) under the
// card fetch's rules: the host named only, no redirect, a capped body, one answer for every failure.
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import { fetchPublicJson } from './card-fetch.js';

export const DIRECTORY_PATH = '/federation/v1/directory';

export function directoryUrlOf(endpointOrUrl: string): string {
  const trimmed = endpointOrUrl.replace(/\/+$/, '');
  return trimmed.endsWith(DIRECTORY_PATH) ? trimmed : `${trimmed}${DIRECTORY_PATH}`;
}

export async function fetchDirectory(endpointOrUrl: string, timeoutMs: number, logger?: Logger): Promise<unknown> {
  const url = directoryUrlOf(endpointOrUrl);
  return fetchPublicJson(
    url,
    timeoutMs,
    logger,
    () => new AppError('FED_DIRECTORY_FETCH_FAILED', { details: { url } }),
  );
}
