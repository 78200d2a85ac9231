// The search benchmarks' corpus (bench/search.bench.ts, bench/search-index.bench.ts): bilingual
// records from fraud/cybercrime vocabulary, deterministic, so every run indexes the same text.
import type { SearchDocument } from '../src/services/search/search-documents.js';
import type { SearchKind } from '../src/storage/repositories/search-index.repository.js';

// Vocabulary of the domain, so term frequencies look like real case files (a few very common
// words, a long tail of specific ones).
const ZH_COMMON = ['诈骗', '受害人', '转账', '账户', '嫌疑人', '案件', '平台', '资金', '网络', '电话'];
export const ZH_TERMS = [
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
export const EN_TERMS = [
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
export const CITIES = [
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
export function rng(seed: number): () => number {
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
export const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(list.length * r() ** 2.2)]!;

export function record(i: number, r: () => number): SearchDocument {
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
