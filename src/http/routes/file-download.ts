// Sending a stored file (evidence, a report's screenshot, an article's attachment) to a browser:
// always as a download with a cleaned file name, never sniffed, never run, never cached.
import type { FastifyReply } from 'fastify';
import { safeContentType } from '../../domain/shared/media-type.js';

// Unpaired surrogates too: encodeURIComponent throws on them.
const UNSAFE =
  /[\u0000-\u001f\u007f"\\/\u202a-\u202e\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The stored name is what was collected, not trusted: control characters, quotes, slashes and
 * bidirectional overrides (which can disguise an extension) are replaced; an ASCII fallback goes
 * in `filename`, the full UTF-8 name in `filename*` (RFC 6266 / 8187).
 */
export function contentDisposition(filename: string): string {
  const clean = filename.replace(UNSAFE, '_').trim() || 'file';
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends `bytes` as a download named `fileName`; `headers` adds e.g. a digest. */
export function sendDownload(
  reply: FastifyReply,
  file: { mediaType: string; fileName: string; bytes: Buffer | Uint8Array },
  headers: Record<string, string> = {},
): FastifyReply {
  void reply
    // A stored type is sent only when it is a valid one (items kept before the shared parser, or
    // from an older release, could hold CR/LF and would otherwise fail every download with a 500).
    .header('content-type', safeContentType(file.mediaType))
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'no-store');
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
  return reply.send(file.bytes);
}
