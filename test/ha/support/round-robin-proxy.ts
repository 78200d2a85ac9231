// A tiny HTTP load balancer for the HA tests: each request goes to the next backend in turn; a
// backend that refuses the connection (its process is down) is skipped for the next one, as a real
// load balancer's passive health check would. A request already sent to a backend that then dies is
// not retried (it may have been processed): the client sees 502, as behind a real balancer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RoundRobinProxy = {
  url: string;
  port: number;
  /** Requests answered by each backend, and failures seen. */
  stats(): { perBackend: number[]; refused: number; failed: number };
  close(): Promise<void>;
};

export async function startRoundRobinProxy(backends: () => readonly number[], port = 0): Promise<RoundRobinProxy> {
  let next = 0;
  const perBackend: number[] = [];
  let refused = 0;
  let failed = 0;

  const forward = (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, attempt: number): void => {
    const ports = backends();
    if (ports.length === 0 || attempt >= ports.length) {
      failed++;
      res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":{"code":"BAD_GATEWAY"}}');
      return;
    }
    const index = next++ % ports.length;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: ports[index],
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `127.0.0.1:${ports[index]}`, 'content-length': String(body.length) },
      },
      (up) => {
        perBackend[index] = (perBackend[index] ?? 0) + 1;
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' && !res.headersSent) {
        refused++;
        forward(req, body, res, attempt + 1); // never reached the process: safe to send elsewhere
        return;
      }
      failed++;
      if (!res.headersSent)
        res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":{"code":"BAD_GATEWAY"}}');
      else res.destroy();
    });
    upstream.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, Buffer.concat(chunks), res, 0));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    stats: () => ({ perBackend: [...perBackend], refused, failed }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
