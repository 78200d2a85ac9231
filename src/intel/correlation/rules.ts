// Correlation rules (docs/spec.md §4.5), pure: the key of a value, pair order, when a shared value alerts,
// and who may see each kind of source.
import { createHash } from 'node:crypto';
import type { Permission } from '../../domain/user/permissions.js';

export const SOURCE_KINDS = ['case', 'request', 'report', 'intel'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type SourceRef = { kind: SourceKind; id: string; label?: string };

/** Short, fixed-length key for (type, value) lookups; the value itself is stored beside it. */
export function valueHash(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);
}

/** Alerts are stored once per unordered pair: order by kind then id. */
export function orderPair<T extends { kind: string; id: string }>(x: T, y: T): [T, T] {
  return x.kind < y.kind || (x.kind === y.kind && x.id <= y.id) ? [x, y] : [y, x];
}

export type MatchDecision = 'alert' | 'common' | 'excluded';

/**
 * A shared value raises alerts until more than `threshold` sources hold it: past that it is
 * "common" (a shared hosting IP, a popular mail domain) and alerts would only be noise.
 */
export function decideMatch(sourceCount: number, threshold: number, excluded: boolean): MatchDecision {
  if (excluded) return 'excluded';
  return sourceCount > threshold ? 'common' : 'alert';
}

/** Node permission that lets a user see a source of this kind; cases need membership instead. */
export const KIND_PERMISSION: Record<Exclude<SourceKind, 'case'>, Permission> = {
  request: 'request:read',
  report: 'triage:read',
  intel: 'intel:read',
};
