// Suggested duplicates: two reports about the same scam share indicators (a wallet, a phone), name
// the same suspect contact, or tell a near-identical story (copy-pasted, or the same victim twice).
// Scores combine independent signals as 1 − Π(1 − s), so each adds evidence without passing 1.

export type IndicatorKey = { type: string; value: string };

export type DuplicateCandidate = {
  id: string;
  category: string;
  narrative: string;
  indicators: readonly IndicatorKey[];
  /** Canonical suspect contacts (phones, e-mails, handles, URLs) as indicator keys. */
  contacts: readonly IndicatorKey[];
};

export type DuplicateReason = 'shared_indicator' | 'same_contact' | 'similar_narrative';
export type DuplicateScore = { score: number; reasons: DuplicateReason[]; shared: IndicatorKey[]; similarity: number };

export const SUGGEST_THRESHOLD = 0.5;

const key = (k: IndicatorKey) => `${k.type}\u0000${k.value}`;

/** Character bigrams of the text without spaces or punctuation: works for Chinese and English alike. */
function bigrams(text: string): Set<string> {
  const s = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Jaccard similarity of the narratives' character bigrams, 0…1. */
export function narrativeSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let inter = 0;
  for (const g of x) if (y.has(g)) inter++;
  return inter / (x.size + y.size - inter);
}

export function scoreDuplicate(a: DuplicateCandidate, b: DuplicateCandidate): DuplicateScore {
  const bKeys = new Set(b.indicators.map(key));
  const shared = a.indicators.filter((k) => bKeys.has(key(k)));
  const bContacts = new Set(b.contacts.map(key));
  const sameContact = a.contacts.some((k) => bContacts.has(key(k)));
  const similarity = narrativeSimilarity(a.narrative, b.narrative);
  const signals: [DuplicateReason, number][] = [];
  // One shared payment destination or suspect identifier is strong evidence; more is stronger.
  if (shared.length) signals.push(['shared_indicator', 1 - 0.4 ** shared.length]);
  if (sameContact) signals.push(['same_contact', 0.5]);
  // Only near-identical stories count: many scam reports share stock phrases.
  if (similarity >= 0.6) signals.push(['similar_narrative', Math.min(0.9, similarity)]);
  let rest = 1;
  for (const [, s] of signals) rest *= 1 - s;
  // A different category makes the same story less likely to be one incident.
  const score = (1 - rest) * (a.category === b.category ? 1 : 0.8);
  return {
    score: Math.round(score * 1000) / 1000,
    reasons: signals.map(([r]) => r),
    shared,
    similarity: Math.round(similarity * 1000) / 1000,
  };
}

/** Candidates scoring at or above the threshold, best first. */
export function suggestDuplicates(
  target: DuplicateCandidate,
  others: readonly DuplicateCandidate[],
  limit = 5,
): (DuplicateScore & { id: string })[] {
  return others
    .filter((o) => o.id !== target.id)
    .map((o) => ({ id: o.id, ...scoreDuplicate(target, o) }))
    .filter((s) => s.score >= SUGGEST_THRESHOLD)
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
    .slice(0, limit);
}
