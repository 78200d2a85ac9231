// A federation of N real node processes on one machine, for `npm run sim:federation` and its small
// version in the test suite: one embedded PostgreSQL cluster (the product's own embedded server
// code) with one database per node, every node a `crossline start` process whose DATABASE_URL names
// its database, the federation formed through the signed membership directory (2 founders, k = 2),
// and the measured scenarios: directory propagation, key rotation via the directory, fan-out, a
// hotline broadcast acknowledged by every recipient's duty officer, an audit checkpoint countersigned
// by every peer, and a dead peer plus a partitioned third with their catch-up, counted by message ids.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
/** A user of `n` with these roles (created by n's admin), signed in: its API as that user. */
async function userOf(n: TestNode, username: string, displayName: string, roles: string[]): Promise<UserApi> {
  const password = 'simulation officer password 2026';
  const user = await n.api('POST', '/api/users', { username, displayName, roles, password });
  if (user.status !== 201) throw new Error(`${username} on ${n.id}: ${JSON.stringify(user.body)}`);
  const login = await fetch(`${n.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { token } = (await login.json()) as { token: string };
  return async (method, url, body) => {
    const res = await fetch(`${n.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json() };
  };
}

type UserApi = <T = any>(method: 'GET' | 'POST', url: string, body?: object) => Promise<{ status: number; body: T }>;

export async function shareGreenArticle(sim: Sim): Promise<{ ms: number; recipients: number }> {
  const [from, ...rest] = sim.nodes as [TestNode, ...TestNode[]];
  const analyst = await userOf(from, 'sim-analyst', 'Simulation analyst', ['analyst']);
  const call = async (url: string, body: object) => {
    const res = await analyst<{ id: string }>('POST', url, body);
    if (res.status >= 300) throw new Error(`${url}: ${JSON.stringify(res.body)}`);
    return res.body;
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

/** Runs one query on node k's database (the harness reads what the node stored, e.g. outbox rows). */
async function queryNode<T extends pg.QueryResultRow>(sim: Sim, k: number, sql: string, params: unknown[] = []) {
  const client = new pg.Client(databaseUrl(sim.cluster, `node${k}`));
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Messages the nodes queued since `since` (a database timestamp), and their signed size in bytes (the JWS each outbox row holds, before batching and encryption). */
async function queued(
  sim: Sim,
  since: Date,
  where: string,
  params: unknown[] = [],
): Promise<{ messages: number; bytes: number }> {
  const rows = await Promise.all(
    sim.nodes.map((_, k) =>
      queryNode<{ n: string; bytes: string | null }>(
        sim,
        k,
        `SELECT count(*) AS n, sum(octet_length(jws)) AS bytes FROM federation_outbox WHERE created_at >= $1 AND ${where}`,
        [since, ...params],
      ),
    ),
  );
  return rows.reduce((t, [r]) => ({ messages: t.messages + Number(r!.n), bytes: t.bytes + Number(r!.bytes ?? 0) }), {
    messages: 0,
    bytes: 0,
  });
}

async function databaseNow(sim: Sim): Promise<Date> {
  const [row] = await queryNode<{ now: Date }>(sim, 0, 'SELECT now() AS now');
  return row!.now;
}

type BroadcastRecipient = {
  party: string;
  state: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};
type BroadcastView = {
  counts: { recipients: number; acknowledged: number; delivered: number; pending: number };
  recipients: BroadcastRecipient[];
};

export type BroadcastResult = {
  recipients: number;
  /** From placing until the sender's broadcast view shows every recipient holding the call. */
  deliveredMs: number;
  /** The POST placing the broadcast (one call per recipient, one transaction). */
  placeMs: number;
  /** On node 0's records: from queueing the calls' messages to storing the last signed receipt. */
  receiptMs: number;
  /** From the recipients' duty officers starting to acknowledge until the sender's view shows all acknowledged. */
  acknowledgedMs: number;
  totalMs: number;
  /** Hotline messages the broadcast caused on all nodes (calls placed, steps relayed back). */
  messages: number;
  perSecond: number;
  /** The sender's view once every recipient held the call (before any acknowledgement). */
  deliveredView: BroadcastView;
  /** The sender's view once every recipient acknowledged. */
  view: BroadcastView;
  /** On each recipient, how many incoming calls with the broadcast's call id its duty officer found. */
  heldByRecipient: Record<string, number>;
};

/**
 * Node 0's duty officer broadcasts one emergency alert to every active peer (POST
 * /api/calls/broadcasts, allPeers); once the sender's broadcast view shows it delivered everywhere,
 * the duty officer of each recipient finds the incoming call in its own hotline inbox and
 * acknowledges it through its own node's API; then until the sender's view shows all acknowledged.
 */
export async function hotlineBroadcast(sim: Sim): Promise<BroadcastResult> {
  const [from, ...rest] = sim.nodes as [TestNode, ...TestNode[]];
  const officers = await Promise.all(
    sim.nodes.map((n) => userOf(n, 'sim-duty', `Duty officer of ${n.id}`, ['point_of_contact'])),
  );
  const [sender, ...duty] = officers as [UserApi, ...UserApi[]];
  const since = await databaseNow(sim);
  const started = performance.now();
  const placed = await sender<{ id: string; calls: { party: string; callId: string }[] }>(
    'POST',
    '/api/calls/broadcasts',
    {
      allPeers: true,
      topic: 'emergency_threat_to_life',
      urgency: 'emergency',
      language: 'en',
      message: 'Simulated emergency alert to every member.',
      callback: { name: 'Simulation duty desk', phone: '+86 10 5555 0100', timeZone: 'Asia/Shanghai' },
    },
  );
  if (placed.status !== 201) throw new Error(`broadcast on ${from.id}: ${JSON.stringify(placed.body)}`);
  const placeMs = performance.now() - started;
  const viewWhen = (what: string, done: (v: BroadcastView) => boolean) =>
    waitFor(
      what,
      async () => {
        const v = await sender<BroadcastView>('GET', `/api/calls/broadcasts/${placed.body.id}`);
        return v.status === 200 && done(v.body) ? v.body : null;
      },
      300_000,
      100,
    );
  const n = rest.length;
  const delivered = await viewWhen(
    'the broadcast delivered to every recipient',
    (v) => v.counts.delivered + v.counts.acknowledged === n,
  );
  const deliveredMs = performance.now() - started;
  // The same from node 0's own records: its calls' messages queued → the last signed receipt stored
  // (what the view then shows; the rest of deliveredMs is placing the broadcast and reading the view).
  const [receipts] = await queryNode<{ ms: string | null }>(
    sim,
    0,
    `SELECT extract(epoch FROM max(sent_at) - min(created_at)) * 1000 AS ms
       FROM federation_outbox WHERE mtype = 'call.placed' AND created_at >= $1`,
    [since],
  );
  const ackStarted = performance.now();
  const heldByRecipient: Record<string, number> = {};
  await Promise.all(
    rest.map(async (node, i) => {
      const callId = placed.body.calls.find((c) => c.party === node.id)?.callId;
      if (!callId) throw new Error(`the broadcast placed no call for ${node.id}`);
      // The duty officer's hotline inbox: open incoming calls.
      const inbox = await duty[i]!<{ items: { id: string; fromParty: string; allowedActions: string[] }[] }>(
        'GET',
        '/api/calls?direction=incoming&limit=500',
      );
      const mine = inbox.body.items.filter((c) => c.fromParty === from.id && c.id === callId);
      heldByRecipient[node.id] = mine.length;
      if (!mine[0]?.allowedActions.includes('acknowledge'))
        throw new Error(`${node.id} cannot acknowledge the call: ${JSON.stringify(mine[0] ?? null)}`);
      const ack = await duty[i]!('POST', `/api/calls/${callId}/actions`, { action: 'acknowledge' });
      if (ack.status !== 200) throw new Error(`acknowledge on ${node.id}: ${JSON.stringify(ack.body)}`);
    }),
  );
  const view = await viewWhen('every recipient acknowledged', (v) => v.counts.acknowledged === n);
  const now = performance.now();
  const hotline = await queued(sim, since, `channel = 'hotline'`);
  return {
    recipients: placed.body.calls.length,
    deliveredMs,
    placeMs,
    receiptMs: Number(receipts?.ms ?? NaN),
    acknowledgedMs: now - ackStarted,
    totalMs: now - started,
    messages: hotline.messages,
    perSecond: hotline.messages / ((now - started) / 1000),
    deliveredView: delivered,
    view,
    heldByRecipient,
  };
}

export type CheckpointResult = {
  /** Restarting node 0 with the checkpoint interval set (not part of `ms`). */
  restartMs: number;
  /** From the checkpoint's creation until node 0's audit verification counts every countersignature verified. */
  ms: number;
  checkpoints: number;
  countersignatures: number;
  verified: number;
  /** Signed bytes of the checkpoint and countersignature messages (JWS, before batching and encryption). */
  bytes: number;
};

/**
 * Node 0's operator turns audit checkpoints on (federationCheckpointSeconds, docs/federation.md §11;
 * the simulation's nodes start with them off) and restarts the node, as there is no command to sign
 * one on demand: with no checkpoint yet, the node signs its audit head at its first upkeep tick and
 * sends it to every active peer. Measures until `GET /api/audit/verify` on node 0 counts all N − 1
 * countersignatures verified, and the messages' bytes.
 */
export async function auditCheckpoint(sim: Sim, intervalSeconds = 3600): Promise<CheckpointResult> {
  const [node] = sim.nodes as [TestNode];
  const peers = sim.nodes.length - 1;
  const file = path.join(node.dataDir, 'crossline.json');
  const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const before = (await node.api<Verification>('GET', '/api/audit/verify')).body.checkpoints?.verified ?? 0;
  await node.stop();
  writeFileSync(file, JSON.stringify({ ...settings, federationCheckpointSeconds: intervalSeconds }, null, 2));
  const restart = performance.now();
  await node.start();
  const restartMs = performance.now() - restart;
  const verification = await waitFor(
    `${peers} countersignatures verified on ${node.id}`,
    async () => {
      const r = (await node.api<Verification>('GET', '/api/audit/verify')).body;
      if (!r.ok) throw new Error(`audit verify: ${JSON.stringify(r)}`);
      return (r.checkpoints?.verified ?? 0) - before >= peers ? r : null;
    },
    300_000,
    50,
  );
  const verifiedAt = Date.now();
  const [own] = await queryNode<{ n: string; bytes: string | null; first: Date | null }>(
    sim,
    0,
    `SELECT count(*) AS n, sum(octet_length(jws)) AS bytes, min(created_at) AS first FROM federation_outbox WHERE mtype = 'audit.checkpoint'`,
  );
  const since = own!.first ?? new Date(0);
  const back = await queued(sim, since, `mtype = 'audit.countersign' AND peer_id = $2`, [node.id]);
  return {
    restartMs,
    ms: verifiedAt - since.getTime(),
    checkpoints: Number(own!.n),
    countersignatures: back.messages,
    verified: (verification.checkpoints?.verified ?? 0) - before,
    bytes: Number(own!.bytes ?? 0) + back.bytes,
  };
}

type Verification = { ok: boolean; checkpoints?: { checked: number; verified: number; unverifiable: number } };
