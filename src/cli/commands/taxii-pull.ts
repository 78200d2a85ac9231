// `crossline taxii pull URL COLLECTION`: pulls a remote TAXII 2.1 collection (URL = discovery or
// API root) into a local collection, page by page, with a progress line per page on a terminal and
// a summary (imported, duplicates, invalid); exit 1 when some objects were invalid, 2 when the
// pull ended early (what it stored is kept; the message says where the next pull should start).
import type { Command } from 'commander';
import { createTaxiiClient, type TaxiiAuth } from '../../intel/taxii/client.js';
import { isTaxiiTimestamp } from '../../intel/taxii/filters.js';
import { openNodeContext } from '../../node.js';
import { pullTaxiiCollection } from '../../services/intel/taxii-pull.js';
import { getCollection } from '../../services/intel/taxii-collections-admin.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

type PullOptions = NodeOptions & {
  token?: string;
  user?: string;
  password?: string;
  into: string;
  addedAfter?: string;
  timeout: string;
  json?: boolean;
};

const SHOWN_INVALID = 20;

function authFrom(opts: PullOptions): TaxiiAuth {
  if (opts.token) return { kind: 'bearer', token: opts.token };
  if (opts.user || opts.password) {
    if (!opts.user || !opts.password) throw new Error('--user and --password go together');
    return { kind: 'basic', username: opts.user, password: opts.password };
  }
  return { kind: 'none' };
}

export function registerTaxii(program: Command, setExit: (code: number) => void): void {
  const taxii = program.command('taxii').description('TAXII 2.1 client');
  withNodeOptions(
    taxii
      .command('pull')
      .argument('<url>', 'discovery or API root URL of the TAXII server')
      .argument('<collection>', 'remote collection id, alias or title')
      .description('pull a remote TAXII collection into a local collection'),
  )
    .option('--token <token>', 'API token (sent as Bearer)')
    .option('--user <user>', 'HTTP Basic user name')
    .option('--password <password>', 'HTTP Basic password')
    .option('--into <idOrAlias>', 'local target collection', 'local')
    .option('--added-after <timestamp>', 'only objects the server added after this RFC 3339 time')
    .option('--timeout <seconds>', 'per-request timeout', '60')
    .option('--json', 'print the summary as JSON')
    .action(async (url: string, collection: string, opts: PullOptions) => {
      if (opts.addedAfter && !isTaxiiTimestamp(opts.addedAfter))
        throw new Error('--added-after must be an RFC 3339 timestamp');
      const auth = authFrom(opts);
      const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
      try {
        const target = await getCollection(ctx, opts.into);
        const client = createTaxiiClient({ auth, timeoutMs: Math.max(1, Number(opts.timeout) || 60) * 1000 });
        const apiRoot = await client.resolveApiRoot(url);
        const remote = await client.findCollection(apiRoot, collection);
        const showProgress = process.stderr.isTTY && !opts.json;
        const started = Date.now();
        const summary = await pullTaxiiCollection(ctx, {
          client,
          apiRoot,
          remoteCollectionId: remote.id,
          targetCollectionId: target.id,
          addedAfter: opts.addedAfter ?? null,
          source: `taxii:${new URL(apiRoot).host}`,
          actor: { kind: 'system', partyId: ctx.config.nodeId },
          onPage: (p) => {
            if (showProgress)
              process.stderr.write(`\rpull: page ${p.pages}, ${p.received} objects received, ${p.imported} imported`);
          },
        });
        if (showProgress) process.stderr.write('\n');
        const seconds = (Date.now() - started) / 1000;
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...summary, seconds })}\n`);
        else {
          process.stdout.write(
            `pulled "${remote.title}" into ${target.alias ?? target.id}: imported ${summary.imported}, duplicates ${summary.duplicates}, invalid ${summary.invalid.length} (${summary.pages} pages, ${seconds.toFixed(1)} s)\n`,
          );
          for (const i of summary.invalid.slice(0, SHOWN_INVALID))
            process.stdout.write(`  ${i.id ?? '(no id)'}: ${i.reason}\n`);
          if (summary.invalid.length > SHOWN_INVALID)
            process.stdout.write(`  … ${summary.invalid.length - SHOWN_INVALID} more\n`);
          if (summary.watermark) process.stdout.write(`next incremental pull: --added-after ${summary.watermark}\n`);
        }
        if (summary.error) process.stderr.write(`error: ${summary.error}\n`);
        setExit(summary.error ? 2 : summary.invalid.length > 0 ? 1 : 0);
      } finally {
        await ctx.db.close();
      }
    });
}
