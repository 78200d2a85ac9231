// `crossline directory show|sign|apply|publish`: the federation's signed membership directory from
// the command line. A founder signs a draft version (a file passed from founder to founder collects
// their signatures); any node applies a signed version from a file or from a node's address; a
// founder or the secretariat publishes the held version to every member.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { fetchDirectory } from '../../federation/directory-fetch.js';
import { openNodeContext } from '../../node.js';
import type { ServiceContext } from '../../services/context.js';
import { applyDirectory } from '../../services/federation/directory/apply-directory.js';
import { directoryView } from '../../services/federation/directory/directory-view.js';
import { publishDirectory } from '../../services/federation/directory/publish-directory.js';
import { signDirectoryDraft } from '../../services/federation/directory/sign-directory.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (cause) {
    throw new AppError('FED_DIRECTORY_INVALID', { cause, details: { reason: `cannot read ${file} as JSON` } });
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

export function registerDirectory(program: Command, setExit: (code: number) => void): void {
  const directory = program.command('directory').description("the federation's signed membership directory");
  const system = (ctx: ServiceContext) => ({ kind: 'system' as const, partyId: ctx.config.nodeId });

  withNodeOptions(
    directory
      .command('show')
      .description("the directory this node holds, its members' health and the versions applied"),
  )
    .option('--json', 'print JSON')
    .action((opts: NodeOptions & { json?: boolean }) =>
      withNode(opts, async (ctx) => {
        const view = await directoryView(ctx);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(view)}\n`);
        } else if (!view.current) {
          process.stdout.write('no directory applied\n');
        } else {
          const c = view.current;
          process.stdout.write(
            `${c.federation} version ${c.version} (${c.issuedAt}), ${c.threshold} of ${c.founders.length} founders, signed by ${c.signedBy.join(', ')}\n`,
          );
          for (const m of c.members) {
            const state = m.self
              ? 'self'
              : m.peer
                ? `${m.peer.status}${m.peer.fingerprintMatches ? '' : ' (other key)'} queue=${m.peer.queueDepth} failures=${m.peer.consecutiveFailures}`
                : 'not a peer';
            process.stdout.write(
              `${m.party}\t${m.country}\t${m.founder ? 'founder' : ''}${m.roles.length ? ` ${m.roles.join(' ')}` : ''}\t${state}\t${m.endpoint}\n`,
            );
          }
          for (const v of view.history) {
            const d = v.diff;
            process.stdout.write(
              `v${v.version} applied ${v.appliedAt} (${v.source}): +${d.added.join(',') || '-'} rotated ${d.rotated.map((r) => r.party).join(',') || '-'} removed ${d.removed.join(',') || '-'}${d.foundersChanged ? ' founders changed' : ''}\n`,
            );
          }
        }
        setExit(0);
      }),
    );

  withNodeOptions(
    directory
      .command('sign <draftFile>')
      .description("sign a draft version with this node's key (founders); writes the signed directory"),
  )
    .requiredOption('--out <file>', 'where to write the signed directory (may be the draft file itself)')
    .action((file: string, opts: NodeOptions & { out: string }) =>
      withNode(opts, async (ctx) => {
        const signed = await signDirectoryDraft(ctx, system(ctx), readJson(file));
        if (opts.out !== file && existsSync(opts.out))
          throw new AppError('INVALID_INPUT', { details: { reason: `${opts.out} exists` } });
        writeFileSync(opts.out, `${JSON.stringify(signed, null, 2)}\n`, { mode: 0o644 });
        process.stdout.write(
          `signed version ${signed.document.version} of ${signed.document.federation}: ${signed.signatures.length} signature(s) in ${opts.out}\n`,
        );
        setExit(0);
      }),
    );

  withNodeOptions(
    directory
      .command('apply <fileOrUrl>')
      .description("verify a signed version (a file, or a node's address) and apply it to the peers"),
  ).action((source: string, opts: NodeOptions) =>
    withNode(opts, async (ctx) => {
      const url = /^https?:\/\//.test(source);
      const raw = url ? await fetchDirectory(source, ctx.config.federationHttpTimeoutMs, ctx.logger) : readJson(source);
      const r = await applyDirectory(ctx, system(ctx), raw, url ? 'url' : 'upload');
      process.stdout.write(
        `${r.resync ? 're-synced' : 'applied'} ${r.federation} version ${r.version}, signed by ${r.signedBy.join(', ')}\n`,
      );
      for (const o of r.outcomes) process.stdout.write(`${o.party}\t${o.outcome}${o.detail ? `\t${o.detail}` : ''}\n`);
      setExit(0);
    }),
  );

  withNodeOptions(
    directory
      .command('publish [file]')
      .description('send the held version (or FILE, applied first) to every member (founders, secretariat)'),
  ).action((file: string | undefined, opts: NodeOptions) =>
    withNode(opts, async (ctx) => {
      const r = await publishDirectory(ctx, system(ctx), file === undefined ? undefined : readJson(file));
      process.stdout.write(
        `queued version ${r.version} to ${r.sentTo.length} member(s): ${r.sentTo.join(', ') || '-'}\n`,
      );
      for (const n of r.notSent) process.stdout.write(`not sent to ${n.party}: ${n.reason}\n`);
      setExit(0);
    }),
  );
}
