// Small TAXII 2.1 servers written for the client tests, each paging the way some real server does
// (the spec leaves the `next` token and page size to the server): `distinct-next` (a new token
// per page), `same-next` (one token for every page of a query, the position kept server-side),
// `added-after-only` (no `next` at all: clients page with X-TAXII-Date-Added-Last as added_after)
// and `replay` (a broken server that answers the same page forever). Any of them can fail one
// objects request with a 500. Objects get distinct date_added values one second apart.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { indicator, type StixSample } from './stix-samples.js';

const TAXII = 'application/taxii+json;version=2.1';

export type FakePaging = 'distinct-next' | 'same-next' | 'added-after-only' | 'replay';

export type FakeTaxiiOptions = {
  paging: FakePaging;
  objects: number;
  /** Largest page the server hands out, whatever `limit` the client asks for. */
  pageCap?: number;
  /** 1-based number of the objects request that fails (once) with HTTP 500. */
  failRequest?: number;
};

export type FakeTaxiiServer = {
  /** Discovery URL (`…/taxii2/`). */
  url: string;
  collectionId: string;
  objects: StixSample[];
  /** date_added of each object, same order. */
  dateAdded: string[];
  /** Objects requests served (failed ones included), with their query strings. */
  requests: URLSearchParams[];
  /** Adds objects after the ones already there (later date_added). */
  add(count: number): void;
  close(): Promise<void>;
};

const COLLECTION_ID = '91a7b528-80eb-42ed-a74d-c6fbd5a26116';
const BASE_TIME = Date.parse('2026-03-01T00:00:00.000Z');

export async function startFakeTaxiiServer(options: FakeTaxiiOptions): Promise<FakeTaxiiServer> {
  const cap = options.pageCap ?? 100;
  const objects: StixSample[] = [];
  const dateAdded: string[] = [];
  const requests: URLSearchParams[] = [];
  // same-next: token → position of the next object to serve in that query's result list.
  const sessions = new Map<string, { list: number[]; pos: number }>();
  let queries = 0;

  const add = (count: number) => {
    for (let i = 0; i < count; i++) {
      const n = objects.length + 1;
      objects.push(indicator(n));
      dateAdded.push(new Date(BASE_TIME + n * 1000).toISOString());
    }
  };
  add(options.objects);

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': TAXII, ...headers });
    res.end(JSON.stringify(body));
  };
  const after = (addedAfter: string | null): number[] => {
    const t = addedAfter ? Date.parse(addedAfter) : -Infinity;
    return objects.map((_, i) => i).filter((i) => Date.parse(dateAdded[i]!) > t);
  };
  const page = (res: ServerResponse, indexes: number[], more: boolean, next?: string) => {
    const headers: Record<string, string> = indexes.length
      ? {
          'x-taxii-date-added-first': dateAdded[indexes[0]!]!,
          'x-taxii-date-added-last': dateAdded[indexes[indexes.length - 1]!]!,
        }
      : {};
    send(
      res,
      200,
      { more, ...(next ? { next } : {}), ...(indexes.length ? { objects: indexes.map((i) => objects[i]) } : {}) },
      headers,
    );
  };

  const objectsRequest = (res: ServerResponse, query: URLSearchParams) => {
    requests.push(query);
    if (options.failRequest === requests.length) {
      send(res, 500, { title: 'Internal server error', http_status: '500' });
      return;
    }
    const limit = Math.min(Number(query.get('limit') ?? cap) || cap, cap);
    const next = query.get('next');
    switch (options.paging) {
      case 'added-after-only': {
        const list = after(query.get('added_after'));
        page(res, list.slice(0, limit), list.length > limit);
        return;
      }
      case 'distinct-next': {
        // The token is the position in the (added_after-filtered) list; a new one on every page.
        const list = after(query.get('added_after'));
        const from = next ? Number(next.slice(1)) : 0;
        const more = list.length > from + limit;
        page(res, list.slice(from, from + limit), more, more ? `p${from + limit}` : undefined);
        return;
      }
      case 'same-next': {
        let session = next ? sessions.get(next) : undefined;
        let token = next ?? '';
        if (!session) {
          queries += 1;
          token = `query-${queries}`;
          session = { list: after(query.get('added_after')), pos: 0 };
          sessions.set(token, session);
        }
        const slice = session.list.slice(session.pos, session.pos + limit);
        session.pos += slice.length;
        const more = session.pos < session.list.length;
        // The same token on every page of the query, the last one included.
        page(res, slice, more, token);
        return;
      }
      case 'replay': {
        const list = after(query.get('added_after'));
        page(res, list.slice(0, limit), list.length > limit, 'again');
        return;
      }
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const base = `http://${req.headers.host}`;
    if (url.pathname === '/taxii2/') {
      send(res, 200, { title: 'Fake TAXII', default: `${base}/taxii2/api/`, api_roots: [`${base}/taxii2/api/`] });
    } else if (url.pathname === '/taxii2/api/') {
      send(res, 200, { title: 'Fake root', versions: [TAXII], max_content_length: 10_485_760 });
    } else if (url.pathname === '/taxii2/api/collections/') {
      send(res, 200, {
        collections: [
          { id: COLLECTION_ID, title: 'Remote indicators', alias: 'remote', can_read: true, can_write: false },
        ],
      });
    } else if (url.pathname === `/taxii2/api/collections/${COLLECTION_ID}/objects/`) {
      objectsRequest(res, url.searchParams);
    } else {
      send(res, 404, { title: 'Not found', http_status: '404' });
    }
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/taxii2/`,
    collectionId: COLLECTION_ID,
    objects,
    dateAdded,
    requests,
    add,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
