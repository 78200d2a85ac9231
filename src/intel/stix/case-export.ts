// A case's observables as STIX 2.1 (docs/spec.md §5.1): one SCO and one indicator per observable with a
// STIX equivalent, each marked with its TLP 2.0 marking definition, so indicators can leave a case
// for a peer's TAXII collection. Ids are deterministic, so exporting twice gives the same objects.
import type { ObservableRecord } from '../../domain/case/observables.js';
import type { Tlp } from '../../domain/case/tlp.js';
import type { StixObject } from './types.js';
import { TLP2_EXTENSION_ID, TLP2_MARKING_ID_OF } from './types.js';
import { scoId, uuidV5 } from './uuid.js';

// Namespace for Crossline's own deterministic SDO ids (indicators derived from case observables).
const CROSSLINE_NAMESPACE = '7b0d54b4-5a1e-4d6b-9a53-3f1f1c6e2a10';
const HASH_ALG: Record<string, string> = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' };
const TLP2_CREATED = '2022-10-01T00:00:00.000Z';

/** The FIRST TLP 2.0 marking-definition object for a level (its id and content are fixed by FIRST). */
export function tlpMarking(tlp: Tlp): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_ID_OF[tlp],
    created: TLP2_CREATED,
    name: `TLP:${tlp}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  };
}

const quote = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

type Mapped = { sco: StixObject; pattern: string };

function mapObservable(o: ObservableRecord): Mapped | undefined {
  const simple = (type: string): Mapped => ({
    sco: { type, spec_version: '2.1', id: scoId(type, { value: o.value }), value: o.value },
    pattern: `[${type}:value = ${quote(o.value)}]`,
  });
  switch (o.type) {
    case 'url':
      return simple('url');
    case 'domain':
      return simple('domain-name');
    case 'email':
      return simple('email-addr');
    case 'ip':
      return simple(o.value.includes(':') ? 'ipv6-addr' : 'ipv4-addr');
    case 'file_hash': {
      const alg = HASH_ALG[o.subtype ?? ''];
      if (!alg) return undefined;
      const hashes = { [alg]: o.value };
      return {
        sco: { type: 'file', spec_version: '2.1', id: scoId('file', { hashes }), hashes },
        pattern: `[file:hashes.${quote(alg)} = ${quote(o.value)}]`,
      };
    }
    default:
      return undefined; // phone, wallet, account, ICP, bank: no STIX 2.1 SCO to carry them
  }
}

const ms = (iso: string): string => new Date(iso).toISOString();

export type CaseStixExport = { objects: StixObject[]; skipped: { id: string; type: string }[] };

export function caseObservablesToStix(
  caseId: string,
  caseReference: string,
  observables: readonly ObservableRecord[],
): CaseStixExport {
  const objects: StixObject[] = [];
  const skipped: { id: string; type: string }[] = [];
  const markings = new Set<Tlp>();
  for (const o of observables) {
    const mapped = mapObservable(o);
    if (!mapped) {
      skipped.push({ id: o.id, type: o.type });
      continue;
    }
    markings.add(o.tlp);
    const marking = [TLP2_MARKING_ID_OF[o.tlp]];
    objects.push({ ...mapped.sco, object_marking_refs: marking });
    objects.push({
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--${uuidV5(`${caseId}/${o.id}`, CROSSLINE_NAMESPACE)}`,
      created: ms(o.createdAt),
      modified: ms(o.updatedAt),
      name: o.display,
      pattern: mapped.pattern,
      pattern_type: 'stix',
      valid_from: ms(o.firstSeenAt),
      indicator_types: ['malicious-activity'],
      object_marking_refs: marking,
      external_references: [{ source_name: 'crossline', external_id: caseReference, description: 'Case observable' }],
      ...(o.tags.length ? { labels: o.tags } : {}),
    });
  }
  return { objects: [...[...markings].map(tlpMarking), ...objects], skipped };
}
