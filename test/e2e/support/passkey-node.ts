// The demo federation for passkey browser tests: like web-node.ts, but on fixed free ports so the
// nodes have a public URL, browsed at http://localhost:<port> (a browser refuses an IP address as
// WebAuthn RP ID; the node names its loopback address `localhost`, src/domain/passkey/relying-party.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDemoFederation, type DemoNode } from '../../../src/demo/start-demo-federation.js';
import type { RunningNode } from '../../../src/node.js';
import { ensureWebBuild } from './web-node.js';

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A base port whose demo ports (base, base + 1, and the mail catcher's base + 25) are all free. */
async function freeBasePort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const base = 20_000 + Math.floor(Math.random() * 20_000);
    if ((await isFree(base)) && (await isFree(base + 1)) && (await isFree(base + 25))) return base;
  }
  throw new Error('no free ports for the demo federation');
}

export type PasskeyWebNode = { url: string; peerUrl: string; node: RunningNode; stop(): Promise<void> };

export async function startPasskeyWebNode(): Promise<PasskeyWebNode> {
  ensureWebBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossline-e2e-passkey-'));
  const basePort = await freeBasePort();
  const { nodes, mail } = await startDemoFederation({
    dataDir,
    basePort,
    host: '127.0.0.1',
    parties: 2,
    logLevel: 'silent',
  });
  const [cn] = nodes as [DemoNode, DemoNode];
  return {
    url: `http://localhost:${basePort}`,
    peerUrl: `http://localhost:${basePort + 1}`,
    node: cn.node,
    async stop() {
      for (const { node } of nodes) await node.stop();
      await mail.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
