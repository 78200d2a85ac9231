// Candidate patterns for indicators in free text. They over-match on purpose (cheap, one pass each);
// every candidate is then checked by the case normalizers and the checks in accept.ts.
import { ICP_PROVINCES } from '../../domain/case/normalize-ids.js';
import { HAN_TLDS } from './tld.js';

/** A dot as written, including the defanged forms analysts use. */
const DOT = String.raw`(?:\.|\[\.\]|\(\.\)|\{\.\}|\[(?:dot|DOT)\]|\((?:dot|DOT)\)|\[点\]|\(点\))`;
/** Latin letters plus Greek and Cyrillic, so that look-alike domains are found (and flagged). */
const LC = String.raw`a-zA-Z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff`;
const LATIN_LABEL = `[${LC}](?:[${LC}-]{0,61}[${LC}])?`;
/** After a scheme or an @ the start is known, so labels may be written in any script (例子.com). */
const ANY_LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const TLD = `(?:[xX][nN]--[a-zA-Z0-9-]{2,59}|[a-zA-Z\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff]{2,63}(?![${LC}-])|${HAN_TLDS.join('|')})`;
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4 = `${OCTET}(?:${DOT}${OCTET}){3}`;
const ANY_HOST = `(?:(?:${ANY_LABEL}${DOT})+${TLD}|${IPV4}|\\[[0-9a-f:.]{2,45}\\])`;
const SCHEME = String.raw`(?:(?:h(?:tt|xx|\*\*|\[tt\]|\[xx\])ps?|f[tx]p|wss?)(?::|\[:\])\/\/|h(?:tt|xx)ps?\[:\/\/\])`;
/** Printable ASCII except space, quotes and angle brackets: what a URL path may hold in prose. */
const PATH = String.raw`(?:[\/?#][!#-&(-;=?-~]*)?`;
const AT = String.raw`(?:@|\[@\]|\(@\)|\{@\}|\s?\[at\]\s?|\s?\(at\)\s?|\s?\{at\}\s?)`;

export type PatternKind =
  | 'url'
  | 'email'
  | 'domain'
  | 'ipv4'
  | 'ipv6'
  | 'hash'
  | 'eth'
  | 'base58'
  | 'bech32'
  | 'e164'
  | 'cn_mobile'
  | 'cn_landline'
  | 'national_phone'
  | 'icp'
  | 'card'
  | 'psb'
  | 'cn_id';

export const PATTERNS: readonly { kind: PatternKind; re: RegExp }[] = [
  { kind: 'url', re: new RegExp(`${SCHEME}${ANY_HOST}(?::\\d{1,5})?${PATH}`, 'giu') },
  {
    kind: 'email',
    re: new RegExp(
      `(?<![a-z0-9._%+-])[a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9_%+-])?${AT}(?:${ANY_LABEL}${DOT})+${TLD}`,
      'giu',
    ),
  },
  // No \p{…} and no case folding here (both cases are spelled out): V8 scans such a pattern much faster.
  { kind: 'domain', re: new RegExp(`(?<![${LC}@._/-])(?:${LATIN_LABEL}${DOT})+${TLD}`, 'g') },
  { kind: 'ipv4', re: new RegExp(`(?<![0-9.])${IPV4}(?![0-9]|\\.\\d)`, 'g') },
  {
    kind: 'ipv6',
    re: /(?<![0-9a-zA-Z:])(?=[0-9a-fA-F:]*:[0-9a-fA-F]*:)[0-9a-fA-F:]{2,39}(?:(?<=:)\d{1,3}(?:\.\d{1,3}){3})?(?![0-9a-zA-Z:])/g,
  },
  {
    kind: 'hash',
    re: /(?<![0-9a-zA-Z])(?:[0-9a-fA-F]{128}|[0-9a-fA-F]{64}|[0-9a-fA-F]{40}|[0-9a-fA-F]{32})(?![0-9a-zA-Z])/g,
  },
  { kind: 'eth', re: /(?<![0-9a-zA-Z])0[xX][0-9a-fA-F]{40}(?![0-9a-zA-Z])/g },
  { kind: 'base58', re: /(?<![0-9A-Za-z])[13LMDT][1-9A-HJ-NP-Za-km-z]{25,34}(?![0-9A-Za-z])/g },
  { kind: 'bech32', re: /(?<![0-9a-zA-Z])(?:bc|tb|ltc|BC|TB|LTC)1[ac-hj-np-zAC-HJ-NP-Z02-9]{8,87}(?![0-9a-zA-Z])/g },
  { kind: 'e164', re: /(?<![\d+A-Za-z])\+[1-9](?:(?:[ .-]|\)[ ]?|[ ]?\()?\d){6,14}(?!\d)/g },
  { kind: 'cn_mobile', re: /(?<!\d)(?:(?:00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g },
  { kind: 'cn_landline', re: /(?<!\d)(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[ -])[ ]?[2-9]\d{6,7}(?!\d)/g },
  // Grouped national numbers, e.g. (202) 555-0143 or 020 7946 0958: read only when a default country other than China is given.
  { kind: 'national_phone', re: /(?<![\d+])(?:\(\d{2,5}\)[ ]?|\d{2,5}[ -])\d{3,4}[ -]\d{3,4}(?![\d-])/g },
  {
    kind: 'icp',
    re: new RegExp(
      `[${ICP_PROVINCES}]\\s?ICP\\s?[备備证證証]\\s?\\d{4,12}\\s?[号號]?(?:\\s?[-‐‑–—﹣]\\s?\\d{1,4}(?!\\d))?`,
      'giu',
    ),
  },
  { kind: 'psb', re: new RegExp(`[${ICP_PROVINCES}]公[网網]安[备備]\\s?\\d{10,16}\\s?[号號]?`, 'g') },
  { kind: 'cn_id', re: /(?<!\d)[1-8]\d{16}[\dXx](?![\dA-Za-z])/g },
  {
    kind: 'card',
    re: /(?<![\d.,-])(?:\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{4,5}|\d{13,19})(?!\d|[.,]\d)/g,
  },
];
