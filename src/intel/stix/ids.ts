// How STIX identifiers are compared. STIX 2.1 examples write the UUID in lower case, but RFC 9562
// makes UUIDs case-insensitive and the OASIS validator accepts upper-case hex, so objects keep the
// id exactly as received and every comparison or lookup (duplicates, marking refs, TAXII match[id]
// and object URLs, the object page) goes through this key. SQL does the same with lower(stix_id).
export function stixIdKey(id: string): string {
  return id.toLowerCase();
}
