// `npm run sim:federation -- --nodes N`: N real node processes on this machine sharing one embedded
// PostgreSQL cluster (one database each), the federation formed through the signed membership
// directory, and the figures docs/scale.md reports — printed as JSON lines (one per measurement) and
// written as a row of the table in docs/scale.md.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  auditCheckpoint,
  clusterPssMiB,
  deadPeerAndPartition,
  formFederation,
  heldHash,
  hotlineBroadcast,
  pingFanOut,
  publishDirectory,
  rotateThroughDirectory,
  rssMiB,
  shareGreenArticle,
  startSim,
  type Sim,
} from '../test/federation/support/sim-federation.js';

type Args = { nodes: number; pings: number; fanOut: number; write: boolean };

function parseArgs(argv: string[]): Args {
  const args: Args = { nodes: 5, pings: 40, fanOut: 20, write: true };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${argv[i - 1]} needs a positive whole number`);
      return v;
    };
    if (argv[i] === '--nodes') args.nodes = value();
    else if (argv[i] === '--pings') args.pings = value();
    else if (argv[i] === '--fan-out') args.fanOut = value();
    else if (argv[i] === '--no-write') args.write = false;
    else throw new Error(`unknown option ${argv[i]} (--nodes N, --pings N, --fan-out N, --no-write)`);
  }
  if (args.nodes < 2) throw new Error('--nodes must be at least 2 (the two founders)');
  return args;
}

const emit = (figure: string, values: Record<string, unknown>) => console.log(JSON.stringify({ figure, ...values }));
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function memory(sim: Sim): { perNodeMiB: { min: number; mean: number; max: number }; clusterPssMiB: number } {
  const rss = sim.nodes
    .map((n) => n.pid())
    .filter((p): p is number => p !== undefined)
    .map(rssMiB);
  return {
    perNodeMiB: {
      min: round(Math.min(...rss)),
      mean: round(rss.reduce((a, b) => a + b, 0) / rss.length),
      max: round(Math.max(...rss)),
    },
    clusterPssMiB: round(clusterPssMiB(sim)),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${round(os.totalmem() / 2 ** 30)} GiB, load ${os
    .loadavg()
    .map((l) => round(l))
    .join('/')}`;
  emit('machine', { nodes: args.nodes, machine });
  const t0 = performance.now();
  const sim = await startSim({ nodes: args.nodes, progress: (l) => process.stderr.write(`${l}\n`) });
  const stopOnSignal = () => {
    void sim.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  try {
    emit('startup', { ms: Math.round(performance.now() - t0) });
    const row: Record<string, string> = {};
    const formed = await formFederation(sim);
    emit('directory.form', { version: 1, ms: Math.round(formed) });
    const held = await heldHash(sim.nodes[0]!);
    const next = await publishDirectory(sim, held.version + 1, held.hash);
    emit('directory.propagate', { version: held.version + 1, ms: Math.round(next) });
    row.directory = `${round(formed / 1000)} s / ${round(next / 1000)} s`;
    if (args.nodes >= 3) {
      const rotation = await rotateThroughDirectory(sim, sim.nodes[2]!);
      emit('directory.key_rotation', { node: sim.nodes[2]!.id, ms: Math.round(rotation) });
      row.rotation = `${round(rotation / 1000)} s`;
    }
    const share = await shareGreenArticle(sim);
    emit('fanout.tlp_green_share', { recipients: share.recipients, msToLastReceipt: Math.round(share.ms) });
    row.share = `${round(share.ms / 1000, 2)} s`;
    const broadcast = await hotlineBroadcast(sim);
    const acknowledged = broadcast.view.recipients.filter((r) => r.state === 'acknowledged').length;
    emit('fanout.hotline_broadcast', {
      recipients: broadcast.recipients,
      acknowledged,
      msDelivered: Math.round(broadcast.deliveredMs),
      msPlace: Math.round(broadcast.placeMs),
      msToLastReceipt: Math.round(broadcast.receiptMs),
      msAcknowledged: Math.round(broadcast.acknowledgedMs),
      messages: broadcast.messages,
      perSecond: round(broadcast.perSecond),
    });
    row.broadcast = `${acknowledged}/${broadcast.recipients}: delivered ${round(broadcast.deliveredMs / 1000, 2)} s, acknowledged +${round(broadcast.acknowledgedMs / 1000, 2)} s; ${broadcast.messages} msgs = ${Math.round(broadcast.perSecond)}/s`;
    const fan = await pingFanOut(sim, args.fanOut);
    emit('fanout.messages', {
      messages: fan.messages,
      msToLastReceipt: Math.round(fan.ms),
      perSecond: round(fan.perSecond),
      cpuMsPerMessage: { nodes: round(fan.cpuMsPerMessage.nodes, 2), cluster: round(fan.cpuMsPerMessage.cluster, 2) },
    });
    row.fanout = `${fan.messages} in ${round(fan.ms / 1000)} s = ${Math.round(fan.perSecond)}/s`;
    row.cpu = `${round(fan.cpuMsPerMessage.nodes, 2)} + ${round(fan.cpuMsPerMessage.cluster, 2)} ms`;
    const mem = memory(sim);
    emit('memory', mem);
    row.memory = `${mem.perNodeMiB.mean} (${mem.perNodeMiB.min}–${mem.perNodeMiB.max}) MiB; cluster ${mem.clusterPssMiB} MiB`;
    const checkpoint = await auditCheckpoint(sim);
    emit('audit.checkpoint', {
      countersignatures: checkpoint.countersignatures,
      verified: checkpoint.verified,
      ms: Math.round(checkpoint.ms),
      messages: checkpoint.checkpoints + checkpoint.countersignatures,
      bytes: checkpoint.bytes,
      restartMs: Math.round(checkpoint.restartMs),
    });
    row.checkpoint = `${checkpoint.verified}/${args.nodes - 1} in ${round(checkpoint.ms / 1000, 2)} s; ${checkpoint.checkpoints + checkpoint.countersignatures} msgs, ${round(checkpoint.bytes / 1024)} KiB`;
    if (args.nodes >= 4) {
      const f = await deadPeerAndPartition(sim, args.pings, 1 / 3);
      emit('failure', {
        dead: f.dead,
        partitioned: f.partitioned,
        healthyPeers: f.healthy,
        beforeMs: Math.round(f.beforeMs),
        duringMs: Math.round(f.duringMs),
        ratio: round(f.ratio, 2),
        restartMs: Math.round(f.restartMs),
        catchUpMs: Math.round(f.catchUpMs),
        ...f.tally,
      });
      row.failure = `${round(f.ratio, 2)} (${Math.round(f.beforeMs)} → ${Math.round(f.duringMs)} ms); restart ${round(f.restartMs / 1000)} s + catch-up ${round(f.catchUpMs / 1000, 2)} s; ${f.tally.sent} sent, ${f.tally.lost} lost, ${f.tally.duplicated} dup`;
      if (f.tally.lost > 0 || f.tally.duplicated > 0 || f.tally.rejected > 0) process.exitCode = 1;
    }
    emit('total', { ms: Math.round(performance.now() - t0) });
    if (args.write) writeRow(args.nodes, machine, row);
  } finally {
    await sim.stop();
  }
}

const COLUMNS = [
  'date',
  'N',
  'machine',
  'directory',
  'rotation',
  'share',
  'broadcast',
  'fanout',
  'cpu',
  'memory',
  'checkpoint',
  'failure',
] as const;
const START = '<!-- sim:results -->';
const END = '<!-- /sim:results -->';

/** Adds this run's row to the results table of docs/scale.md (a row of the same date and N is replaced). */
function writeRow(nodes: number, machine: string, row: Record<string, string>): void {
  const file = path.resolve('docs/scale.md');
  const text = readFileSync(file, 'utf8');
  const [head, rest] = text.split(START) as [string, string | undefined];
  if (rest === undefined) throw new Error(`${file} has no ${START} section`);
  const [table, tail] = rest.split(END) as [string, string];
  const date = new Date().toISOString().slice(0, 10);
  const line = `| ${[date, String(nodes), machine, ...COLUMNS.slice(3).map((c) => row[c] ?? '—')].join(' | ')} |`;
  const [header = '', rule = '', ...rows] = table.trim().split('\n');
  const key = (l: string) => {
    const [d = '', n = ''] = l.split(' | ').map((c) => c.replace(/^\| /, ''));
    return `${d} ${n.padStart(4, '0')}`;
  };
  const kept = rows.filter((l) => !l.startsWith(`| ${date} | ${nodes} |`));
  const sorted = [...kept, line].sort((a, b) => key(a).localeCompare(key(b)));
  writeFileSync(file, `${head}${START}\n${[header, rule, ...sorted].join('\n')}\n${END}${tail}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
