// Indicator extraction from Chinese and English free text (docs/spec.md §5.3): one result per occurrence,
// with its exact source span; dedupeIndicators() groups occurrences by (type, value).
import type { ObservableType } from '../../domain/case/observable-types.js';
import { acceptCandidate } from './accept.js';
import { deobfuscate, flagsWithin, toOriginal } from './deobfuscate.js';
import { foldWidth, hasFullWidth } from './fold-text.js';
import { findHandles } from './handles.js';
import { PATTERNS, type PatternKind } from './patterns.js';

/** The cue word an account was named by ("微信：", "TG"), as a span of the original text. */
export type CueSpan = { start: number; end: number; raw: string };

export type ExtractedIndicator = {
  type: ObservableType;
  value: string;
  raw: string;
  start: number;
  end: number;
  flags: string[];
  /** Account handles found after a cue word: where the cue is. */
  cue?: CueSpan;
};

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
  'psb',
  'cn_id',
  'url',
  'email',
  'icp',
  'eth',
  'bech32',
  'base58',
  'hash',
  'e164',
  'cn_mobile',
  'cn_landline',
  'national_phone',
  'ipv6',
  'ipv4',
  'card',
  'domain',
];

type Result = { type: ObservableType; value: string; flags: string[] };
type Candidate = { rank: number; start: number; end: number; results: Result[] | 'ignore'; cue?: [number, number] };

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
  // Width folding keeps offsets; de-obfuscation may not, so its working copy maps back to the text.
  const work = deobfuscate(foldWidth(text).text);
  const searched = work.text;
  const candidates: Candidate[] = [];
  // Accounts named by a cue come first: "QQ 123456789" is an account, not a number.
  for (const h of findHandles(searched, options.defaultCountry)) {
    candidates.push({
      rank: -1,
      start: h.start,
      end: h.end,
      results: h.results,
      cue: h.cueEnd > h.cueStart ? [h.cueStart, h.cueEnd] : undefined,
    });
  }
  // Texts repeat their indicators; each distinct candidate is normalized once per call.
  const seen = new Map<string, ReturnType<typeof acceptCandidate>>();
  PATTERNS.forEach(({ kind, re }) => {
    const rank = PRIORITY.indexOf(kind);
    for (const m of searched.matchAll(re)) {
      const matched = kind === 'url' ? trimUrlEnd(m[0]) : m[0];
      const key = `${kind} ${matched}`;
      let accepted = seen.get(key);
      if (accepted === undefined && !seen.has(key)) {
        accepted = acceptCandidate(kind, matched, options.defaultCountry);
        seen.set(key, accepted);
      }
      if (accepted)
        candidates.push({
          rank,
          start: m.index,
          end: m.index + matched.length,
          results: accepted === 'ignore' ? 'ignore' : [accepted],
        });
    }
  });
  candidates.sort((a, b) => a.rank - b.rank || a.start - b.start);
  const taken = new Uint8Array(searched.length);
  const out: ExtractedIndicator[] = [];
  for (const c of candidates) {
    if (taken.subarray(c.start, c.end).some((x) => x === 1)) continue;
    taken.fill(1, c.start, c.end);
    if (c.results === 'ignore') continue;
    const { start, end } = toOriginal(work, c.start, c.end);
    const cue = c.cue ? toOriginal(work, c.cue[0], c.cue[1]) : undefined;
    const extra: string[] = flagsWithin(work, start, end);
    // A cue word written to dodge filters (微❤️信) is part of what was hidden.
    if (cue) for (const f of flagsWithin(work, cue.start, cue.end)) if (!extra.includes(f)) extra.push(f);
    if (hasFullWidth(text, start, end)) extra.push('fullwidth');
    for (const r of c.results) {
      const flags = [...r.flags];
      for (const f of extra) if (!flags.includes(f)) flags.push(f);
      out.push({
        type: r.type,
        value: r.value,
        raw: text.slice(start, end),
        start,
        end,
        flags,
        ...(cue ? { cue: { ...cue, raw: text.slice(cue.start, cue.end) } } : {}),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export type IndicatorSpan = { start: number; end: number; raw: string; cue?: CueSpan };
export type DedupedIndicator = { type: ObservableType; value: string; flags: string[]; spans: IndicatorSpan[] };

/** One entry per (type, value) in order of first appearance, with every occurrence's span. */
export function dedupeIndicators(found: readonly ExtractedIndicator[]): DedupedIndicator[] {
  const byKey = new Map<string, DedupedIndicator>();
  for (const f of found) {
    const key = `${f.type}:${f.value}`;
    const entry = byKey.get(key) ?? { type: f.type, value: f.value, flags: [], spans: [] };
    for (const flag of f.flags) if (!entry.flags.includes(flag)) entry.flags.push(flag);
    entry.spans.push({ start: f.start, end: f.end, raw: f.raw, ...(f.cue ? { cue: f.cue } : {}) });
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
