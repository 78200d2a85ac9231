// The one media-type parser of the node (RFC 9110 §8.3.1): every media type a client or a peer
// hands us (evidence, knowledge attachments, anything stored and later sent back as Content-Type)
// is checked and normalised here, so nothing that could break or split a response header is stored.
import { z } from 'zod';

/** Longest media type accepted, in characters (what the stores and the wire schemas allow). */
export const MEDIA_TYPE_MAX_CHARS = 255;

export const FALLBACK_MEDIA_TYPE = 'application/octet-stream';

export type MediaType = {
  /** Lower-cased `type/subtype`. */
  essence: string;
  /** Parameters in order, names lower-cased, values as given (quoted values keep their quotes). */
  params: { name: string; value: string }[];
  /** The normalised text: `type/subtype; name=value; …` — always a valid header value. */
  text: string;
};

// token = 1*tchar; the parameter value is a token or a quoted-string whose characters are
// HTAB, SP and visible ASCII (quoted-pairs included). CR, LF, NUL, other controls and non-ASCII
// text are never allowed: Node refuses them in a header, so a stored one would fail every download.
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const QUOTED = '"(?:[\\t \\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\t \\x21-\\x7e])*"';
const ESSENCE = new RegExp(`^(${TOKEN})/(${TOKEN})`);
const PARAM = new RegExp(`^[\\t ]*;[\\t ]*(${TOKEN})=(${TOKEN}|${QUOTED})`);
const TRAILING = /^[\t ]*;?[\t ]*$/;

/** The parsed media type, or null when the text is not one. */
export function parseMediaType(raw: string): MediaType | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MEDIA_TYPE_MAX_CHARS) return null;
  const text = raw.replace(/^[\t ]+|[\t ]+$/g, '');
  const head = ESSENCE.exec(text);
  if (!head) return null;
  const essence = `${head[1]!.toLowerCase()}/${head[2]!.toLowerCase()}`;
  const params: MediaType['params'] = [];
  let rest = text.slice(head[0].length);
  while (!TRAILING.test(rest)) {
    const m = PARAM.exec(rest);
    if (!m) return null;
    params.push({ name: m[1]!.toLowerCase(), value: m[2]! });
    rest = rest.slice(m[0].length);
  }
  return { essence, params, text: [essence, ...params.map((p) => `${p.name}=${p.value}`)].join('; ') };
}

/** The normalised text of a media type, or null when it is not one. */
export function normalizeMediaType(raw: string): string | null {
  return parseMediaType(raw)?.text ?? null;
}

/** What to send as Content-Type for a stored value: itself when valid, else plain bytes (never a 500). */
export function safeContentType(stored: string | null | undefined): string {
  return (stored && normalizeMediaType(stored)) || FALLBACK_MEDIA_TYPE;
}

/** Zod schema of an incoming media type: checked by parseMediaType and normalised. */
export const ZMediaTypeSchema = z
  .string()
  .max(MEDIA_TYPE_MAX_CHARS)
  .transform((value, ctx) => {
    const parsed = normalizeMediaType(value);
    if (parsed === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'not a media type (type/subtype, optional ;name=value parameters, no control characters)',
      });
      return z.NEVER;
    }
    return parsed;
  });
