// Starts the demo federation in one process: one node per demo party on the embedded database,
// each on its own port and data dir, peered with every other (cards exchanged and confirmed here,
// as administrators would out of band), then seeded once with work that flows between them.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { startNode, type RunningNode } from '../node.js';
import { addPeer } from '../services/federation/add-peer.js';
import { ownNodeCard } from '../services/federation/node-card.js';
import { hasPeer } from '../services/federation/arrivals.js';
import { DEMO_PARTIES, type DemoParty } from './demo-parties.js';
import { demoSmtpConfig, ensureDemoPaging, startDemoMailCatcher } from './demo-paging.js';
import type { MailCatcher } from './mail-catcher.js';
import { seedDemoFederation } from './seed-demo.js';

export type DemoNode = { party: DemoParty; node: RunningNode };
/** `basePort` 0 gives every node a free port (tests); `logLevel` defaults to warn. */
export type DemoOptions = {
  dataDir: string;
  basePort: number;
  host: string;
  parties: number;
  logLevel?: 'warn' | 'silent' | 'info';
};

/**
 * Writes the node's identity into its crossline.json once, as `crossline init` would, so that every
 * `crossline` command run on a demo data dir (backup, audit verify, peers …) knows which node it is.
 */
function writeDemoConfig(dataDir: string, identity: Record<string, unknown>): void {
  const file = path.join(dataDir, 'crossline.json');
  if (existsSync(file)) return;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600 });
}

export async function startDemoFederation(
  opts: DemoOptions,
): Promise<{ nodes: DemoNode[]; seeded: boolean; mail: MailCatcher }> {
  const nodes: DemoNode[] = [];
  // Pages sent by e-mail land in a local mail catcher (demo-paging.ts), one .eml file per mail.
  const mail = await startDemoMailCatcher(opts.dataDir, opts.host, opts.basePort);
  for (const [i, party] of DEMO_PARTIES.slice(0, opts.parties).entries()) {
    const port = opts.basePort === 0 ? 0 : opts.basePort + i;
    const dataDir = path.join(opts.dataDir, party.nodeId);
    const identity = {
      ...(port ? { port, publicUrl: `http://127.0.0.1:${port}` } : {}),
      nodeId: party.nodeId,
      nodeName: party.name,
      country: party.country,
      timeZone: party.timeZone,
      approvalRequiredForOutgoingData: party.approvalRequiredForOutgoingData,
    };
    writeDemoConfig(dataDir, identity);
    const config = loadConfig(
      {
        dataDir,
        host: opts.host,
        ...identity,
        port,
        logLevel: opts.logLevel ?? 'warn',
        ...demoSmtpConfig(mail, party.nodeId),
      },
      {},
    );
    nodes.push({ party, node: await startNode(config) });
  }
  for (const a of nodes) {
    for (const b of nodes) {
      if (a === b || (await hasPeer(a.node.ctx, b.party.nodeId))) continue;
      await addPeer(
        a.node.ctx,
        { kind: 'system', partyId: a.party.nodeId },
        { card: ownNodeCard(b.node.ctx, b.node.url), confirmed: true },
      );
    }
  }
  const seeded = await seedDemoFederation(nodes);
  for (const { party, node } of nodes) await ensureDemoPaging(node.ctx, party.nodeId);
  return { nodes, seeded, mail };
}
