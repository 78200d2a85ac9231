// `npm run bench:intel` (part): indicator extraction throughput, MB/s of UTF-8 text, on a generated
// ~20 MB mixed Chinese/English corpus and on the real scraped seed page (a copy in test/fixtures/seed-page.txt).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractIndicators } from '../src/intel/extract/index.js';
import { report } from './support.js';

const TARGET_MB = Number(process.env.BENCH_EXTRACT_MB ?? 20);

/** Deterministic generator (mulberry32), so every run measures the same text. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH = [
  '受害人称其于三月在某投资平台被骗，',
  '对方要求通过银行卡转账，',
  '客服电话',
  '并提供了网址',
  '联系邮箱为',
  '该网站备案号为',
  '涉案钱包地址：',
  '。',
  '，请核查相关线索。',
  '服务器位于',
];
const EN = [
  'The victim reported a fraudulent trading site ',
  'Payments went to ',
  'contact ',
  'hosted at ',
  'sample hash ',
  ' and then ',
  '. ',
  'wallet ',
  'see also ',
];

function indicator(r: () => number, i: number): string {
  switch (Math.floor(r() * 9)) {
    case 0:
      return `hxxps://pay-${i}[.]example[.]com/login?id=${i}`;
    case 1:
      return `http://例子${i % 97}.com/a/${i}`;
    case 2:
      return `13${Math.floor(100000000 + r() * 899999999)}`;
    case 3:
      return `${1 + Math.floor(r() * 222)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`;
    case 4:
      return `user${i}@mail${i % 50}.example.org`;
    case 5:
      return '京ICP备05070218号-1';
    case 6:
      return 'd41d8cd98f00b204e9800998ecf8427e';
    case 7:
      return '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    default:
      return '4111 1111 1111 1111';
  }
}

function corpus(targetBytes: number): string {
  const r = rng(2026);
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const words = r() < 0.6 ? ZH : EN;
    const piece = `${words[Math.floor(r() * words.length)]}${r() < 0.3 ? indicator(r, i) : ''}${r() < 0.05 ? '\n' : ''}`;
    parts.push(piece);
    bytes += Buffer.byteLength(piece);
  }
  return parts.join('');
}

function measure(name: string, text: string, repeat: number): void {
  extractIndicators(text.slice(0, 100_000)); // warm up the regular expressions
  const t0 = performance.now();
  let found = 0;
  for (let i = 0; i < repeat; i++) found = extractIndicators(text).length;
  const seconds = (performance.now() - t0) / 1000;
  const mb = (Buffer.byteLength(text) * repeat) / 1e6;
  report({
    bench: 'intel-extract',
    metric: 'extract_mb_per_s',
    value: Math.round((mb / seconds) * 100) / 100,
    unit: 'MB/s',
    input: name,
    mb: Math.round(mb * 100) / 100,
    indicators: found,
  });
}

measure(`generated-zh-en-${TARGET_MB}MB`, corpus(TARGET_MB * 1e6), 1);

// The scraped page the project grew from, kept as a test fixture.
measure('seed-page', readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/seed-page.txt'), 'utf8'), 2000);
