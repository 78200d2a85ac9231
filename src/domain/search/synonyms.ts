// Words officers use interchangeably for the same kind of crime, in Chinese and English. A query
// word that is one form of a group matches any form of it (query expansion: the index is unchanged,
// so the list can grow without reindexing). Kept small on purpose: only terms that name the same
// thing in this domain, never mere relatives ("诈骗" does not find every "犯罪"). The list and its
// reasons are in docs/knowledge.md, "Synonyms".
import { foldText, HAN, latinTerm } from './tokenizer.js';

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // The everyday term and the name of the 2022 Anti-Telecom and Online Fraud Law (反电信网络诈骗法).
  ['电信诈骗', '电信网络诈骗', '电诈', '网络诈骗', '网络电信诈骗', 'telecom fraud', 'online fraud'],
  ['诈骗', '欺诈', 'fraud', 'scam', 'swindle'],
  ['杀猪盘', '养猪盘', 'pig butchering', 'romance scam'],
  ['勒索软件', '勒索病毒', 'ransomware'],
  ['网络钓鱼', '钓鱼', 'phishing'],
  ['洗钱', 'laundering'],
  ['跑分', '跑分平台', 'money mule'],
  ['刷单', '刷单返利', 'task scam'],
  ['虚拟货币', '加密货币', '数字货币', 'cryptocurrency', 'crypto'],
  ['冒充公检法', 'police impersonation'],
  ['儿童色情', '儿童性虐待材料', 'csam'],
];

/** How a one-word form is looked up: a Chinese word as it is, an English one by its stem ("scams" = "scam"). */
function keyOf(word: string): string | null {
  const folded = foldText(word).trim();
  if (/\s/.test(folded)) return null; // several words: an expansion only, never typed as one query word
  return HAN.test(folded) ? folded : latinTerm(folded);
}

const byForm = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) {
  for (const form of group) {
    const key = keyOf(form);
    if (key) byForm.set(key, group);
  }
}

/** The group `word` (one query word, as typed) belongs to, or null. */
export function synonymsOf(word: string): readonly string[] | null {
  const key = keyOf(word);
  return key ? (byForm.get(key) ?? null) : null;
}
