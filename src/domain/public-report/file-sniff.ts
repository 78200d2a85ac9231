// Screenshot uploads from the public: the type is read from the file's first bytes, never trusted
// from its name or declared type, and only images and PDF are kept.
import type { ValidationIssue } from '../../error-types.js';
import { issue } from '../shared/bilingual.js';

export const ATTACHMENT_LIMITS = { maxFiles: 5, maxBytes: 5 * 1024 * 1024, maxFilenameChars: 120 } as const;

export type AllowedMediaType = 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';

const startsWith = (b: Buffer, sig: number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** The media type the bytes really are, or null when they are none of the accepted kinds. */
export function sniffMediaType(bytes: Buffer): AllowedMediaType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** A file name safe to show and to offer as a download name: one segment, no control characters. */
export function cleanFilename(raw: string, mediaType: AllowedMediaType, position: number): string {
  const base = raw
    .replace(/[\u0000-\u001f\u007f/\\]/g, '')
    .trim()
    .slice(0, ATTACHMENT_LIMITS.maxFilenameChars);
  if (base && base !== '.' && base !== '..') return base;
  const ext = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'application/pdf': 'pdf' }[mediaType];
  return `screenshot-${position + 1}.${ext}`;
}

export function attachmentCountIssue(count: number): ValidationIssue | null {
  return count > ATTACHMENT_LIMITS.maxFiles
    ? issue(
        'attachments',
        'REPORT_TOO_MANY_FILES',
        `At most ${ATTACHMENT_LIMITS.maxFiles} files.`,
        `最多上传 ${ATTACHMENT_LIMITS.maxFiles} 个文件。`,
      )
    : null;
}
