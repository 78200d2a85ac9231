// `tsx bench/create-sql.bench.ts`: the SQL of one create-request, in-process through the service the
// HTTP route calls (createDraftRequest): every statement it sends (round trips per create), the time
// the node waits for each, and EXPLAIN (ANALYZE, BUFFERS) of each statement of one create — its
// planning and execution time on the server. With docs/performance.md's CPU profile this says where
// a create's database time goes. BENCH_STORE=embedded|postgres (default embedded), BENCH_CREATES.
import pg from 'pg';
import type { TCreateRequestDraft } from '../src/domain/request/index.js';
import type { UserActor } from '../src/domain/shared/actor.js';
import { createDraftRequest } from '../src/services/request/create-request-draft.js';
import { preservationDraft } from '../test/factories.js';
import { backendCpuMs, openBenchContext, report } from './support.js';

const STORE = (process.env.BENCH_STORE ?? 'embedded') as 'embedded' | 'postgres';
const CREATES = Number(process.env.BENCH_CREATES ?? 300);

type Sent = { text: string; values: unknown[]; ms: number };
let recording: Sent[] | null = null;
/** While set, named (prepared) statements are sent unnamed: the node as it was before it prepared statements. */
let unnamed = false;

// Records every statement a pg client sends while `recording` is set (the pool's clients included).
const original = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  // A statement comes as text and values, or as a config object (named, prepared statements).
  const config =
    typeof args[0] === 'string'
      ? { text: args[0], values: args[1] as unknown[] | undefined }
      : (args[0] as { text?: unknown; values?: unknown[]; name?: string });
  const result =
    unnamed && 'name' in config && config.name
      ? original.call(this, config.text, config.values)
      : original.apply(this, args);
  const into = recording;
  if (into && typeof config.text === 'string' && result instanceof Promise) {
    const start = performance.now();
    const sent: Sent = { text: config.text, values: config.values ?? [], ms: 0 };
    into.push(sent);
    void result.then(
      () => {
        sent.ms = performance.now() - start;
      },
      () => undefined,
    );
  }
  return result;
};

/** The statement's first words, enough to tell the statements of a create apart. */
const label = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 90);

// The pool's connections carry this name, so their backends' CPU can be read (pg takes PGAPPNAME).
const APP_NAME = `crossline-create-sql-${process.pid}`;
process.env.PGAPPNAME = APP_NAME;
const t = await openBenchContext(STORE);
try {
  t.ctx.clock = () => new Date();
  const actor: UserActor = {
    kind: 'user',
    userId: 'bench-user',
    name: 'Bench Officer',
    roles: ['investigator'],
    partyId: 'cn-test',
  };
  const input = preservationDraft() as TCreateRequestDraft;
  for (let i = 0; i < 30; i++) await createDraftRequest(t.ctx, actor, input); // warm-up
  // Rounds alternate between unnamed statements (as before) and prepared ones, so both modes meet
  // the same neighbours on a shared machine; the ratio of the two is the figure to trust.
  const perCreate: Sent[][] = [];
  const ROUNDS = 6;
  const totals = { unnamed: { cpu: 0, db: 0, wall: 0, n: 0 }, prepared: { cpu: 0, db: 0, wall: 0, n: 0 } };
  for (let round = 0; round < ROUNDS; round++) {
    unnamed = round % 2 === 0;
    const mode = totals[unnamed ? 'unnamed' : 'prepared'];
    const n = Math.ceil(CREATES / ROUNDS);
    const cpu0 = process.cpuUsage();
    const dbCpu0 = await backendCpuMs(t.adminUrl, APP_NAME);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      recording = [];
      await createDraftRequest(t.ctx, actor, input);
      if (!unnamed) perCreate.push(recording);
      recording = null;
    }
    mode.wall += performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    mode.cpu += (cpu.user + cpu.system) / 1000;
    mode.db += (await backendCpuMs(t.adminUrl, APP_NAME)) - dbCpu0;
    mode.n += n;
  }
  unnamed = false;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  report({ bench: 'create-sql', metric: 'statements_per_create', value: perCreate.at(-1)!.length, storage: STORE });
  for (const [mode, m] of Object.entries(totals)) {
    report({
      bench: 'create-sql',
      metric: 'in_process_create_ms',
      value: r2(m.wall / m.n),
      unit: 'ms',
      storage: STORE,
      statements: mode,
      note: 'one at a time, no HTTP',
    });
    report({
      bench: 'create-sql',
      metric: 'in_process_node_cpu_ms',
      value: r2(m.cpu / m.n),
      unit: 'ms',
      storage: STORE,
      statements: mode,
      note: 'service + driver CPU per create, no HTTP',
    });
    report({
      bench: 'create-sql',
      metric: 'in_process_db_cpu_ms',
      value: r2(m.db / m.n),
      unit: 'ms',
      storage: STORE,
      statements: mode,
      note: "the pool's backends' CPU per create",
    });
  }
  const ratio = (k: 'cpu' | 'db' | 'wall') =>
    r2(totals.prepared[k] / totals.prepared.n / (totals.unnamed[k] / totals.unnamed.n));
  report({
    bench: 'create-sql',
    metric: 'prepared_to_unnamed',
    value: ratio('db'),
    storage: STORE,
    db_cpu: ratio('db'),
    node_cpu: ratio('cpu'),
    wall: ratio('wall'),
  });
  // Mean wait per statement position (the same statements in the same order on every create).
  const last = perCreate.at(-1)!;
  // EXPLAIN ANALYZE runs the statement: inside a transaction rolled back at once.
  const rollback = new Error('rollback');
  const explain = async (text: string, values: unknown[]) => {
    let plan: { 'Planning Time': number; 'Execution Time': number } | undefined;
    await t.ctx.db
      .transaction(async (tx) => {
        const rows = await tx.query<{ 'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number }] }>(
          `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`,
          values,
        );
        plan = rows[0]!['QUERY PLAN'][0];
        throw rollback;
      })
      .catch((e: unknown) => {
        if (e !== rollback) process.stderr.write(`explain failed for ${label(text)}: ${(e as Error).message}\n`);
      });
    return plan ? { planning: plan['Planning Time'], execution: plan['Execution Time'] } : {};
  };
  for (const [i, s] of last.entries()) {
    const waits = perCreate
      .filter((c) => c.length === last.length)
      .map((c) => c[i]!.ms)
      .sort((a, b) => a - b);
    const plan = /^(BEGIN|COMMIT|ROLLBACK)/i.test(s.text.trim()) ? {} : await explain(s.text, s.values);
    report({
      bench: 'create-sql',
      metric: 'statement',
      value: Math.round(waits[Math.floor(waits.length / 2)]! * 1000) / 1000,
      unit: 'ms (median wait in node)',
      storage: STORE,
      n: i + 1,
      sql: label(s.text),
      planning_ms: plan.planning,
      execution_ms: plan.execution,
    });
  }
} finally {
  await t.cleanup();
}
