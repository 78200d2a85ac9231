// Which case-vocabulary observables a STIX object names, for correlation (docs/spec.md §4.5): SCO values,
// file hashes, and the plain equality terms of STIX indicator patterns. Values come back raw; the
// caller normalizes them exactly as case observables are normalized.
import type { ObservableType } from '../../domain/case/observable-types.js';
import { equalityTerms, parsePattern } from './pattern.js';
import type { StixObject } from './types.js';

export type RawObservable = { type: ObservableType; value: string };

const HASH_KEYS = new Set(['MD5', 'SHA-1', 'SHA-256', 'SHA-512']);

// Object path (type:path) → case observable type. Only full addresses make sense for IPs, so a
// CIDR range is skipped by the normalizer, not matched here.
const PATH_TYPES: Record<string, ObservableType> = {
  'domain-name:value': 'domain',
  'url:value': 'url',
  'ipv4-addr:value': 'ip',
  'ipv6-addr:value': 'ip',
  'email-addr:value': 'email',
  'email-message:from_ref.value': 'email',
  'email-message:sender_ref.value': 'email',
  'network-traffic:dst_ref.value': 'ip',
  'network-traffic:src_ref.value': 'ip',
};

export function observablesOf(o: StixObject): RawObservable[] {
  const out: RawObservable[] = [];
  const pathType = PATH_TYPES[`${o.type}:value`];
  if (pathType && typeof o.value === 'string') out.push({ type: pathType, value: o.value });
  if (o.type === 'file' && o.hashes && typeof o.hashes === 'object') {
    for (const [alg, v] of Object.entries(o.hashes as Record<string, unknown>))
      if (HASH_KEYS.has(alg) && typeof v === 'string') out.push({ type: 'file_hash', value: v });
  }
  if (o.type === 'indicator' && o.pattern_type === 'stix' && typeof o.pattern === 'string') {
    const parsed = parsePattern(o.pattern);
    if (parsed.ok) {
      for (const t of equalityTerms(parsed.pattern)) {
        const type =
          PATH_TYPES[`${t.objectType}:${t.path}`] ??
          (t.objectType === 'file' && t.path.startsWith('hashes.') && HASH_KEYS.has(t.path.slice(7))
            ? 'file_hash'
            : undefined);
        if (type) out.push({ type, value: t.value });
      }
    }
  }
  return out;
}
