// An HTTP proxy in front of a node's inbox that misbehaves on purpose: duplicates batches, delays
// them (so later batches overtake), drops requests or responses, replays old batches late, and can
// partition (refuse everything) until healed. Seeded, so a failing run can be repeated.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Chaos = {
  /** Forward the batch twice (the second response is thrown away). */
  duplicate: number;
  /** Hold the batch up to delayMs before forwarding (re-orders concurrent batches). */
  delay: number;
  delayMs: number;
  /** Close the connection without forwarding. */
  dropRequest: number;
  /** Forward, then close the connection instead of returning the receipt (the sender retries). */
  dropResponse: number;
  /** Also send a random earlier batch again, late. */
  replayOld: number;
};

export const NO_CHAOS: Chaos = { duplicate: 0, delay: 0, delayMs: 0, dropRequest: 0, dropResponse: 0, replayOld: 0 };

export type ChaosStats = {
  forwarded: number;
  duplicated: number;
  delayed: number;
  droppedRequests: number;
  droppedResponses: number;
  replayed: number;
  refused: number;
};

export type ChaosProxy = {
  url: string;
  port: number;
  stats: ChaosStats;
  setTarget(url: string): void;
  setChaos(c: Partial<Chaos>): void;
  partition(on: boolean): void;
  close(): Promise<void>;
};

/** mulberry32: a small seeded PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export async function startChaosProxy(
  port: number,
  target: string,
  seed = Number(process.env.CROSSLINE_CHAOS_SEED ?? 42),
): Promise<ChaosProxy> {
  const random = rng(seed);
  let chaos: Chaos = { ...NO_CHAOS };
  let partitioned = false;
  let targetUrl = target;
  const history: { url: string; type: string; body: Buffer }[] = [];
  const stats: ChaosStats = {
    forwarded: 0,
    duplicated: 0,
    delayed: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    replayed: 0,
    refused: 0,
  };
  const sockets = new Set<Socket>();
  const forward = (url: string, method: string, type: string | undefined, body: Buffer) =>
    fetch(`${targetUrl}${url}`, {
      method,
      body: method === 'GET' ? undefined : new Uint8Array(body),
      headers: type ? { 'content-type': type } : {},
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    if (partitioned) {
      stats.refused += 1;
      req.socket.destroy();
      return;
    }
    const isInbox = req.method === 'POST' && req.url?.startsWith('/federation/v1/inbox');
    const type = req.headers['content-type'];
    if (isInbox) {
      if (random() < chaos.dropRequest) {
        stats.droppedRequests += 1;
        req.socket.destroy();
        return;
      }
      if (random() < chaos.delay) {
        stats.delayed += 1;
        await new Promise((r) => setTimeout(r, random() * chaos.delayMs));
      }
      if (random() < chaos.replayOld && history.length > 0) {
        const old = history[Math.floor(random() * history.length)]!;
        stats.replayed += 1;
        void forward(old.url, 'POST', old.type, old.body)
          .then((r) => r.arrayBuffer())
          .catch(() => undefined);
      }
      if (history.length < 200) history.push({ url: req.url!, type: type ?? '', body });
      else history[Math.floor(random() * history.length)] = { url: req.url!, type: type ?? '', body };
    }
    let upstream: Response;
    try {
      upstream = await forward(req.url!, req.method!, type, body);
      if (isInbox && random() < chaos.duplicate) {
        stats.duplicated += 1;
        void forward(req.url!, 'POST', type, body)
          .then((r) => r.arrayBuffer())
          .catch(() => undefined);
      }
    } catch {
      req.socket.destroy();
      return;
    }
    const out = Buffer.from(await upstream.arrayBuffer());
    stats.forwarded += 1;
    if (isInbox && random() < chaos.dropResponse) {
      stats.droppedResponses += 1;
      req.socket.destroy();
      return;
    }
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
    });
    res.end(out);
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    setTarget: (url) => {
      targetUrl = url;
    },
    setChaos: (c) => {
      chaos = { ...chaos, ...c };
    },
    partition: (on) => {
      partitioned = on;
      if (on) for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
