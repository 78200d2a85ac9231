// What the STIX routes send out: list rows with a display label, and full versions for the detail.
import type { IntelObjectRow } from '../../../storage/repositories/intel-object.repository.js';
import type { ImportStixResult } from '../../../services/intel/import-stix.js';

/** The text a person recognises an object by: its name, value, pattern or, failing all, its id. */
function labelOf(o: Record<string, unknown>): string {
  for (const key of ['name', 'value', 'pattern', 'relationship_type']) if (typeof o[key] === 'string') return o[key];
  return typeof o.id === 'string' ? o.id : '';
}

export function presentIntelObjectSummary(r: IntelObjectRow) {
  return {
    id: r.stixId,
    type: r.type,
    label: labelOf(r.object),
    tlp: r.tlp,
    modified: r.modified,
    addedAt: r.addedAt,
    collectionId: r.collectionId,
    source: r.source,
  };
}

export function presentIntelObjectVersion(r: IntelObjectRow) {
  return { ...presentIntelObjectSummary(r), specVersion: r.specVersion, created: r.created, object: r.object };
}

export function presentImportResult(r: ImportStixResult) {
  return {
    collectionId: r.collectionId,
    total: r.total,
    imported: r.imported,
    duplicates: r.duplicates,
    invalidCount: r.invalidCount,
    invalid: r.invalid,
  };
}
