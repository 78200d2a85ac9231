// `crossline peers add|list|suspend|resume|remove|ping|dead-letters`: federation peers from the command
// line. Adding shows the card's fingerprint and asks for confirmation (compare it with the peer's admin
// by phone), unless --fingerprint matches or --yes is given; a card that fails verification is refused.
// `dead-letters` lists the inbound messages this node refused for their content, exports one's signed
// message to a file, or discards one.
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { fingerprintsEqual, formatFingerprint } from '../../federation/crypto/index.js';
import { openNodeContext } from '../../node.js';
import type { ServiceContext } from '../../services/context.js';
import { addPeer, previewPeerCard, type CardSource } from '../../services/federation/add-peer.js';
import { removePeer, setPeerStatus } from '../../services/federation/manage-peer.js';
import { listPeerStatuses } from '../../services/federation/peer-status.js';
import { pingPeer } from '../../services/federation/ping-peer.js';
import { discardDeadLetter } from '../../services/federation/discard-dead-letter.js';
import { exportDeadLetter } from '../../services/federation/export-dead-letter.js';
import { listDeadLetters } from '../../services/federation/list-dead-letters.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

type AddOptions = NodeOptions & { fingerprint?: string; yes?: boolean };

function sourceOf(arg: string): CardSource {
  if (/^https?:\/\//.test(arg)) return { url: arg };
  try {
    return { card: JSON.parse(readFileSync(arg, 'utf8')) as unknown };
  } catch (cause) {
    throw new AppError('FED_CARD_INVALID', { cause, details: { reason: `cannot read ${arg} as JSON` } });
  }
}

async function withNode(opts: NodeOptions, work: (ctx: ServiceContext) => Promise<void>): Promise<void> {
  const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
  try {
    await work(ctx);
  } finally {
    await ctx.db.close();
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

export function registerPeers(program: Command, setExit: (code: number) => void): void {
  const peers = program.command('peers').description('federation peers');
  const system = (ctx: ServiceContext) => ({ kind: 'system' as const, partyId: ctx.config.nodeId });

  withNodeOptions(
    peers.command('add <cardFileOrUrl>').description("import a peer's node card after confirming its fingerprint"),
  )
    .option('--fingerprint <fp>', 'the fingerprint confirmed out of band (must match the card)')
    .option('--yes', 'accept the fingerprint shown without asking')
    .action((arg: string, opts: AddOptions) =>
      withNode(opts, async (ctx) => {
        const source = sourceOf(arg);
        const { card, fingerprint } = await previewPeerCard(ctx, source);
        process.stdout.write(
          `card of ${card.id}: ${card.name.en} / ${card.name.zh} (${card.country})\nendpoint ${card.endpoint}\nfingerprint ${fingerprint}\n`,
        );
        let confirmed =
          opts.yes === true ||
          (opts.fingerprint !== undefined && fingerprintsEqual(opts.fingerprint, card.fingerprint));
        if (opts.fingerprint !== undefined && !confirmed)
          throw new AppError('FED_FINGERPRINT_MISMATCH', { details: { card: fingerprint } });
        if (!confirmed) {
          if (!process.stdin.isTTY)
            throw new AppError('FED_FINGERPRINT_MISMATCH', {
              details: { reason: 'confirm with --fingerprint FP or --yes' },
            });
          const answer = await ask(
            "Does this fingerprint match the one the peer's administrator read to you? Type yes or paste the fingerprint: ",
          );
          confirmed = answer.toLowerCase() === 'yes' || fingerprintsEqual(answer, card.fingerprint);
          if (!confirmed) throw new AppError('FED_FINGERPRINT_MISMATCH', { details: { card: fingerprint } });
        }
        const peer = await addPeer(ctx, system(ctx), { ...source, fingerprint: card.fingerprint });
        process.stdout.write(`added peer ${peer.id} (${peer.status})\n`);
        setExit(0);
      }),
    );

  withNodeOptions(peers.command('list').description('list peers with their health'))
    .option('--json', 'print JSON')
    .action((opts: NodeOptions & { json?: boolean }) =>
      withNode(opts, async (ctx) => {
        const items = await listPeerStatuses(ctx);
        if (opts.json) process.stdout.write(`${JSON.stringify(items)}\n`);
        for (const p of opts.json ? [] : items) {
          const h = p.health as { queueDepth: number; lastContactAt: string | null; failures: { consecutive: number } };
          process.stdout.write(
            `${p.id}\t${p.status}\t${p.country}\t${p.endpoint}\tqueue=${h.queueDepth}\tlast-contact=${h.lastContactAt ?? 'never'}\tfailures=${h.failures.consecutive}\t${formatFingerprint(p.fingerprint)}\n`,
          );
        }
        setExit(0);
      }),
    );

  for (const [verb, status] of [
    ['suspend', 'suspended'],
    ['resume', 'active'],
  ] as const) {
    withNodeOptions(peers.command(`${verb} <id>`).description(`${verb} a peer`)).action(
      (id: string, opts: NodeOptions) =>
        withNode(opts, async (ctx) => {
          const peer = await setPeerStatus(ctx, system(ctx), id, status);
          process.stdout.write(`peer ${peer.id} is ${peer.status}\n`);
          setExit(0);
        }),
    );
  }

  withNodeOptions(peers.command('remove <id>').description('remove a peer (its message history is kept)')).action(
    (id: string, opts: NodeOptions) =>
      withNode(opts, async (ctx) => {
        await removePeer(ctx, system(ctx), id);
        process.stdout.write(`removed peer ${id}\n`);
        setExit(0);
      }),
  );

  withNodeOptions(
    peers.command('ping <id>').description('queue connectivity-check messages to a peer (sent by the running node)'),
  )
    .option('--count <n>', 'how many', '1')
    .action((id: string, opts: NodeOptions & { count: string }) =>
      withNode(opts, async (ctx) => {
        const count = Number(opts.count);
        if (!Number.isInteger(count) || count < 1 || count > 10_000)
          throw new AppError('INVALID_INPUT', { details: { count: opts.count } });
        const r = await pingPeer(ctx, system(ctx), id, count);
        process.stdout.write(`queued ${r.count} ping(s) to ${r.peer}: seq ${r.firstSeq}..${r.lastSeq}\n`);
        setExit(0);
      }),
    );

  registerDeadLetters(peers, setExit, system);
}

function registerDeadLetters(
  peers: Command,
  setExit: (code: number) => void,
  system: (ctx: ServiceContext) => { kind: 'system'; partyId: string },
): void {
  const deadLetters = withNodeOptions(
    peers
      .command('dead-letters')
      .description('inbound messages refused for their content: list (open ones), export, discard'),
  )
    .option('--json', 'print JSON')
    .option('--all', 'include discarded ones')
    .option('--peer <id>', 'only those from this peer')
    .action((opts: NodeOptions & { json?: boolean; all?: boolean; peer?: string }) =>
      withNode(opts, async (ctx) => {
        const items = await listDeadLetters(ctx, { state: opts.all ? 'all' : 'open', peer: opts.peer, limit: 500 });
        if (opts.json) process.stdout.write(`${JSON.stringify(items)}\n`);
        else if (items.length === 0) process.stdout.write('no dead letters\n');
        for (const d of opts.json ? [] : items) {
          process.stdout.write(
            `${d.mid}\t${d.state}\t${d.from}\t${d.channel}#${d.seq}\t${d.type}\t${d.code}\t${d.receivedAt}\t${d.reason?.en ?? ''}\n`,
          );
        }
        setExit(0);
      }),
    );

  // The node options (--data-dir …) belong to `dead-letters` and are read from it, wherever they stand.
  deadLetters
    .command('export <mid>')
    .description('write the signed message exactly as received (compact JWS) to a file')
    .requiredOption('--out <file>', 'file to write (must not exist)')
    .action((mid: string, _opts: unknown, cmd: Command) =>
      withNode(cmd.optsWithGlobals<NodeOptions & { out: string }>(), async (ctx) => {
        const opts = cmd.optsWithGlobals<NodeOptions & { out: string }>();
        const { message } = await exportDeadLetter(ctx, system(ctx), mid);
        try {
          writeFileSync(opts.out, message, { flag: 'wx', mode: 0o600 });
        } catch (cause) {
          throw new AppError('INVALID_INPUT', { cause, details: { out: opts.out, reason: (cause as Error).message } });
        }
        process.stdout.write(`wrote ${message.length} bytes to ${opts.out}\n`);
        setExit(0);
      }),
    );

  deadLetters
    .command('discard <mid>')
    .description('mark a dead letter as dealt with (it is kept, no longer listed)')
    .action((mid: string, _opts: unknown, cmd: Command) =>
      withNode(cmd.optsWithGlobals<NodeOptions>(), async (ctx) => {
        const d = await discardDeadLetter(ctx, system(ctx), mid);
        process.stdout.write(`discarded ${d.mid} (${d.from} ${d.channel}#${d.seq} ${d.code})\n`);
        setExit(0);
      }),
    );
}
