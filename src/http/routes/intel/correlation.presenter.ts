// What leaves the node about correlation: whitelisted fields only.
import type {
  AlertRow,
  ExclusionRow,
  IndexedSource,
  SourceRef,
} from '../../../storage/repositories/observable-index.repository.js';

const presentSource = (s: SourceRef) => ({ kind: s.kind, id: s.id, label: s.label ?? null });

export function presentAlert(a: AlertRow) {
  return {
    id: a.id,
    a: presentSource(a.a),
    b: presentSource(a.b),
    matches: a.matches,
    matchCount: a.matchCount,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    ackedAt: a.ackedAt,
    ackedBy: a.ackedBy,
  };
}

export function presentIndexedSource(s: IndexedSource) {
  return { ...presentSource(s), firstSeen: s.firstSeen };
}

export function presentExclusion(e: ExclusionRow) {
  return {
    type: e.type,
    value: e.value,
    hash: e.valueHash,
    reason: e.reason,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
  };
}
