// TAXII 2.1 resources (§4–§5) built from Crossline rows: only the fields the spec defines.
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from '../../../intel/taxii/media-types.js';
import type { StatusRow, TaxiiObjectRow } from '../../../storage/repositories/taxii.repository.js';
import type { ViewedCollection } from '../../../services/intel/taxii-collection-access.js';
import type { TaxiiPage } from '../../../services/intel/taxii-read-objects.js';

export function presentCollection(c: ViewedCollection) {
  return {
    id: c.id,
    title: c.title,
    ...(c.description ? { description: c.description } : {}),
    ...(c.alias ? { alias: c.alias } : {}),
    can_read: c.canRead,
    can_write: c.canWrite,
    media_types: [STIX_MEDIA_TYPE],
  };
}

const paging = (page: TaxiiPage) => ({ more: page.more, ...(page.next ? { next: page.next } : {}) });

export function presentEnvelope(page: TaxiiPage) {
  return { ...paging(page), ...(page.rows.length ? { objects: page.rows.map((r) => r.object) } : {}) };
}

function mediaTypeOf(r: TaxiiObjectRow): string {
  return r.specVersion === '2.1' ? STIX_MEDIA_TYPE : `application/stix+json;version=${r.specVersion}`;
}

export function presentManifest(page: TaxiiPage) {
  return {
    ...paging(page),
    ...(page.rows.length
      ? {
          objects: page.rows.map((r) => ({
            id: r.stixId,
            date_added: r.addedAt,
            version: r.modified,
            media_type: mediaTypeOf(r),
          })),
        }
      : {}),
  };
}

export function presentVersions(page: TaxiiPage) {
  return { ...paging(page), ...(page.rows.length ? { versions: page.rows.map((r) => r.modified) } : {}) };
}

export function presentStatus(s: StatusRow) {
  return {
    id: s.id,
    status: s.status,
    request_timestamp: s.requestTimestamp,
    total_count: s.totalCount,
    success_count: s.successes.length,
    successes: s.successes,
    failure_count: s.failures.length,
    failures: s.failures,
    pending_count: s.pendings.length,
    pendings: s.pendings,
  };
}

export const API_ROOT_VERSIONS = [TAXII_MEDIA_TYPE];
