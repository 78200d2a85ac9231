// `npm run bench:intel` (STIX part): writes a bundle of BENCH_STIX_OBJECTS (default 1,000,000)
// mixed indicators, SCOs and relationships to disk, then imports it through importStix (the
// service `crossline import stix` uses) on the embedded PostgreSQL server and on the system PostgreSQL, with correlation on and off.
// Prints objects/s and RSS sampled during the run (peak, and at 25/50/75/100 % of the objects)
// to show memory stays flat, and the rate of each tenth of the bundle (does it fall as the tables grow?).
// BENCH_STIX_SAMPLE=1 also samples the server's active backends every 100 ms and prints what they
// were doing (statement and wait event, in shares of the samples): where a slow import waits.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { scoId } from '../src/intel/stix/uuid.js';
import { importStix } from '../src/services/intel/import-stix.js';
import { openBenchContext, report } from './support.js';

type StoreKind = 'embedded' | 'postgres';

const OBJECTS = Number(process.env.BENCH_STIX_OBJECTS ?? 1_000_000);
const STIX_TARGETS = { perSecond: 20_000, rssMb: 300 };
const BATCH = Number(process.env.BENCH_STIX_BATCH ?? 2000);
const MODES = (process.env.BENCH_STIX_MODES ?? 'correlate,no-correlate').split(',');
const STORES = (process.env.BENCH_STIX_STORES ?? 'embedded,postgres').split(',') as StoreKind[];
const TS = '2026-03-01T10:00:00.000Z';
const SAMPLE = process.env.BENCH_STIX_SAMPLE === '1';

/**
 * Samples the active client backends every 100 ms until `stop`; `summary` gives the number of samples
 * and each (statement, wait) pair's share.
 */
function sampleBackends(adminUrl: string): {
  stop(): Promise<void>;
  summary(): { samples: number; shares: Record<string, number> };
} {
  const client = new pg.Client({ connectionString: adminUrl });
  const counts = new Map<string, number>();
  let total = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ what: string }>(
        `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 48) || ' | ' || coalesce(wait_event_type || ':' || wait_event, 'CPU') AS what
         FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      for (const { what } of rows) counts.set(what, (counts.get(what) ?? 0) + 1);
      total += rows.length;
      await new Promise((r) => setTimeout(r, 100));
    }
    await client.end();
  })();
  return {
    stop() {
      running = false;
      return loop;
    },
    summary() {
      const shares: Record<string, number> = {};
      for (const [what, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12))
        shares[what] = +(n / Math.max(total, 1)).toFixed(3);
      return { samples: total, shares };
    },
  };
}

/** One object of the mix: 40 % indicators, 40 % SCOs (domain, IPv4, URL, file), 20 % relationships. */
function objectAt(i: number, lastIndicator: string): Record<string, unknown> {
  const domain = `host-${i}.bench.example`;
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      return {
        type: 'indicator',
        spec_version: '2.1',
        id: `indicator--${randomUUID()}`,
        created: TS,
        modified: TS,
        name: `Bench indicator ${i}`,
        pattern:
          i % 2
            ? `[domain-name:value = '${domain}']`
            : `[ipv4-addr:value = '10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}']`,
        pattern_type: 'stix',
        valid_from: TS,
        indicator_types: ['malicious-activity'],
        object_marking_refs: ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'],
      };
    case 4:
      return { type: 'domain-name', spec_version: '2.1', id: scoId('domain-name', { value: domain }), value: domain };
    case 5: {
      const value = `172.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      return { type: 'ipv4-addr', spec_version: '2.1', id: scoId('ipv4-addr', { value }), value };
    }
    case 6: {
      const value = `https://${domain}/login?id=${i}`;
      return { type: 'url', spec_version: '2.1', id: scoId('url', { value }), value };
    }
    case 7: {
      const hashes = { 'SHA-256': i.toString(16).padStart(64, '0') };
      return { type: 'file', spec_version: '2.1', id: scoId('file', { hashes }), hashes, name: `sample-${i}.exe` };
    }
    default:
      return {
        type: 'relationship',
        spec_version: '2.1',
        id: `relationship--${randomUUID()}`,
        created: TS,
        modified: TS,
        relationship_type: 'indicates',
        source_ref: lastIndicator,
        target_ref: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
      };
  }
}

async function writeBundle(file: string): Promise<number> {
  const out = createWriteStream(file);
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`{"type":"bundle","id":"bundle--${randomUUID()}","objects":[\n`);
  let lastIndicator = `indicator--${randomUUID()}`;
  for (let i = 0; i < OBJECTS; i++) {
    const o = objectAt(i, lastIndicator);
    if (o.type === 'indicator') lastIndicator = o.id as string;
    await write(`${i ? ',\n' : ''}${JSON.stringify(o)}`);
  }
  await write('\n]}\n');
  out.end();
  await once(out, 'close');
  return statSync(file).size;
}

async function benchImport(store: StoreKind, file: string, correlate: boolean): Promise<void> {
  const t = await openBenchContext(store);
  const rssMb = (): number => Math.round(process.memoryUsage().rss / 1e6);
  const marks: Record<string, number> = {};
  let peak = rssMb();
  const backends = SAMPLE ? sampleBackends(t.adminUrl) : undefined;
  const tenths: number[] = [];
  let tenthStarted = process.hrtime.bigint();
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 100);
  try {
    const started = process.hrtime.bigint();
    const result = await importStix(t.ctx, createReadStream(file, { highWaterMark: 1 << 20 }), {
      actor: { kind: 'system', partyId: 'cn-test' },
      source: 'import',
      correlate,
      batchSize: BATCH,
      onBatch: ({ objects }) => {
        if (objects >= ((tenths.length + 1) * OBJECTS) / 10) {
          const now = process.hrtime.bigint();
          tenths.push(Math.round(OBJECTS / 10 / (Number(now - tenthStarted) / 1e9)));
          tenthStarted = now;
        }
        for (const q of [25, 50, 75])
          if (marks[`rss_mb_at_${q}pct`] === undefined && objects >= (OBJECTS * q) / 100)
            marks[`rss_mb_at_${q}pct`] = rssMb();
      },
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    marks.rss_mb_at_100pct = rssMb();
    const mode = correlate ? 'correlate' : 'no-correlate';
    report({
      bench: 'intel-stix',
      metric: 'import_objects_per_s',
      value: Math.round(result.total / seconds),
      unit: 'objects/s',
      ...(correlate ? { target: STIX_TARGETS.perSecond, better: 'higher' as const } : {}),
      storage: store,
      mode,
      objects: result.total,
      imported: result.imported,
      invalid: result.invalidCount,
      seconds: +seconds.toFixed(1),
      batch: BATCH,
      per_s_by_tenth: tenths,
    });
    if (backends) {
      await backends.stop();
      const { samples, shares } = backends.summary();
      report({ bench: 'intel-stix', metric: 'backend_samples', value: samples, storage: store, mode, shares });
    }
    report({
      bench: 'intel-stix',
      metric: 'import_peak_rss_mb',
      value: Math.max(peak, marks.rss_mb_at_100pct),
      unit: 'MB',
      ...(correlate ? { target: STIX_TARGETS.rssMb, better: 'lower' as const } : {}),
      storage: store,
      mode,
      objects: OBJECTS,
      ...marks,
    });
  } finally {
    clearInterval(sampler);
    await backends?.stop();
    await t.cleanup();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'crossline-bench-stix-'));
try {
  const file = path.join(dir, 'bundle.json');
  const started = Date.now();
  const bytes = await writeBundle(file);
  report({
    bench: 'intel-stix',
    metric: 'bundle_mb',
    value: Math.round(bytes / 1e6),
    objects: OBJECTS,
    write_seconds: (Date.now() - started) / 1000,
  });
  for (const store of STORES) for (const mode of MODES) await benchImport(store, file, mode === 'correlate');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
