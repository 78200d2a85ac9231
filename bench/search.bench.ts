// Search benchmark (docs/spec.md §7.1): generates bilingual records from fraud/cybercrime vocabulary,
// indexes them through the node's own tokenizer into search_documents (multi-row INSERTs, the
// tsvector cast in SQL), then runs a fixed mix of Chinese, English and mixed queries through the
// search use case and reports the indexing rate and p50/p95 query latency, one JSON line each.
// BENCH_SEARCH_RECORDS (default 1,000,000) sizes both runs: the system PostgreSQL and the embedded
// server (BENCH_SEARCH_STORAGE=postgres|embedded runs one).
// BENCH_SEARCH_KEEP_SCHEMA=name keeps the PostgreSQL index in that schema and reuses it on the next
// run when it holds the same number of records (for tuning queries without re-indexing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { loadOrCreateNodeSecrets } from '../src/security/node-secrets.js';
import type { ServiceContext } from '../src/services/context.js';
import { searchRowOf } from '../src/services/search/index-search-document.js';
import type { SearchDocument } from '../src/services/search/search-documents.js';
import { searchRecords } from '../src/services/search/search-records.js';
import { openDb, type Db } from '../src/storage/db.js';
import { migrate } from '../src/storage/migrate.js';
import { upsertSearchRows, type SearchKind } from '../src/storage/repositories/search-index.repository.js';
import { report } from './support.js';

const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RECORDS = Number(process.env.BENCH_SEARCH_RECORDS ?? 1_000_000);
const BATCH = 500;
const KEEP_SCHEMA = process.env.BENCH_SEARCH_KEEP_SCHEMA;

// Vocabulary of the domain, so term frequencies look like real case files (a few very common
// words, a long tail of specific ones).
const ZH_COMMON = ['诈骗', '受害人', '转账', '账户', '嫌疑人', '案件', '平台', '资金', '网络', '电话'];
const ZH_TERMS = [
  '电信网络诈骗',
  '杀猪盘',
  '虚假投资',
  '冒充客服',
  '冒充公检法',
  '刷单返利',
  '网络赌博',
  '洗钱',
  '虚拟货币',
  '泰达币',
  '地下钱庄',
  '跑分平台',
  '银行卡',
  '第四方支付',
  '勒索软件',
  '数据泄露',
  '钓鱼网站',
  '木马程序',
  '僵尸网络',
  '黑客攻击',
  '身份盗用',
  '信用卡盗刷',
  '贷款诈骗',
  '交友软件',
  '婚恋诈骗',
  '境外窝点',
  '电诈园区',
  '人口贩卖',
  '保全请求',
  '证据调取',
  '服务器日志',
  '登录记录',
  '注册信息',
  '手机号码',
  '微信账号',
  'QQ号码',
  '支付宝',
  '冻结账户',
  '资金流向',
  '跨境协作',
  '儿童性剥削',
  '非法集资',
  '传销',
  '网络攻击',
  '域名解析',
  '云服务器',
  '加密通讯',
  '虚假网站',
  '投资理财',
  '客服退款',
];
const EN_COMMON = ['fraud', 'victim', 'transfer', 'account', 'suspect', 'case', 'platform', 'funds', 'online', 'phone'];
const EN_TERMS = [
  'pig-butchering',
  'investment scam',
  'romance scam',
  'impersonation',
  'money laundering',
  'cryptocurrency',
  'USDT wallet',
  'money mule',
  'underground bank',
  'ransomware',
  'data breach',
  'phishing site',
  'malware',
  'botnet',
  'intrusion',
  'identity theft',
  'card skimming',
  'loan fraud',
  'dating app',
  'scam compound',
  'human trafficking',
  'preservation request',
  'subscriber records',
  'server logs',
  'login IP addresses',
  'mobile number',
  'messaging account',
  'payment provider',
  'frozen accounts',
  'cross-border cooperation',
  'child exploitation',
  'ponzi scheme',
  'DDoS attack',
  'domain registrar',
  'cloud hosting',
  'encrypted messenger',
  'fake website',
  'refund scam',
  'tech support scam',
  'business email compromise',
  'SIM swap',
  'crypto exchange',
  'wire transfers',
  'shell companies',
  'defrauded investors',
  'laundered proceeds',
  'extortion',
  'sextortion',
  'carding forum',
  'dark web market',
];
const CITIES = [
  '深圳',
  '金边',
  '马尼拉',
  '迪拜',
  '曼谷',
  'Phnom Penh',
  'Manila',
  'Bangkok',
  'Dubai',
  'Shenzhen',
  '仰光',
  'Yangon',
];

/** Deterministic PRNG (mulberry32): the same corpus and queries on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Zipf-like pick: low indexes much more often, as in real text.
const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(list.length * r() ** 2.2)]!;

function record(i: number, r: () => number): SearchDocument {
  const zh = [pick(r, ZH_TERMS), pick(r, ZH_COMMON), pick(r, ZH_TERMS)];
  const en = [pick(r, EN_TERMS), pick(r, EN_COMMON), pick(r, EN_TERMS)];
  const city = pick(r, CITIES);
  const kindRoll = r();
  const kind: SearchKind = kindRoll < 0.7 ? 'article' : kindRoll < 0.9 ? 'case' : 'request';
  return {
    kind,
    refId: `bench-${i}`,
    title: `${city}${zh[0]}${zh[1]}案（${i}）\n${en[0]} ${en[1]} case in ${city} #${i}`,
    body:
      `${city}警方发现${zh[0]}团伙，利用${zh[2]}实施${zh[1]}，涉及${pick(r, ZH_COMMON)}${Math.floor(r() * 900 + 100)}万元。` +
      `\nInvestigators in ${city} traced ${en[0]} linked to ${en[2]}; ${pick(r, EN_COMMON)} losses of ${Math.floor(r() * 900 + 100)} thousand.`,
    memberIds: kind === 'case' ? [r() < 0.5 ? 'bench-user' : 'other-user'] : null,
    status: kind === 'article' ? 'published' : 'open',
    tlp: 'GREEN',
    updatedAt: new Date(1_767_225_600_000 + i * 1000).toISOString(),
  };
}

function queries(): string[] {
  const r = rng(7);
  const out: string[] = [];
  for (const t of ZH_TERMS) out.push(t);
  for (const t of EN_TERMS) out.push(t);
  for (let i = 0; i < 40; i++) out.push(`${pick(r, ZH_TERMS)} ${pick(r, ZH_TERMS)}`);
  for (let i = 0; i < 40; i++) out.push(`${pick(r, EN_TERMS)} ${pick(r, CITIES)}`);
  for (let i = 0; i < 30; i++) out.push(`${pick(r, ZH_TERMS)} ${pick(r, EN_TERMS)}`);
  for (const t of [
    '网络诈骗',
    '投资诈骗',
    'frauds',
    'defrauded',
    'laundering',
    '诈骗 OR scam',
    'fraud -crypto',
    'ＵＳＤＴ',
  ])
    out.push(t);
  return out;
}

async function run(storage: 'postgres' | 'embedded', records: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossline-bench-search-'));
  const keep = storage === 'postgres' && KEEP_SCHEMA !== undefined;
  const schema = keep ? KEEP_SCHEMA! : `bench_search_${Date.now().toString(36)}`;
  const db: Db = await openDb(storage === 'postgres' ? { dataDir, databaseUrl: PG_URL, schema } : { dataDir });
  try {
    await migrate(db);
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM search_documents');
    const reuse = keep && n === records;
    if (keep && !reuse) await db.query('TRUNCATE search_documents');
    const ctx: ServiceContext = {
      db,
      config: loadConfig({ dataDir, nodeId: 'bench', logLevel: 'silent' }),
      secrets: loadOrCreateNodeSecrets(dataDir),
      clock: () => new Date(),
      logger: pino({ level: 'silent' }),
    };
    const r = rng(42);
    let tokenizeMs = 0;
    const t0 = performance.now();
    for (let start = 0; start < (reuse ? 0 : records); start += BATCH) {
      const t1 = performance.now();
      const rows = [];
      for (let i = start; i < Math.min(records, start + BATCH); i++) rows.push(searchRowOf(record(i, r)));
      tokenizeMs += performance.now() - t1;
      await upsertSearchRows(db, rows);
      if (process.stderr.isTTY && start % 50_000 === 0) process.stderr.write(`\r${storage}: ${start} indexed`);
    }
    const seconds = (performance.now() - t0) / 1000;
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (!reuse)
      report({
        bench: 'search',
        metric: 'index_records_per_s',
        value: Math.round(records / seconds),
        unit: 'records/s',
        target: 20_000,
        better: 'higher',
        storage,
        records,
        tokenize_share: Number((tokenizeMs / 1000 / seconds).toFixed(2)),
      });
    // What autovacuum does soon after a bulk load: statistics, and the GIN pending list merged into
    // the index (until then every query also scans up to 4 MB of pending entries).
    await db.query('VACUUM ANALYZE search_documents');

    const actor = {
      kind: 'user' as const,
      userId: 'bench-user',
      name: 'Bench',
      roles: ['analyst' as const],
      partyId: 'bench',
    };
    const qs = queries();
    for (const q of qs.slice(0, 20)) await searchRecords(ctx, actor, { q, limit: 20 }); // warm-up
    const latencies: number[] = [];
    const timed: { q: string; ms: number }[] = [];
    let withHits = 0;
    for (const q of qs) {
      const s = performance.now();
      const items = await searchRecords(ctx, actor, { q, limit: 20 });
      latencies.push(performance.now() - s);
      timed.push({ q, ms: performance.now() - s });
      if (items.length) withHits += 1;
    }
    // BENCH_SEARCH_SLOWEST=n names the n slowest queries on stderr (for tuning).
    const slowest = Number(process.env.BENCH_SEARCH_SLOWEST ?? 0);
    for (const t of timed.sort((a, b) => b.ms - a.ms).slice(0, slowest))
      process.stderr.write(`${t.ms.toFixed(1)} ms  ${t.q}\n`);
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      Number(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!.toFixed(1));
    const common = { storage, records, queries: qs.length, queries_with_hits: withHits };
    report({ bench: 'search', metric: 'query_p50_ms', value: at(0.5), unit: 'ms', ...common });
    report({
      bench: 'search',
      metric: 'query_p95_ms',
      value: at(0.95),
      unit: 'ms',
      target: 20,
      better: 'lower',
      ...common,
    });
    report({ bench: 'search', metric: 'query_max_ms', value: at(1), unit: 'ms', ...common });
  } finally {
    if (storage === 'postgres' && !keep) await db.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const only = process.env.BENCH_SEARCH_STORAGE;
if (!only || only === 'postgres') await run('postgres', RECORDS);
if (!only || only === 'embedded') await run('embedded', RECORDS);
