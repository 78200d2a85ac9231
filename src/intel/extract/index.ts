// Indicator extraction from Chinese and English free text (SPEC §5.3): one result per occurrence,
// with its exact source span; dedupeIndicators() groups occurrences by (type, value).
import type { ObservableType } from '../../domain/case/observable-types.js';
import { acceptCandidate } from './accept.js';
import { foldWidth, hasFullWidth } from './fold-text.js';
import { PATTERNS, type PatternKind } from './patterns.js';

export type ExtractedIndicator = { type: ObservableType; value: string; raw: string; start: number; end: number; flags: string[] };

export type ExtractOptions = {
  /**
   * ISO 3166 alpha-2 country for grouped national numbers such as (202) 555-0143; without it (or with
   * CN) only `+` numbers and Chinese mobile and landline formats, always read as CN, are phones.
   */
  defaultCountry?: string;
};

/**
 * When two candidates overlap, the earlier kind wins: numbers that must not be taken for cards
 * (ID numbers, 公网安备 filings) first, then URLs over the domains and IPs inside them, e-mails over
 * their domains, and checksummed values over the looser patterns.
 */
const PRIORITY: readonly PatternKind[] = [
  'psb', 'cn_id', 'url', 'email', 'icp', 'eth', 'bech32', 'base58', 'hash',
  'e164', 'cn_mobile', 'cn_landline', 'national_phone', 'ipv6', 'ipv4', 'card', 'domain',
];

type Candidate = { rank: number; start: number; end: number; accepted: Exclude<ReturnType<typeof acceptCandidate>, undefined> };

const TRAILING = /[.,:;!?'"\]}>*]+$/;

/** Prose puts punctuation after a URL; a closing bracket belongs to the URL only when it opened one. */
function trimUrlEnd(s: string): string {
  let out = s;
  for (;;) {
    const before = out;
    out = out.replace(TRAILING, '');
    if (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0)) out = out.slice(0, -1);
    if (out === before) return out;
  }
}

export function extractIndicators(text: string, options: ExtractOptions = {}): ExtractedIndicator[] {
  const folded = foldWidth(text).text;
  const candidates: Candidate[] = [];
  // Texts repeat their indicators; each distinct candidate is normalized once per call.
  const seen = new Map<string, ReturnType<typeof acceptCandidate>>();
  PATTERNS.forEach(({ kind, re }) => {
    const rank = PRIORITY.indexOf(kind);
    for (const m of folded.matchAll(re)) {
      const matched = kind === 'url' ? trimUrlEnd(m[0]) : m[0];
      const key = `${kind} ${matched}`;
      let accepted = seen.get(key);
      if (accepted === undefined && !seen.has(key)) {
        accepted = acceptCandidate(kind, matched, options.defaultCountry);
        seen.set(key, accepted);
      }
      if (accepted) candidates.push({ rank, start: m.index, end: m.index + matched.length, accepted });
    }
  });
  candidates.sort((a, b) => a.rank - b.rank || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const out: ExtractedIndicator[] = [];
  for (const c of candidates) {
    if (taken.subarray(c.start, c.end).some((x) => x === 1)) continue;
    taken.fill(1, c.start, c.end);
    if (c.accepted === 'ignore') continue;
    const flags = [...c.accepted.flags];
    if (hasFullWidth(text, c.start, c.end)) flags.push('fullwidth');
    out.push({ type: c.accepted.type, value: c.accepted.value, raw: text.slice(c.start, c.end), start: c.start, end: c.end, flags });
  }
  return out.sort((a, b) => a.start - b.start);
}

export type IndicatorSpan = { start: number; end: number; raw: string };
export type DedupedIndicator = { type: ObservableType; value: string; flags: string[]; spans: IndicatorSpan[] };

/** One entry per (type, value) in order of first appearance, with every occurrence's span. */
export function dedupeIndicators(found: readonly ExtractedIndicator[]): DedupedIndicator[] {
  const byKey = new Map<string, DedupedIndicator>();
  for (const f of found) {
    const key = `${f.type}:${f.value}`;
    const entry = byKey.get(key) ?? { type: f.type, value: f.value, flags: [], spans: [] };
    for (const flag of f.flags) if (!entry.flags.includes(flag)) entry.flags.push(flag);
    entry.spans.push({ start: f.start, end: f.end, raw: f.raw });
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
