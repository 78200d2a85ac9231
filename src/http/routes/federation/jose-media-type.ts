// The inbox's media type check: a Content-Type names `application/jose` when its type/subtype,
// before any parameters, is that — compared without regard to case (RFC 9110 §8.3.1), so
// `APPLICATION/JOSE; charset=utf-8` is one, `application/jose+json` and `application/json` are not.
export const JOSE_CONTENT_TYPE = 'application/jose';

export function isJoseMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  return contentType.split(';', 1)[0]!.trim().toLowerCase() === JOSE_CONTENT_TYPE;
}
