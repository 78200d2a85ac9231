// TAXII 2.1 media types (OASIS TAXII 2.1 §1.6.8) and the content negotiation rules of this server.
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

type MediaRange = { type: string; subtype: string; params: Record<string, string>; q: number };

function parseRange(part: string): MediaRange | null {
  const [main, ...rest] = part.split(';').map((s) => s.trim());
  const [type, subtype] = (main ?? '').toLowerCase().split('/');
  if (!type || !subtype) return null;
  const params: Record<string, string> = {};
  let q = 1;
  for (const p of rest) {
    const [k, v] = p.split('=').map((s) => s.trim().toLowerCase());
    if (!k || v === undefined) continue;
    if (k === 'q') q = Number(v);
    else params[k] = v.replace(/^"|"$/g, '');
  }
  return { type, subtype, params, q: Number.isFinite(q) ? q : 0 };
}

/**
 * True when an Accept header admits TAXII 2.1 JSON. `application/taxii+json` without a version
 * means "the latest", which is 2.1 here; wildcards admit it too. No header at all is HTTP's "anything".
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept
    .split(',')
    .map(parseRange)
    .some((r) => {
      if (!r || r.q <= 0) return false;
      if (r.type === '*' && r.subtype === '*') return true;
      if (r.type !== 'application') return false;
      if (r.subtype === '*') return true;
      return r.subtype === 'taxii+json' && (r.params.version === undefined || r.params.version === '2.1');
    });
}

/** True when a Content-Type names TAXII 2.1 JSON (version parameter required, as the spec's clients send it). */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const r = parseRange(contentType);
  return !!r && r.type === 'application' && r.subtype === 'taxii+json' && r.params.version === '2.1';
}
