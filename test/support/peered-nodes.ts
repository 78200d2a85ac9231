// Two or three real nodes in this process, each on its own store (a database on the test run's
// embedded server, or a schema on the system PostgreSQL) and free port, peered with each other: the
// setting for workflow tests across the federation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type ConfigInput } from '../../src/config.js';
import type { Role } from '../../src/domain/shared/roles.js';
import { startNode, type RunningNode } from '../../src/node.js';
import { addPeer } from '../../src/services/federation/add-peer.js';
import { ownNodeCard } from '../../src/services/federation/node-card.js';
import { createUser } from '../../src/services/user/create-user.js';
import { login } from '../../src/services/user/login.js';
import { createTestStore, type StoreKind, type TestStore } from './test-context.js';

export type PeeredNode = {
  id: string;
  node: RunningNode;
  /** Creates a user with these roles on this node and returns a session token. */
  userWith(roles: Role[]): Promise<string>;
  api(
    token: string,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: object,
  ): Promise<{ status: number; json: any }>;
};

const PASSWORD = 'correct horse battery staple';

/**
 * `peerings`: which node adds which as a peer ([a, b]: a imports b's card, confirmed); by default
 * every node adds every other.
 */
export async function startPeeredNodes(
  specs: { id: string; store: StoreKind; settings?: Partial<ConfigInput> }[],
  peerings?: readonly (readonly [string, string])[],
): Promise<{ nodes: PeeredNode[]; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossline-peered-'));
  const stores: TestStore[] = [];
  const nodes: PeeredNode[] = [];
  let n = 0;
  for (const spec of specs) {
    const store = await createTestStore(spec.store);
    stores.push(store);
    const config = loadConfig(
      {
        dataDir: path.join(dir, spec.id),
        port: 0,
        host: '127.0.0.1',
        nodeId: spec.id,
        logLevel: 'silent',
        deadlineSweepSeconds: 3600,
        databaseUrl: store.databaseUrl,
        databaseSchema: store.databaseSchema,
        ...spec.settings,
      },
      {},
    );
    const node = await startNode(config);
    nodes.push({
      id: spec.id,
      node,
      async userWith(roles) {
        const username = `${roles.join('-').replace(/_/g, '-')}-${++n}`;
        await createUser(
          node.ctx,
          { kind: 'system', partyId: spec.id },
          {
            username,
            displayName: `Officer ${n} of ${spec.id}`,
            roles,
            password: PASSWORD,
            locale: 'en',
            timeZone: 'UTC',
          },
        );
        return (await login(node.ctx, { username, password: PASSWORD })).token;
      },
      async api(token, method, url, body) {
        const res = await fetch(`${node.url}${url}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        return { status: res.status, json: await res.json() };
      },
    });
  }
  const peers = (a: PeeredNode, b: PeeredNode) =>
    peerings ? peerings.some(([x, y]) => x === a.id && y === b.id) : a !== b;
  for (const a of nodes) {
    for (const b of nodes) {
      if (peers(a, b))
        await addPeer(
          a.node.ctx,
          { kind: 'system', partyId: a.id },
          { card: ownNodeCard(b.node.ctx, b.node.url), confirmed: true },
        );
    }
  }
  return {
    nodes,
    async stop() {
      for (const x of nodes) await x.node.stop();
      for (const s of stores) await s.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` holds (a message was delivered and applied), or fails after `ms`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  ms = 30_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
