// A TAXII 2.1 client over fetch: discovery, API root, collections and paginated object reads
// (added_after, limit, more/next), with Bearer or Basic auth, a timeout per request and errors
// that name the URL, the HTTP status and the server's TAXII error title.
import { TAXII_MEDIA_TYPE } from './media-types.js';

export type TaxiiAuth =
  { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

export type TaxiiClientOptions = {
  auth: TaxiiAuth;
  timeoutMs?: number;
  /** Injected in tests to count requests; defaults to the global fetch. */
  fetch?: typeof fetch;
  pageSize?: number;
};

export type RemoteCollection = {
  id: string;
  title: string;
  description?: string;
  alias?: string;
  can_read: boolean;
  can_write: boolean;
  media_types?: string[];
};

export type ObjectsPage = {
  objects: Record<string, unknown>[];
  more: boolean;
  next?: string;
  /** X-TAXII-Date-Added-Last of the response, the watermark for the next incremental pull. */
  dateAddedLast?: string;
};

export class TaxiiClientError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    readonly taxiiTitle?: string,
  ) {
    super(message);
    this.name = 'TaxiiClientError';
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;

function authHeader(auth: TaxiiAuth): Record<string, string> {
  if (auth.kind === 'bearer') return { authorization: `Bearer ${auth.token}` };
  if (auth.kind === 'basic')
    return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
  return {};
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

export type TaxiiClient = {
  /** An API root URL from a discovery URL (its default root) or an API root URL itself. */
  resolveApiRoot(url: string): Promise<string>;
  collections(apiRoot: string): Promise<RemoteCollection[]>;
  /** A collection by id, alias or title, as the server lists it to this client. */
  findCollection(apiRoot: string, idAliasOrTitle: string): Promise<RemoteCollection>;
  objectsPage(
    apiRoot: string,
    collectionId: string,
    params: { addedAfter?: string; next?: string; limit?: number },
  ): Promise<ObjectsPage>;
  requestCount(): number;
};

export function createTaxiiClient(options: TaxiiClientOptions): TaxiiClient {
  const doFetch = options.fetch ?? fetch;
  let requests = 0;

  async function get(url: string): Promise<{ body: Record<string, unknown>; headers: Headers }> {
    requests += 1;
    let res: Response;
    try {
      res = await doFetch(url, {
        headers: { accept: TAXII_MEDIA_TYPE, ...authHeader(options.auth) },
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (e) {
      const timedOut = (e as Error).name === 'TimeoutError';
      throw new TaxiiClientError(
        timedOut
          ? `no answer within ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`
          : `cannot reach server: ${(e as Error).message}`,
        url,
      );
    }
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      if (res.ok) throw new TaxiiClientError('the answer is not JSON', url, res.status);
    }
    if (!res.ok) {
      const title = typeof body.title === 'string' ? body.title : undefined;
      throw new TaxiiClientError(`HTTP ${res.status}${title ? `: ${title}` : ''}`, url, res.status, title);
    }
    const type = res.headers.get('content-type') ?? '';
    if (!/^application\/taxii\+json/i.test(type))
      throw new TaxiiClientError(`unexpected content type "${type}"`, url, res.status);
    return { body, headers: res.headers };
  }

  const client: TaxiiClient = {
    async resolveApiRoot(url) {
      const { body } = await get(withSlash(url));
      if (Array.isArray(body.versions)) return withSlash(url);
      const root =
        typeof body.default === 'string' ? body.default : Array.isArray(body.api_roots) ? body.api_roots[0] : undefined;
      if (typeof root !== 'string')
        throw new TaxiiClientError('neither a discovery resource with an API root nor an API root', url);
      return withSlash(new URL(root, withSlash(url)).toString());
    },
    async collections(apiRoot) {
      const { body } = await get(`${withSlash(apiRoot)}collections/`);
      return Array.isArray(body.collections) ? (body.collections as RemoteCollection[]) : [];
    },
    async findCollection(apiRoot, wanted) {
      const all = await client.collections(apiRoot);
      const hit =
        all.find((c) => c.id === wanted) ?? all.find((c) => c.alias === wanted) ?? all.find((c) => c.title === wanted);
      if (!hit) throw new TaxiiClientError(`no collection "${wanted}" visible to this account`, apiRoot);
      if (!hit.can_read) throw new TaxiiClientError(`collection "${wanted}" is not readable by this account`, apiRoot);
      return hit;
    },
    async objectsPage(apiRoot, collectionId, params) {
      const url = new URL(`${withSlash(apiRoot)}collections/${encodeURIComponent(collectionId)}/objects/`);
      url.searchParams.set('limit', String(params.limit ?? options.pageSize ?? 500));
      // The filters of the first page repeat with `next`, as TAXII 2.1 pagination expects.
      if (params.addedAfter) url.searchParams.set('added_after', params.addedAfter);
      if (params.next) url.searchParams.set('next', params.next);
      const { body, headers } = await get(url.toString());
      const objects = Array.isArray(body.objects) ? (body.objects as Record<string, unknown>[]) : [];
      return {
        objects,
        more: body.more === true,
        ...(typeof body.next === 'string' ? { next: body.next } : {}),
        ...(headers.get('x-taxii-date-added-last') ? { dateAddedLast: headers.get('x-taxii-date-added-last')! } : {}),
      };
    },
    requestCount: () => requests,
  };
  return client;
}
