// The CSRF rule for calls authenticated by the session cookie (browsers attach it on their own, also
// to requests another page makes): a state-changing request must come from the node's own origin,
// and carry any body in a type an HTML form cannot produce. Bearer calls never reach this: a page
// cannot make a browser add an Authorization header. Called from the auth plugin (auth.ts).
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a form (or a fetch without a CORS preflight) can send: `text/plain`, urlencoded, multipart. */
const FORM_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The node's own origins: the public URL's, and the one the request was addressed to (scheme and
 * Host, as the browser saw them when a trusted proxy forwards them). A page elsewhere cannot make
 * a browser send another site's name as Host, so the second is as safe as the first.
 */
export function ownOrigins(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): Set<string> {
  const own = new Set<string>();
  const pub = config.publicUrl ? originOf(config.publicUrl) : null;
  if (pub) own.add(pub);
  const addressed = originOf(`${request.protocol}://${request.host}`);
  if (addressed) own.add(addressed);
  return own;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function mediaType(request: FastifyRequest): string | null {
  const value = header(request, 'content-type');
  return value ? value.split(';')[0]!.trim().toLowerCase() : null;
}

function refuse(reason: string, value?: string): AppError {
  return new AppError('AUTH_CROSS_ORIGIN_REFUSED', {
    details: { reason, ...(value !== undefined ? { value: value.slice(0, 200) } : {}) },
  });
}

/** Throws unless a cookie-authenticated, state-changing request is provably the node's own page's. */
export function assertSameOriginCall(request: FastifyRequest, config: Pick<Config, 'publicUrl'>): void {
  if (!isStateChanging(request.method)) return;
  const site = header(request, 'sec-fetch-site');
  const origin = header(request, 'origin');
  const type = mediaType(request);
  // Sec-Fetch-Site is set by the browser itself; `same-site` is exactly another port of this host.
  if (site !== undefined && site !== 'same-origin') throw refuse('sec-fetch-site', site);
  if (origin !== undefined) {
    const o = originOf(origin);
    if (!o || !ownOrigins(request, config).has(o)) throw refuse('origin', origin);
  } else if (site === undefined && (type === null || FORM_TYPES.has(type))) {
    // No provenance at all (not a current browser): only a request no page can make without a CORS
    // preflight, which this node never grants, i.e. one with a non-form body type, passes.
    throw refuse('no-origin');
  }
  if (type !== null && FORM_TYPES.has(type)) {
    throw new AppError('AUTH_JSON_BODY_REQUIRED', { details: { contentType: type } });
  }
}
