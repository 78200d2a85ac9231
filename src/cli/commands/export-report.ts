// `crossline report`: a period, peer, case or request report written as PDF, CSV or JSON.
// The file is written to a temporary name and renamed, so a reader never sees half a report.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { openNodeContext } from '../../node.js';
import { exportReport, REPORT_FORMATS, type ReportFormat } from '../../report/export-report.js';
import { REPORT_LOCALES, type ReportLocale } from '../../report/report-locale.js';
import type { ServiceContext } from '../../services/context.js';
import { buildCaseReportFor } from '../../services/report/build-case-report.js';
import { buildPeriodStatistics } from '../../services/report/build-period-report.js';
import { buildRequestReportFor } from '../../services/report/build-request-report.js';
import { OPERATOR, asUser, viewerByUsername } from '../../services/report/report-viewer.js';
import { resolvePeriod } from '../../services/report/resolve-period.js';
import type { ReportDocument } from '../../domain/report/report-model.js';
import { configFrom, withNodeOptions, type NodeOptions } from '../options.js';

type ReportOptions = NodeOptions & {
  period?: string;
  from?: string;
  to?: string;
  timeZone?: string;
  peer?: string;
  case?: string;
  request?: string;
  format: string;
  locale: string;
  out?: string;
  as?: string;
};

async function buildReport(ctx: ServiceContext, o: ReportOptions): Promise<ReportDocument> {
  if (o.case || o.request) {
    // Case and request reports follow a person's view rules (membership, need-to-know).
    if (!o.as)
      throw new AppError('BAD_REQUEST', {
        message: { en: '--case and --request need --as USERNAME.', zh: '--case 和 --request 需要 --as 用户名。' },
      });
    const actor = await viewerByUsername(ctx, o.as);
    return o.case ? buildCaseReportFor(ctx, actor, o.case) : buildRequestReportFor(ctx, actor, o.request as string);
  }
  const viewer = o.as ? asUser(await viewerByUsername(ctx, o.as)) : OPERATOR;
  const period = resolvePeriod({ period: o.period, from: o.from, to: o.to, timeZone: o.timeZone });
  return buildPeriodStatistics(ctx, viewer, { period, peer: o.peer ?? null });
}

function writeAtomically(file: string, body: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, body, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export function registerReport(program: Command, setExit: (code: number) => void): void {
  withNodeOptions(
    program.command('report').description('statistics report of a period, peer, case or request (PDF, CSV or JSON)'),
  )
    .option('--period <p>', 'period: 2026-Q3, 2026-11 or 2026')
    .option('--from <date>', 'first day (YYYY-MM-DD), with --to')
    .option('--to <date>', 'last day included (YYYY-MM-DD), with --from')
    .option('--time-zone <zone>', 'IANA zone whose midnights bound the period (default UTC)')
    .option('--peer <party>', 'only what was exchanged with this party')
    .option('--case <id>', 'report of one case (needs --as)')
    .option('--request <id>', 'report of one request (needs --as)')
    .option('--as <username>', "build the report with this user's view rules")
    .option('--format <f>', `${REPORT_FORMATS.join(' | ')}`, 'pdf')
    .option('--locale <l>', `${REPORT_LOCALES.join(' | ')}`, 'both')
    .option('--out <file>', 'file to write (default: standard output)')
    .action(async (o: ReportOptions) => {
      if (!REPORT_FORMATS.includes(o.format as ReportFormat))
        throw new AppError('REPORT_FORMAT_INVALID', { details: { format: o.format } });
      if (!REPORT_LOCALES.includes(o.locale as ReportLocale)) {
        throw new AppError('BAD_REQUEST', {
          message: {
            en: `Unknown locale "${o.locale}": use both, en or zh-CN.`,
            zh: `未知语言“${o.locale}”：请使用 both、en 或 zh-CN。`,
          },
        });
      }
      const ctx = await openNodeContext(configFrom(o, { logLevel: 'warn' }));
      try {
        process.stderr.write('building report…\n');
        const doc = await buildReport(ctx, o);
        const out = await exportReport(doc, o.format as ReportFormat, o.locale as ReportLocale, {
          timeZone: ctx.config.timeZone,
          partyName: ctx.config.nodeName,
        });
        if (o.out) writeAtomically(o.out, out.body);
        else process.stdout.write(out.body);
        const rows = doc.tables.reduce((n, t) => n + t.rows.length, 0);
        process.stderr.write(
          `${doc.title.en}: ${doc.tables.length} tables, ${rows} rows, ${out.body.length} bytes${o.out ? ` → ${o.out}` : ''}\n`,
        );
        setExit(0);
      } finally {
        await ctx.db.close();
      }
    });
}
