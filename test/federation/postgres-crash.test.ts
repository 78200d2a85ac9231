// Durability of the embedded PostgreSQL server: while messages flow both ways between two nodes,
// the server process itself (the postmaster) of the sender or of the receiver is killed with -9.
// Twice the node is restarted afterwards (kill -9 of the node too, then `crossline start`); twice it
// is left running, and brings its server back by itself. Afterwards no message whose enqueueing was
// answered 201 (committed) is missing, none is applied twice or out of order, and both audit chains
// verify. (A kill -9 leaves the operating system's file cache intact; what fsync adds — surviving a
// power cut — cannot be shown by a test on one machine.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/storage/embedded/cluster-files.js';
import { createNode, crossline, peerAll, ping, pingsFrom, waitFor, type TestNode } from './support/cluster.js';

const ROUNDS = [
  { node: 'receiver', restart: true },
  { node: 'sender', restart: false },
  { node: 'sender', restart: true },
  { node: 'receiver', restart: false },
] as const;

function postmasterPid(node: TestNode): number {
  return Number(readFileSync(path.join(node.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

describe('kill -9 of the embedded PostgreSQL server under federation load', () => {
  let a: TestNode;
  let b: TestNode;
  beforeAll(async () => {
    [a, b] = await Promise.all([
      createNode({ id: 'cn-pgkill', country: 'CN', store: 'embedded', settings: { federationBatchSize: 25 } }),
      createNode({ id: 'us-pgkill', country: 'US', store: 'embedded', settings: { federationBatchSize: 25 } }),
    ]);
    await Promise.all([a.start(), b.start()]);
    await peerAll([a, b]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.cleanup(), b?.cleanup()]);
  });

  it('loses no committed message, applies none twice, and keeps both audit chains', async () => {
    const committed = { ab: 0, ba: 0 };
    const attempted = { ab: 0, ba: 0 };
    let stop = false;
    const load = (async () => {
      while (!stop) {
        attempted.ab += 10;
        committed.ab += await ping(a, 'us-pgkill', 10);
        attempted.ba += 2;
        committed.ba += await ping(b, 'cn-pgkill', 2);
        await new Promise((r) => setTimeout(r, 30));
      }
    })();

    const recoveries: string[] = [];
    for (const round of ROUNDS) {
      await new Promise((r) => setTimeout(r, 800));
      const node = round.node === 'sender' ? a : b;
      const pid = postmasterPid(node);
      process.kill(pid, 'SIGKILL');
      const killedAt = Date.now();
      await waitFor('the postmaster to die', async () => !isAlive(pid), 10_000, 20);
      if (round.restart) {
        await node.kill9();
        await node.start();
      } else {
        await waitFor(
          `${node.id} to bring its server back`,
          async () => (await fetch(`${node.url}/ready`)).status === 200,
          60_000,
          50,
        ).catch((e: unknown) => {
          throw new Error(`${String(e)}\n${node.output().slice(-4000)}`);
        });
      }
      recoveries.push(`${round.node} ${round.restart ? 'restarted' : 'self-recovered'} in ${Date.now() - killedAt} ms`);
    }
    stop = true;
    await load;

    const ab = await waitFor(
      'every committed message at the receiver',
      async () => {
        const s = await pingsFrom(b, 'cn-pgkill');
        return s && s.count >= committed.ab ? s : null;
      },
      90_000,
    );
    const ba = await waitFor(
      'every committed message at the sender',
      async () => {
        const s = await pingsFrom(a, 'us-pgkill');
        return s && s.count >= committed.ba ? s : null;
      },
      90_000,
    );
    for (const [s, max] of [
      [ab, attempted.ab],
      [ba, attempted.ba],
    ] as const) {
      expect(s.count).toBeLessThanOrEqual(max); // an enqueue whose answer was lost may have committed
      expect(s).toMatchObject({ distinctMids: s.count, outOfOrder: 0, firstSeq: 1, lastSeq: s.count });
    }
    for (const node of [a, b]) {
      const audit = await crossline(['audit', 'verify', '--data-dir', node.dataDir]);
      expect(audit.code, audit.stdout + audit.stderr).toBe(0);
    }
    process.stdout.write(
      `postgres kill -9: ${ROUNDS.length} kills; ${recoveries.join('; ')}; messages a→b ${ab.count} (committed ${committed.ab}), ` +
        `b→a ${ba.count} (committed ${committed.ba}), none lost, none twice, in order\n`,
    );
  }, 300_000);
});
