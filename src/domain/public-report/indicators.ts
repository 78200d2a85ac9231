// Indicators of a report: the structured fields (payment destinations, the other side's contacts)
// normalized with the case observable rules, plus what text extraction found in the narrative.
import { tryNormalizeObservable } from '../case/normalize-observable.js';
import type { ObservableType } from '../case/observable-types.js';
import type { ReportInput } from './types.js';

export type IndicatorSource = 'narrative' | 'payment' | 'contact';
export type ReportIndicator = {
  type: ObservableType;
  value: string;
  display: string;
  source: IndicatorSource;
  /** How the story wrote it (defanged, obfuscated_dot, chinese_numerals …): read from the story when shown, not stored. */
  flags?: string[];
};

/** A value text extraction found (type already one of the observable types), before normalization. */
export type ExtractedValue = { type: ObservableType; value: string };

const CN_MOBILE = /^1[3-9]\d{9}$/;

type Raw = { type: ObservableType; value: string; source: IndicatorSource; platform?: string };

function structuredValues(input: ReportInput): Raw[] {
  const out: Raw[] = [];
  for (const p of input.payments) {
    if (p.account?.trim()) out.push({ type: 'bank_account', value: p.account, source: 'payment' });
    if (p.wallet?.trim()) out.push({ type: 'crypto_wallet', value: p.wallet, source: 'payment' });
  }
  const s = input.suspect;
  for (const v of s.phones) out.push({ type: 'phone', value: v, source: 'contact' });
  for (const v of s.urls) out.push({ type: 'url', value: v, source: 'contact' });
  for (const v of s.emails) out.push({ type: 'email', value: v, source: 'contact' });
  // People write "WeChat: name" or just "name"; an unknown platform is kept as written.
  for (const v of s.handles) out.push({ type: 'account_handle', value: v, source: 'contact' });
  return out.filter((r) => r.value.trim() !== '');
}

function normalizeOne(r: Raw, defaultCountry: string): ReportIndicator | null {
  let n = tryNormalizeObservable(r.type, r.value, { defaultCountry });
  if (!n.ok && r.type === 'account_handle') n = tryNormalizeObservable(r.type, r.value, { platform: 'other' });
  // An 11-digit number starting 13–19 is a Chinese mobile wherever the node is (as text extraction reads it).
  if (!n.ok && r.type === 'phone' && CN_MOBILE.test(r.value.replace(/[\s-]/g, '')))
    n = tryNormalizeObservable(r.type, r.value, { defaultCountry: 'CN' });
  // A value the victim typed that does not normalize is still in the report; it is just not an indicator.
  if (!n.ok) return null;
  return { type: n.observable.type, value: n.observable.value, display: n.observable.display, source: r.source };
}

/** Distinct indicators (by type + canonical value); a structured field wins over the narrative. */
export function reportIndicators(
  input: ReportInput,
  extracted: readonly ExtractedValue[],
  defaultCountry: string,
): ReportIndicator[] {
  const raws: Raw[] = [...structuredValues(input), ...extracted.map((e) => ({ ...e, source: 'narrative' as const }))];
  const seen = new Map<string, ReportIndicator>();
  for (const r of raws) {
    const ind = normalizeOne(r, defaultCountry);
    if (!ind) continue;
    const k = `${ind.type}:${ind.value}`;
    if (!seen.has(k)) seen.set(k, ind);
  }
  return [...seen.values()];
}
