// `crossline exercises results`: the score per party of the exercises this node directed that
// started in a period, as text or JSON (the same figures as the board and the reports).
import type { Command } from 'commander';
import { openNodeContext } from '../../node.js';
import { listExerciseResults } from '../../services/exercise/exercise-results.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

type Opts = NodeOptions & { from?: string; to?: string; json?: boolean };

function instant(value: string | undefined, fallback: Date, name: string): Date {
  if (value === undefined) return fallback;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new Error(`--${name} must be a date such as 2026-10-01 or an ISO instant`);
  return at;
}

export function registerExercises(program: Command, setExit: (code: number) => void): void {
  const exercises = program.command('exercises').description('tabletop exercises directed by this node');
  withNodeOptions(exercises.command('results').description('score per party of the exercises started in a period'))
    .option('--from <date>', 'start of the period (default: 30 days ago)')
    .option('--to <date>', 'end of the period, exclusive (default: now)')
    .option('--json', 'print the results as JSON')
    .action(async (opts: Opts) => {
      const now = new Date();
      const range = {
        from: instant(opts.from, new Date(now.getTime() - 30 * 86_400_000), 'from'),
        to: instant(opts.to, now, 'to'),
      };
      const ctx = await openNodeContext(configFrom(opts, { logLevel: 'warn' }));
      try {
        const results = await listExerciseResults(ctx, range);
        if (opts.json) process.stdout.write(`${JSON.stringify(results)}\n`);
        else if (results.length === 0) process.stdout.write('no exercise started in this period\n');
        for (const r of opts.json ? [] : results) {
          process.stdout.write(
            `${r.startedAt.toISOString()}  ${r.title.en} / ${r.title.zh}${r.endedAt ? '' : ' (running)'}\n`,
          );
          for (const p of r.parties) {
            const met = p.injects.filter((i) => i.met === true).length;
            const missed = p.injects.filter((i) => i.met === false).length;
            process.stdout.write(`  ${p.partyId}: score ${p.score ?? '—'} (${met} injects met, ${missed} missed)\n`);
          }
        }
        setExit(0);
      } finally {
        await ctx.db.close();
      }
    });
}
