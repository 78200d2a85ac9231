// `tsx bench/profile-summary.ts <file.cpuprofile> [per-operation count]`: where the CPU of a node
// process went, from a `node --cpu-prof` profile (e.g. `BENCH_API_PROFILE=dir npm run bench:api`).
// Every sample is charged to one category: the nearest library on its stack (the pg driver with the
// socket writes it makes, zod, the HTTP server, logging), else a step of the create anywhere on the
// stack (audit hash chain, search tokenising, observable indexing), else the layer of the nearest
// source frame (through the bundle's source map). Prints ms per category and, given the number of
// operations the profile covers, ms per operation.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

type Frame = { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
type ProfileNode = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/**
 * Libraries: a sample whose stack passes through one is charged to it (the nearest to the sampled
 * function wins), node's own frames included — a socket write made by the pg driver is a cost of
 * the SQL round trip, one made by the HTTP server a cost of answering.
 */
const ZOD = 'zod (request validation, response schemas)';
const LIBRARIES: { name: string; match: (f: Frame) => boolean }[] = [
  {
    name: 'SQL round trips (pg driver, socket writes and reads)',
    match: (f) => /node_modules\/pg(-protocol|-types|-pool)?\//.test(f.url),
  },
  {
    name: ZOD,
    match: (f) => /node_modules\/zod\//.test(f.url) || /fastify-type-provider-zod/.test(f.url),
  },
  {
    name: 'HTTP (node http, fastify routing, hooks, serialising, response write)',
    match: (f) =>
      /node_modules\/(fastify|@fastify|find-my-way|avvio|fast-json-stringify|light-my-request)/.test(f.url) ||
      /^node:_http_/.test(f.url),
  },
  { name: 'logging (pino)', match: (f) => /node_modules\/(pino|sonic-boom)/.test(f.url) },
];

/** Steps of a create: a sample with one of these functions anywhere on its stack is charged to it. */
const STEPS: { name: string; match: (f: Frame) => boolean }[] = [
  {
    name: 'audit hash chain',
    match: (f) => /^(appendAudit|appendAuditMany|appendNow|chainEntries|hashAuditEntry)$/.test(f.functionName),
  },
  { name: 'presenting a request (clocks, allowed actions)', match: (f) => f.functionName === 'presentRequest' },
  { name: 'search tokenising', match: (f) => /^(searchRowOf|buildTsVector|indexTerms)$/.test(f.functionName) },
  {
    name: 'observable indexing',
    match: (f) => /^(recordRequestObservables|recordObservables|requestObservables)$/.test(f.functionName),
  },
];

/** Where the nearest source frame lives, for the rest. */
const LAYERS: { name: string; match: (f: Frame) => boolean }[] = [
  { name: 'domain rules', match: (f) => /src\/domain\//.test(f.url) },
  { name: 'services (other)', match: (f) => /src\/(services|audit|security)\//.test(f.url) },
  { name: 'storage (repositories, row mapping)', match: (f) => /src\/storage\//.test(f.url) },
  { name: 'http layer (auth, presenters)', match: (f) => /src\/http\//.test(f.url) },
];

const maps = new Map<string, SourceMap | null>();

/** The frame with `url` naming its source file, through the bundle's source map (bundled code keeps one url). */
function original(frame: Frame): Frame {
  if (!frame.url.startsWith('file://') || frame.lineNumber === undefined) return frame;
  if (!maps.has(frame.url)) {
    const mapFile = `${fileURLToPath(frame.url)}.map`;
    maps.set(
      frame.url,
      existsSync(mapFile)
        ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0])
        : null,
    );
  }
  const entry = maps.get(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber ?? 0);
  return entry && 'originalSource' in entry ? { ...frame, url: entry.originalSource } : frame;
}

export function summarise(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = categoryOf.get(id);
    if (known) return known;
    const stack: Frame[] = [];
    const raw: Frame[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      raw.push(byId.get(cur)!.callFrame);
      stack.push(original(byId.get(cur)!.callFrame));
    }
    const leaf = stack[0]!.functionName;
    let cat: string | undefined;
    if (leaf === '(garbage collector)') cat = 'garbage collection';
    else if (leaf === '(idle)' || leaf === '(program)') cat = 'idle';
    for (const f of stack) {
      if (cat) break;
      cat = LIBRARIES.find((c) => c.match(f))?.name;
    }
    // zod's time split by who asked: the response serialiser, or the check of stored documents and rows.
    if (cat === ZOD && raw.some((f) => /fastify-type-provider-zod/.test(f.url))) cat = `${ZOD}: response schema`;
    else if (cat === ZOD && stack.some((f) => /src\/storage\//.test(f.url))) cat = `${ZOD}: stored documents, rows`;
    cat ??= STEPS.find((c) => stack.some((f) => c.match(f)))?.name;
    for (const f of stack) {
      if (cat) break;
      cat = LAYERS.find((c) => c.match(f))?.name;
    }
    cat ??= 'node runtime (sockets, timers, module loading)';
    categoryOf.set(id, cat);
    return cat;
  };
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const cat = classify(id);
    ms.set(cat, (ms.get(cat) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return ms;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, count] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [operations]');
  const ms = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const busy = [...ms].filter(([k]) => k !== 'idle').reduce((a, [, v]) => a + v, 0);
  const per = Number(count ?? 0);
  for (const [k, v] of [...ms].sort((a, b) => b[1] - a[1])) {
    process.stdout.write(
      `${JSON.stringify({ category: k, ms: Math.round(v), share_of_busy: k === 'idle' ? null : Math.round((v / busy) * 1000) / 1000, ...(per ? { ms_per_op: Math.round((v / per) * 1000) / 1000 } : {}) })}\n`,
    );
  }
}
