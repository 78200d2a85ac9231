// One node served by several `crossline start` processes on the same data dir (so the same embedded
// PostgreSQL server, keys and evidence), behind a round-robin proxy whose address is the node's
// public URL: what peers and users see is one node, whichever process answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runningServer } from '../../../src/storage/embedded/cluster-files.js';
import { stopCluster } from '../../../src/storage/embedded/cluster-process.js';
import { ADMIN_PASSWORD, BIN, FAST_FEDERATION, crossline, freePort } from '../../federation/support/cluster.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.js';

export type HaProcess = { index: number; port: number; child: ChildProcess | null; log: string };

export type HaNode = {
  id: string;
  dataDir: string;
  publicUrl: string;
  proxy: RoundRobinProxy;
  processes: HaProcess[];
  start(index: number): Promise<void>;
  kill9(index: number): Promise<void>;
  stopAll(): Promise<void>;
  /** An admin API call through the proxy, retried while the process that took it died (502/503). */
  api<T = any>(method: string, urlPath: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  login(username: string, password: string): Promise<string>;
  cleanup(): Promise<void>;
};

export async function createHaNode(spec: {
  id: string;
  country: string;
  processes: number;
  settings?: Record<string, unknown>;
}): Promise<HaNode> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `crossline-ha-${spec.id}-`));
  const ports = await Promise.all(Array.from({ length: spec.processes }, () => freePort()));
  const processes: HaProcess[] = ports.map((port, index) => ({ index, port, child: null, log: '' }));
  const proxy = await startRoundRobinProxy(() => processes.filter((p) => p.child).map((p) => p.port));
  writeFileSync(
    path.join(dataDir, 'crossline.json'),
    JSON.stringify(
      {
        nodeId: spec.id,
        country: spec.country,
        nodeName: { en: `Agency ${spec.id}`, zh: `机构 ${spec.id}` },
        publicUrl: proxy.url,
        ...FAST_FEDERATION,
        ...spec.settings,
      },
      null,
      2,
    ),
  );
  const init = await crossline(['init', '--data-dir', dataDir, '--admin-password', ADMIN_PASSWORD]);
  if (init.code !== 0) throw new Error(`init ${spec.id} failed: ${init.stderr}`);
  let adminToken: string | null = null;

  const node: HaNode = {
    id: spec.id,
    dataDir,
    publicUrl: proxy.url,
    proxy,
    processes,
    async start(index) {
      const p = processes[index]!;
      const child = spawn('node', [BIN, 'start', '--data-dir', dataDir, '--port', String(p.port)], {
        env: { ...process.env, CROSSLINE_LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d: Buffer) => {
        p.log += d.toString();
      });
      child.stderr!.on('data', (d: Buffer) => {
        p.log += d.toString();
      });
      child.once('exit', () => {
        if (p.child === child) p.child = null;
      });
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`${spec.id}#${index} exited during start:\n${p.log.slice(-3000)}`);
        const res = await fetch(`http://127.0.0.1:${p.port}/ready`).catch(() => null);
        if (res?.status === 200) break;
        if (Date.now() > deadline) throw new Error(`${spec.id}#${index} not ready:\n${p.log.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      p.child = child; // only now does the proxy send it requests, as a health-checking balancer would
    },
    async kill9(index) {
      const p = processes[index]!;
      const child = p.child;
      if (!child) return;
      p.child = null;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    },
    async stopAll() {
      await Promise.all(
        processes.map(async (p) => {
          const child = p.child;
          if (!child) return;
          p.child = null;
          await new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          });
        }),
      );
    },
    async api(method, urlPath, body, token) {
      const auth = token ?? (adminToken ??= await node.login('admin', ADMIN_PASSWORD));
      for (let attempt = 0; ; attempt++) {
        const res = await fetch(`${proxy.url}${urlPath}`, {
          method,
          body: body === undefined ? undefined : JSON.stringify(body),
          headers: {
            authorization: `Bearer ${auth}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
        });
        const text = await res.text();
        if ((res.status === 502 || res.status === 503) && attempt < 20) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        return { status: res.status, body: text ? JSON.parse(text) : null };
      }
    },
    async login(username, password) {
      for (let attempt = 0; ; attempt++) {
        const res = await fetch(`${proxy.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });
        if ((res.status === 502 || res.status === 503) && attempt < 20) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        const json = (await res.json()) as { token?: string };
        if (!json.token) throw new Error(`login ${username} on ${spec.id} failed: ${JSON.stringify(json)}`);
        return json.token;
      }
    },
    async cleanup() {
      for (const p of processes) await node.kill9(p.index);
      await proxy.close();
      const server = runningServer(dataDir);
      if (server) await stopCluster(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return node;
}
