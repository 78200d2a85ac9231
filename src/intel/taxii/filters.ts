// TAXII 2.1 query parameters (§3.4 filtering, §3.6 pagination) parsed into one typed filter, or
// the name of the parameter that is wrong. Pure: no clock, no SQL.
import { decodeCursor, type TaxiiCursor } from './cursor.js';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** match[version]: any mix of first, last, all and exact timestamps (default: last). */
export type VersionFilter = { all: boolean; first: boolean; last: boolean; at: string[] };

export type TaxiiFilters = {
  addedAfter?: string;
  limit: number;
  next?: TaxiiCursor;
  ids?: string[];
  types?: string[];
  versions: VersionFilter;
  /** False when match[version] was absent (reads default to last; DELETE then removes all). */
  versionsGiven: boolean;
  specVersions?: string[];
};

export type FilterResult = { ok: true; filters: TaxiiFilters } | { ok: false; parameter: string; reason: string };

export type RawQuery = Record<string, string | string[] | undefined>;

// RFC 3339 in UTC or with an offset, any fraction; PostgreSQL parses all of these.
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;
// The UUID in either case (ids compare case-insensitively, see intel/stix/ids.ts); the type in lower case.
const STIX_ID_RE =
  /^[a-z0-9][a-z0-9-]{0,249}--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const STIX_TYPE_RE = /^[a-z0-9][a-z0-9-]{0,249}$/;
const SPEC_VERSION_RE = /^\d\.\d$/;
const MAX_VALUES = 100;

export function isTaxiiTimestamp(value: string): boolean {
  return TIMESTAMP_RE.test(value) && !Number.isNaN(Date.parse(value.replace(/(\.\d{3})\d+/, '$1')));
}

/** A repeated parameter and a comma-separated one mean the same (the spec uses commas). */
function listOf(raw: string | string[] | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  return [raw]
    .flat()
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function single(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[raw.length - 1] : raw;
}

export function parseTaxiiFilters(query: RawQuery): FilterResult {
  const fail = (parameter: string, reason: string): FilterResult => ({ ok: false, parameter, reason });
  const filters: TaxiiFilters = {
    limit: DEFAULT_PAGE_SIZE,
    versions: { all: false, first: false, last: true, at: [] },
    versionsGiven: false,
  };

  const addedAfter = single(query.added_after);
  if (addedAfter !== undefined) {
    if (!isTaxiiTimestamp(addedAfter)) return fail('added_after', 'must be an RFC 3339 timestamp');
    filters.addedAfter = addedAfter;
  }
  const limit = single(query.limit);
  if (limit !== undefined) {
    if (!/^\d{1,9}$/.test(limit) || Number(limit) < 1) return fail('limit', 'must be a positive integer');
    filters.limit = Math.min(Number(limit), MAX_PAGE_SIZE);
  }
  const next = single(query.next);
  if (next !== undefined) {
    const cursor = decodeCursor(next);
    if (!cursor) return fail('next', 'is not a token this server issued');
    filters.next = cursor;
  }
  const checks: [keyof TaxiiFilters & ('ids' | 'types' | 'specVersions'), string, RegExp][] = [
    ['ids', 'match[id]', STIX_ID_RE],
    ['types', 'match[type]', STIX_TYPE_RE],
    ['specVersions', 'match[spec_version]', SPEC_VERSION_RE],
  ];
  for (const [key, name, re] of checks) {
    const values = listOf(query[name]);
    if (values === undefined) continue;
    if (values.length === 0 || values.length > MAX_VALUES) return fail(name, `needs 1 to ${MAX_VALUES} values`);
    const bad = values.find((v) => !re.test(v));
    if (bad !== undefined) return fail(name, `"${bad.slice(0, 80)}" is not valid here`);
    filters[key] = values;
  }
  const versions = listOf(query['match[version]']);
  if (versions !== undefined) {
    if (versions.length === 0 || versions.length > MAX_VALUES)
      return fail('match[version]', `needs 1 to ${MAX_VALUES} values`);
    const v: VersionFilter = { all: false, first: false, last: false, at: [] };
    for (const value of versions) {
      if (value === 'all' || value === 'first' || value === 'last') v[value] = true;
      else if (isTaxiiTimestamp(value)) v.at.push(value);
      else return fail('match[version]', `"${value.slice(0, 80)}" is not first, last, all or a timestamp`);
    }
    filters.versions = v;
    filters.versionsGiven = true;
  }
  return { ok: true, filters };
}
