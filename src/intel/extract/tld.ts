// The real top-level domains (IANA root zone list from the `tlds` package), in both Unicode and
// punycode form, and the TLDs that are also common file extensions.
import { createRequire } from 'node:module';
import { domainToASCII } from 'node:url';

const IANA_TLDS = createRequire(import.meta.url)('tlds') as string[];

const KNOWN = new Set<string>();
for (const t of IANA_TLDS) {
  KNOWN.add(t);
  KNOWN.add(domainToASCII(t));
}

export function isKnownTld(tld: string): boolean {
  return KNOWN.has(tld.toLowerCase()) || KNOWN.has(domainToASCII(tld.toLowerCase()));
}

/** TLDs that collide with file extensions: `readme.md`, `setup.py`, `a.zip` are files in free text. */
const FILE_LIKE_TLDS = new Set([
  'md',
  'py',
  'sh',
  'rs',
  'ps',
  'zip',
  'mov',
  'exe',
  'doc',
  'bat',
  'cab',
  'js',
  'ts',
  'cs',
  'go',
  'jar',
  'rar',
  'tar',
  'gz',
  'log',
  'ini',
  'cfg',
  'php',
  'asp',
  'jsp',
  'lnk',
  'dll',
  'pdf',
  'txt',
  'csv',
  'xls',
  'xlsx',
  'docx',
  'pptx',
  'png',
  'jpg',
  'gif',
  'apk',
  'ipa',
  'dmg',
  'pkg',
  'deb',
  'rpm',
  'iso',
  'img',
  'tmp',
  'bak',
  'dat',
  'db',
  'json',
  'xml',
  'yml',
  'yaml',
  'toml',
  'htm',
  'html',
  'css',
]);

export function isFileLikeTld(tld: string): boolean {
  return FILE_LIKE_TLDS.has(tld.toLowerCase());
}

/** The IANA TLDs written in Chinese script, matched literally after a dot in text without spaces. */
export const HAN_TLDS: readonly string[] = IANA_TLDS.filter((t) => /^\p{Script=Han}+$/u.test(t)).sort(
  (a, b) => b.length - a.length,
);
