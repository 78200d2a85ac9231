// Fetch client for the node's /api: cookie session, JSON in and out, and one error type carrying the
// API's stable code, bilingual message and per-field issues. `http` is typed by the OpenAPI document
// (generated/api.d.ts): paths, parameters, bodies and answers are checked at compile time.
import createClient from 'openapi-fetch';
import type { paths } from './generated/api';
export type Bilingual = { en: string; zh: string };
export type ApiIssue = { path: string; code: string; message: Bilingual };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Bilingual;
  readonly issues: ApiIssue[];
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    body: { code?: string; message?: Bilingual; issues?: ApiIssue[]; details?: Record<string, unknown> },
  ) {
    const messages = body.message ?? { en: `The server answered ${status}.`, zh: `服务器返回 ${status}。` };
    super(messages.en);
    this.status = status;
    this.code = body.code ?? 'INTERNAL';
    this.messages = messages;
    this.issues = body.issues ?? [];
    this.details = body.details ?? {};
  }

  get isUnauthenticated(): boolean {
    return this.status === 401 && (this.code === 'UNAUTHENTICATED' || this.code === 'AUTH_SESSION_EXPIRED');
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

let onUnauthenticated: (() => void) | null = null;

/** The session layer registers what to do when the server says the session is gone. */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

const NETWORK_ERROR = {
  code: 'NETWORK',
  message: {
    en: 'The node cannot be reached. Check the connection and retry.',
    zh: '无法连接节点，请检查网络后重试。',
  },
};

/** The API's error body as an ApiError; a lost session is reported to the session layer. */
function apiError(status: number, json: unknown, path: string): ApiError {
  const err = new ApiError(status, (json as { error?: object } | undefined)?.error ?? {});
  if (err.isUnauthenticated && !path.startsWith('/auth/login') && !path.startsWith('/api/auth/login'))
    onUnauthenticated?.();
  return err;
}

/** Typed client of the node's API: `await answer(http.GET('/api/requests/{id}', { params: { path: { id } } }))`. */
export const http = createClient<paths>({ credentials: 'same-origin', headers: { accept: 'application/json' } });
http.use({
  async onResponse({ response, request: req }) {
    if (response.ok) return undefined;
    const text = await response.clone().text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    throw apiError(response.status, json, new URL(req.url).pathname);
  },
  onError() {
    throw new ApiError(0, NETWORK_ERROR);
  },
});

/**
 * A filter bar's values as a route's query: empty fields are left out (the route would refuse an
 * empty enum value). The values are strings from the URL; the route's schema checks them.
 */
export function filterQuery<Q>(values: Record<string, string | number | undefined>): Q {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Q;
}

/** The success answer of a typed call (failures were thrown as ApiError by the client). */
export async function answer<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
  raw?: BodyInit,
  contentType?: string,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined = raw;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (raw !== undefined && contentType) {
    headers['content-type'] = contentType;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(`/api${path}`, query), { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, NETWORK_ERROR);
  }
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) throw apiError(res.status, json, path);
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** Raw upload (evidence files): the body is the file itself. */
  upload: <T>(path: string, file: Blob, query?: Query) =>
    request<T>('POST', path, undefined, query, file, 'application/octet-stream'),
};

/**
 * All pages of a list endpoint that answers `{ items }` and takes limit/offset, read through a typed
 * call: `listAll((range) => answer(http.GET('/api/calls', { params: { query: range } })))`.
 */
export async function listAll<T>(
  page: (range: { limit: number; offset: number }) => Promise<{ items: T[] }>,
  max = 2000,
): Promise<T[]> {
  const out: T[] = [];
  const limit = 500;
  for (let offset = 0; offset < max; offset += limit) {
    const { items } = await page({ limit, offset });
    out.push(...items);
    if (items.length < limit) break;
  }
  return out;
}
