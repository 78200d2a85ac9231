// Typed fetch client for the node's /api: cookie session, JSON in and out, and one error type
// carrying the API's stable code, bilingual message and per-field issues.
export type Bilingual = { en: string; zh: string };
export type ApiIssue = { path: string; code: string; message: Bilingual };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Bilingual;
  readonly issues: ApiIssue[];
  readonly details: Record<string, unknown>;

  constructor(status: number, body: { code?: string; message?: Bilingual; issues?: ApiIssue[]; details?: Record<string, unknown> }) {
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

async function request<T>(method: string, path: string, body?: unknown, query?: Query, raw?: BodyInit, contentType?: string): Promise<T> {
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
    throw new ApiError(0, {
      code: 'NETWORK',
      message: { en: 'The node cannot be reached. Check the connection and retry.', zh: '无法连接节点，请检查网络后重试。' },
    });
  }
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const err = new ApiError(res.status, (json as { error?: object } | undefined)?.error ?? {});
    if (err.isUnauthenticated && !path.startsWith('/auth/login')) onUnauthenticated?.();
    throw err;
  }
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

/** All pages of a list endpoint that answers `{ items }` and takes limit/offset. */
export async function listAll<T>(path: string, query: Query = {}, max = 2000): Promise<T[]> {
  const out: T[] = [];
  const limit = 500;
  for (let offset = 0; offset < max; offset += limit) {
    const page = await api.get<{ items: T[] }>(path, { ...query, limit, offset });
    out.push(...page.items);
    if (page.items.length < limit) break;
  }
  return out;
}
