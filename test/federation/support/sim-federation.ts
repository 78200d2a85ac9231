// A federation of N real node processes on one machine, for `npm run sim:federation` and its small
// version in the test suite: one embedded PostgreSQL cluster (the product's own embedded server
// code) with one database per node, every node a `crossline start` process whose DATABASE_URL names
// its database, the federation formed through the signed membership directory (2 founders, k = 2),
// and the measured scenarios: directory propagation, key rotation via the directory, fan-out, and
// a dead peer plus a partitioned third with their catch-up, counted by message ids.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runningServer } from '../../../src/storage/embedded/cluster-files.js';
import { openDb } from '../../../src/storage/db.js';
import { openEmbeddedServer, type EmbeddedServer } from '../../../src/storage/embedded/embedded-server.js';
import { migrate } from '../../../src/storage/migrate.js';
import { createNode, peer, pingsFrom, waitFor, type TestNode } from './cluster.js';

export type SimOptions = {
  nodes: number;
  /** Server settings of the shared cluster (the test suite turns fsync off). */
  clusterSettings?: Record<string, string>;
  /** Told of progress (the script prints it on stderr). */
  progress?: (line: string) => void;
};

export type Sim = {
  nodes: TestNode[];
  cluster: EmbeddedServer;
  clusterDir: string;
  stop(): Promise<void>;
};

const TEMPLATE = 'sim_template';
const FEDERATION = 'sim-net';
const COUNTRIES = ['CN', 'US', 'FR', 'DE', 'JP', 'BR', 'IN', 'ZA', 'AU', 'CA', 'GB', 'SG', 'KR', 'MX', 'NG'];

/** Starts the cluster, one migrated database per node (copies of a template), and the N node processes. */
export async function startSim(options: SimOptions): Promise<Sim> {
  const say = options.progress ?? (() => undefined);
  const clusterDir = mkdtempSync(path.join(tmpdir(), 'crossline-sim-cluster-'));
  const cluster = await openEmbeddedServer({
    dataDir: clusterDir,
    settings: { max_connections: String(Math.max(200, options.nodes * 16 + 50)), ...options.clusterSettings },
  });
  const nodes: TestNode[] = [];
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.cleanup().catch(() => undefined)));
    await cluster.close();
    rmSync(clusterDir, { recursive: true, force: true });
  };
  try {
    const admin = new pg.Client(cluster.adminUrl);
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${TEMPLATE}`);
      const template = await openDb({ dataDir: clusterDir, databaseUrl: databaseUrl(cluster, TEMPLATE) });
      await migrate(template);
      await template.close();
      for (let k = 0; k < options.nodes; k++) await admin.query(`CREATE DATABASE node${k} TEMPLATE ${TEMPLATE}`);
    } finally {
      await admin.end();
    }
    say(`cluster ready: ${options.nodes} databases`);
    for (let k = 0; k < options.nodes; k += START_BATCH) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(START_BATCH, options.nodes - k) }, (_, i) =>
          createNode({
            id: nodeId(k + i),
            country: COUNTRIES[(k + i) % COUNTRIES.length]!,
            store: 'embedded',
            settings: { databaseUrl: databaseUrl(cluster, `node${k + i}`), databasePoolSize: 6 },
          }),
        ),
      );
      nodes.push(...batch);
      await startInBatches(batch);
    }
    say(`${nodes.length} nodes started`);
    return { nodes, cluster, clusterDir, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Nodes start this many at a time: more at once on a small machine miss the start deadline. */
const START_BATCH = 4;

async function startInBatches(nodes: readonly TestNode[]): Promise<void> {
  for (let k = 0; k < nodes.length; k += START_BATCH)
    await Promise.all(nodes.slice(k, k + START_BATCH).map((n) => n.start()));
}

export const nodeId = (k: number) => `sim-node-${String(k).padStart(2, '0')}`;

function databaseUrl(cluster: EmbeddedServer, db: string): string {
  const url = new URL(cluster.adminUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

type Card = { id: string; name: { en: string; zh: string }; country: string; endpoint: string; fingerprint: string };

async function cardOf(n: TestNode): Promise<Card> {
  const r = await n.api<{ card: Card }>('GET', '/api/federation/node');
  if (r.status !== 200) throw new Error(`card of ${n.id}: ${JSON.stringify(r.body)}`);
  return r.body.card;
}

type DirectoryState = {
  version: number;
  hash: string;
  members: { party: string; peer: null | { fingerprintMatches: boolean; status: string } }[];
} | null;

async function directoryOn(n: TestNode): Promise<DirectoryState> {
  const r = await n.api<{ current: DirectoryState }>('GET', '/api/federation/directory');
  return r.body.current;
}

/**
 * The two founders (nodes 0 and 1) sign `version` listing every node's current card; founder 0
 * publishes it. Returns the milliseconds from publishing until every node holds it with every other
 * member an active peer whose key is the listed one.
 */
export async function publishDirectory(sim: Sim, version: number, previous: string | null): Promise<number> {
  const [f0, f1] = sim.nodes as [TestNode, TestNode];
  const cards = await Promise.all(sim.nodes.map(cardOf));
  const draft = {
    v: 1,
    federation: FEDERATION,
    version,
    issuedAt: new Date().toISOString(),
    previous,
    founders: [f0, f1].map((_, i) => ({ party: cards[i]!.id, fingerprint: cards[i]!.fingerprint })),
    threshold: 2,
    members: cards.map((c, i) => ({
      party: c.id,
      name: c.name,
      country: c.country,
      endpoint: c.endpoint,
      fingerprint: c.fingerprint,
      roles: i === 0 ? ['secretariat'] : [],
    })),
  };
  const once = await f0.api('POST', '/api/federation/directory/sign', { draft });
  if (once.status !== 200) throw new Error(`sign on ${f0.id}: ${JSON.stringify(once.body)}`);
  const twice = await f1.api('POST', '/api/federation/directory/sign', { draft: once.body });
  if (twice.status !== 200) throw new Error(`sign on ${f1.id}: ${JSON.stringify(twice.body)}`);
  const started = performance.now();
  const published = await f0.api('POST', '/api/federation/directory/publish', { directory: twice.body });
  if (published.status !== 200) throw new Error(`publish on ${f0.id}: ${JSON.stringify(published.body)}`);
  await Promise.all(
    sim.nodes
      .filter((n) => n.isUp())
      .map((n) =>
        waitFor(
          `directory v${version} on ${n.id}`,
          async () => {
            const d = await directoryOn(n);
            if (d?.version !== version) throw new Error(`holds version ${d?.version ?? 'none'}`);
            const missing = d.members.filter(
              (m) => m.party !== n.id && !(m.peer?.status === 'active' && m.peer.fingerprintMatches),
            );
            if (missing.length > 0)
              throw new Error(
                `members not (yet) active peers with the listed key: ${missing.map((m) => m.party).join(', ')}`,
              );
            return true;
          },
          180_000,
          100,
        ),
      ),
  );
  return performance.now() - started;
}

/** Peers every node with the two founders (the out-of-band check of k founders) and publishes version 1. */
export async function formFederation(sim: Sim): Promise<number> {
  const [f0, f1] = sim.nodes as [TestNode, TestNode];
  await peer(f0, f1);
  await peer(f1, f0);
  for (const n of sim.nodes.slice(2)) {
    await peer(n, f0);
    await peer(n, f1);
  }
  return publishDirectory(sim, 1, null);
}

export async function heldHash(n: TestNode): Promise<{ version: number; hash: string }> {
  const d = await directoryOn(n);
  if (!d) throw new Error(`${n.id} holds no directory`);
  return { version: d.version, hash: d.hash };
}

/** Rotates `who`'s keys (as `crossline keys rotate` does) and publishes the next version naming its new key. */
export async function rotateThroughDirectory(sim: Sim, who: TestNode): Promise<number> {
  const held = await heldHash(sim.nodes[0]!);
  const started = performance.now();
  const rotated = await who.api('POST', '/api/federation/keys/rotate');
  if (rotated.status !== 200) throw new Error(`rotate on ${who.id}: ${JSON.stringify(rotated.body)}`);
  await publishDirectory(sim, held.version + 1, held.hash);
  return performance.now() - started;
}

/** Messages `from` has queued for `peers` and not had receipted yet (state pending). */
async function pendingFrom(from: TestNode, peers: readonly string[]): Promise<number> {
  const counts = await Promise.all(
    peers.map(
      async (id) =>
        (await from.api<{ items: unknown[] }>('GET', `/api/federation/outbox?peer=${id}&state=pending&limit=1`)).body
          .items.length,
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

async function rejectedFrom(from: TestNode): Promise<number> {
  const r = await from.api<{ items: unknown[] }>('GET', '/api/federation/outbox?state=rejected&limit=500');
  return r.body.items.length;
}

/** Milliseconds until every message `from` queued for `peers` carries a signed receipt. */
export async function untilReceipted(from: TestNode, peers: readonly string[], timeoutMs = 300_000): Promise<number> {
  const started = performance.now();
  await waitFor(`receipts at ${from.id}`, async () => (await pendingFrom(from, peers)) === 0, timeoutMs, 50);
  return performance.now() - started;
}

/** Ping messages sent per receiver, the count every receiver must hold exactly once. */
export type Ledger = Map<string, number>;

/** `from` sends `count` pings to each of `to`; the ledger records them. */
export async function sendPings(from: TestNode, to: readonly string[], count: number, ledger: Ledger): Promise<void> {
  await Promise.all(
    to.map(async (id) => {
      const r = await from.api('POST', `/api/federation/peers/${id}/ping`, { count });
      if (r.status !== 201) throw new Error(`ping ${id} from ${from.id}: ${JSON.stringify(r.body)}`);
      ledger.set(id, (ledger.get(id) ?? 0) + count);
    }),
  );
}

export type Tally = {
  sent: number;
  received: number;
  distinct: number;
  lost: number;
  duplicated: number;
  rejected: number;
};

/** What every receiver holds from `from` so far (received messages and distinct message ids). */
export async function holdings(
  sim: Sim,
  from: TestNode,
  receivers: readonly string[],
): Promise<Map<string, { count: number; distinct: number }>> {
  const held = new Map<string, { count: number; distinct: number }>();
  for (const id of receivers) {
    const ch = await pingsFrom(
      sim.nodes.find((n) => n.id === id)!,
      from.id,
    );
    held.set(id, { count: ch?.count ?? 0, distinct: ch?.distinctMids ?? 0 });
  }
  return held;
}

/**
 * Counts, on every receiver, the ping message ids from `from` that arrived since `before` against
 * what the ledger says was sent since then.
 */
export async function tally(
  sim: Sim,
  from: TestNode,
  ledger: Ledger,
  before: Map<string, { count: number; distinct: number }>,
): Promise<Tally> {
  const t: Tally = { sent: 0, received: 0, distinct: 0, lost: 0, duplicated: 0, rejected: await rejectedFrom(from) };
  const now = await holdings(sim, from, [...ledger.keys()]);
  for (const [id, sent] of ledger) {
    const received = now.get(id)!.count - (before.get(id)?.count ?? 0);
    const distinct = now.get(id)!.distinct - (before.get(id)?.distinct ?? 0);
    t.sent += sent;
    t.received += received;
    t.distinct += distinct;
    t.lost += Math.max(0, sent - distinct);
    t.duplicated += received - distinct;
  }
  return t;
}

/** One TLP:GREEN knowledge article shared with every other node: ms to the last signed receipt. */
export async function shareGreenArticle(sim: Sim): Promise<{ ms: number; recipients: number }> {
  const [from, ...rest] = sim.nodes as [TestNode, ...TestNode[]];
  const password = 'simulation analyst password 2026';
  const user = await from.api('POST', '/api/users', {
    username: 'sim-analyst',
    displayName: 'Simulation analyst',
    roles: ['analyst'],
    password,
  });
  if (user.status !== 201) throw new Error(`analyst on ${from.id}: ${JSON.stringify(user.body)}`);
  const login = await fetch(`${from.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sim-analyst', password }),
  });
  const { token } = (await login.json()) as { token: string };
  const call = async (url: string, body: object) => {
    const res = await fetch(`${from.url}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { id: string };
    if (res.status >= 300) throw new Error(`${url}: ${JSON.stringify(json)}`);
    return json;
  };
  const article = await call('/api/knowledge/articles', {
    kind: 'typology',
    status: 'published',
    tlp: 'GREEN',
    tags: ['simulation'],
    title: { en: 'Simulated fan-out typology', zh: '模拟群发类型' },
    body: { en: 'Shared with every member.', zh: '与所有成员共享。' },
  });
  const peers = rest.map((n) => n.id);
  const started = performance.now();
  await call(`/api/knowledge/articles/${article.id}/share`, { peers });
  await untilReceipted(from, peers);
  return { ms: performance.now() - started, recipients: peers.length };
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Resident set of a process in MiB. */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** The cluster's processes (postmaster and its children). */
export function clusterPids(sim: Sim): number[] {
  const server = runningServer(sim.clusterDir);
  if (!server) return [];
  const pids = [server.pid];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === server.pid) pids.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

/** Proportional set size of the cluster in MiB (shared buffers counted once across its processes). */
export function clusterPssMiB(sim: Sim): number {
  let kb = 0;
  for (const pid of clusterPids(sim)) {
    try {
      const m = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      /* gone meanwhile */
    }
  }
  return kb / 1024;
}

/** CPU seconds used by all node processes and the cluster together. */
export function totalCpu(sim: Sim): { nodes: number; cluster: number } {
  let nodes = 0;
  for (const n of sim.nodes) {
    const pid = n.pid();
    if (pid) nodes += cpuSeconds(pid);
  }
  let cluster = 0;
  for (const pid of clusterPids(sim)) {
    try {
      cluster += cpuSeconds(pid);
    } catch {
      /* gone meanwhile */
    }
  }
  return { nodes, cluster };
}

export type FailureResult = {
  dead: string;
  partitioned: string[];
  healthy: number;
  beforeMs: number;
  duringMs: number;
  ratio: number;
  /** Until the dead and partitioned nodes answer /ready again; catch-up counts from then. */
  restartMs: number;
  catchUpMs: number;
  tally: Tally;
};

/**
 * Node 0 sends `pings` to every peer with all up (the healthy peers' latency before), then kills -9
 * the last node and stops a third of the others (`partitionShare` of them), sends again (the healthy
 * peers' latency during), restarts the dead and the partitioned (heal) and waits for every message
 * to be receipted (catch-up); then counts every receiver's message ids.
 */
export async function deadPeerAndPartition(sim: Sim, pings: number, partitionShare: number): Promise<FailureResult> {
  const [from, ...peers] = sim.nodes as [TestNode, ...TestNode[]];
  const dead = peers[peers.length - 1]!;
  const cut = Math.floor(sim.nodes.length * partitionShare);
  const partitioned = cut > 0 ? peers.slice(0, -1).slice(-cut) : [];
  const down = new Set([dead, ...partitioned]);
  const healthy = peers.filter((n) => !down.has(n)).map((n) => n.id);
  const all = peers.map((n) => n.id);
  const ledger: Ledger = new Map();
  await untilReceipted(from, all);
  const before = await holdings(sim, from, all);
  await sendPings(from, all, pings, ledger);
  const beforeMs = await untilReceipted(from, healthy);
  await untilReceipted(from, all);
  await dead.kill9();
  await Promise.all(partitioned.map((n) => n.stop()));
  await sendPings(from, all, pings, ledger);
  const duringMs = await untilReceipted(from, healthy);
  const heal = performance.now();
  await startInBatches([...down]);
  const restartMs = performance.now() - heal;
  const catchUpMs = await untilReceipted(from, all);
  return {
    dead: dead.id,
    partitioned: partitioned.map((n) => n.id),
    healthy: healthy.length,
    beforeMs,
    duringMs,
    ratio: duringMs / beforeMs,
    restartMs,
    catchUpMs,
    tally: await tally(sim, from, ledger, before),
  };
}

/** Node 0 sends `perPeer` pings to every other node: ms to the last receipt, messages/s, CPU per message. */
export async function pingFanOut(
  sim: Sim,
  perPeer: number,
): Promise<{ messages: number; ms: number; perSecond: number; cpuMsPerMessage: { nodes: number; cluster: number } }> {
  const [from, ...peers] = sim.nodes as [TestNode, ...TestNode[]];
  const all = peers.map((n) => n.id);
  await untilReceipted(from, all);
  const cpu0 = totalCpu(sim);
  const started = performance.now();
  await sendPings(from, all, perPeer, new Map());
  await untilReceipted(from, all);
  const ms = performance.now() - started;
  const cpu1 = totalCpu(sim);
  const messages = perPeer * all.length;
  return {
    messages,
    ms,
    perSecond: messages / (ms / 1000),
    cpuMsPerMessage: {
      nodes: ((cpu1.nodes - cpu0.nodes) * 1000) / messages,
      cluster: ((cpu1.cluster - cpu0.cluster) * 1000) / messages,
    },
  };
}
