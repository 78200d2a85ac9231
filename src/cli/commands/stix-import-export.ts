// `crossline import stix FILE` and `crossline export stix`: stream STIX 2.1 bundles of any size in
// and out of a collection. Import shows a progress bar by bytes read (only on a terminal) and a
// summary naming the first invalid objects; `--report FILE` keeps every one of them as JSON lines.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { openNodeContext } from '../../node.js';
import { exportStix } from '../../services/intel/export-stix.js';
import { importStix, type InvalidStixObject } from '../../services/intel/import-stix.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

const SHOWN_INVALID = 20;

type ImportOptions = NodeOptions & {
  collection?: string;
  report?: string;
  correlate: boolean;
  batchSize?: string;
  json?: boolean;
};
type ExportOptions = NodeOptions & { collection?: string; type?: string[]; out?: string };

function describeInvalid(i: InvalidStixObject): string {
  const who = [i.type, i.id].filter(Boolean).join(' ') || '(not an object)';
  return `  #${i.index} ${who}: ${i.issues.map((x) => `${x.path || '(object)'} – ${x.message.en}`).join('; ')}`;
}

export function registerStix(program: Command, setExit: (code: number) => void): void {
  const importCmd =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import data into this node');
  withNodeOptions(
    importCmd
      .command('stix')
      .argument('<file>', 'STIX 2.1 bundle (JSON)')
      .description('import a STIX 2.1 bundle (streamed; any size)'),
  )
    .option('--collection <idOrAlias>', 'target collection', 'local')
    .option('--report <file>', 'write every invalid object with its reasons (JSON lines)')
    .option('--no-correlate', 'skip indexing observables for correlation (fastest bulk load)')
    .option('--batch-size <n>', 'objects per insert and transaction', '2000')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: ImportOptions) => {
      const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
      const size = statSync(file).size;
      const bar =
        process.stderr.isTTY && !opts.json
          ? new SingleBar(
              {
                format: 'import [{bar}] {percentage}% | {value}/{total} MB | {objects} objects',
                stream: process.stderr,
              },
              Presets.shades_classic,
            )
          : undefined;
      const report = opts.report ? createWriteStream(opts.report) : undefined;
      let objects = 0;
      bar?.start(Math.max(1, Math.round(size / 1e6)), 0, { objects });
      try {
        const started = Date.now();
        const result = await importStix(ctx, createReadStream(file, { highWaterMark: 1 << 20 }), {
          actor: { kind: 'system', partyId: ctx.config.nodeId },
          collection: opts.collection ?? 'local',
          source: 'import',
          correlate: opts.correlate,
          batchSize: Math.max(1, Number(opts.batchSize ?? 2000) || 2000),
          keepInvalid: SHOWN_INVALID,
          onBytes: (n) => bar?.update(Math.round(n / 1e6), { objects }),
          onBatch: (p) => {
            objects = p.objects;
          },
          ...(report
            ? {
                onInvalid: (i: InvalidStixObject) => {
                  report.write(`${JSON.stringify(i)}\n`);
                },
              }
            : {}),
        });
        bar?.stop();
        const seconds = (Date.now() - started) / 1000;
        if (opts.json) process.stdout.write(`${JSON.stringify({ ...result, seconds })}\n`);
        else {
          process.stdout.write(
            `imported ${result.imported}, duplicates ${result.duplicates}, invalid ${result.invalidCount} of ${result.total} objects in ${seconds.toFixed(1)} s\n`,
          );
          for (const i of result.invalid) process.stdout.write(`${describeInvalid(i)}\n`);
          if (result.invalidCount > result.invalid.length)
            process.stdout.write(
              `  … ${result.invalidCount - result.invalid.length} more${opts.report ? ` in ${opts.report}` : ' (use --report FILE for all)'}\n`,
            );
        }
        setExit(result.invalidCount > 0 ? 1 : 0);
      } finally {
        bar?.stop();
        if (report) {
          report.end();
          await once(report, 'close');
        }
        await ctx.db.close();
      }
    });

  const exportCmd =
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description('export data from this node');
  withNodeOptions(exportCmd.command('stix').description('export a collection as one STIX 2.1 bundle (streamed)'))
    .option('--collection <idOrAlias>', 'source collection', 'local')
    .option('--type <type...>', 'only these STIX object types')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: ExportOptions) => {
      const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
      try {
        const out = opts.out ? createWriteStream(opts.out) : process.stdout;
        const chunks = await exportStix(ctx, {
          collection: opts.collection ?? 'local',
          ...(opts.type?.length ? { types: opts.type.flatMap((t) => t.split(',')) } : {}),
        });
        for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
        if (opts.out) {
          (out as ReturnType<typeof createWriteStream>).end();
          await once(out, 'close');
        }
        setExit(0);
      } finally {
        await ctx.db.close();
      }
    });
}
