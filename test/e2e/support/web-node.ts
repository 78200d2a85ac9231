// A real demo node for browser tests: in-process, on a temporary data dir, seeded like
// `crossline demo`, serving the built web UI (built first when missing or older than its sources).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDemoFederation, type DemoNode } from '../../../src/demo/start-demo-federation.js';
import type { MailCatcher } from '../../../src/demo/mail-catcher.js';
import type { RunningNode } from '../../../src/node.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DIST_INDEX = path.join(ROOT, 'web/dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds web/dist unless it is there and newer than every source file. */
export function ensureWebBuild(): void {
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'web/src')),
    newestMtime(path.join(ROOT, 'web/public')),
    statSync(path.join(ROOT, 'web/index.html')).mtimeMs,
  );
  if (existsSync(DIST_INDEX) && statSync(DIST_INDEX).mtimeMs >= sources) return;
  const run = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm run build:web failed:\n${run.stdout}\n${run.stderr}`);
}

/** `mail`: the demo's mail catcher, where both nodes' e-mail pages land. */
export type WebNode = {
  url: string;
  node: RunningNode;
  peerUrl: string;
  peer: RunningNode;
  mail: MailCatcher;
  stop(): Promise<void>;
};

/** The demo federation (China + US nodes, peered and seeded) on free ports; `url` is the Chinese node. */
export async function startWebNode(): Promise<WebNode> {
  ensureWebBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossline-e2e-'));
  const { nodes, mail } = await startDemoFederation({
    dataDir,
    basePort: 0,
    host: '127.0.0.1',
    parties: 2,
    logLevel: 'silent',
  });
  const [cn, us] = nodes as [DemoNode, DemoNode];
  return {
    url: cn.node.url,
    node: cn.node,
    peerUrl: us.node.url,
    peer: us.node,
    mail,
    async stop() {
      for (const { node } of nodes) await node.stop();
      await mail.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
