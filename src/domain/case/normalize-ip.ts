// IP address normalization: strict dotted-quad IPv4, RFC 5952 canonical IPv6, and the
// special-purpose ranges (RFC 6890 and successors) flagged so analysts do not chase 10.0.0.1.
import { isIP } from 'node:net';
import { Notes, cleanInput, refang, toHalfWidth } from './text-clean.js';
import type { NormalizerOutcome } from './observable-types.js';

export function parseIPv4(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

const hasLeadingZero = (s: string): boolean => s.split('.').some((p) => /^0\d/.test(p));

export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((sh) => Math.floor(n / 2 ** sh) % 256).join('.');
}

/** Eight 16-bit groups of a valid IPv6 address (validated by node:net first). */
export function parseIPv6(s: string): number[] | undefined {
  if (isIP(s) !== 6) return undefined;
  let text = s.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    // Rewrite a trailing dotted quad as two hex groups so one parser handles both forms.
    const n = parseIPv4(v4[1]!);
    if (n === undefined) return undefined;
    text = `${text.slice(0, -v4[1]!.length)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const [head = '', rest] = text.split('::') as [string, string | undefined];
  const toGroups = (x: string) => (x === '' ? [] : x.split(':').map((g) => parseInt(g, 16)));
  const left = toGroups(head);
  const right = rest === undefined ? [] : toGroups(rest);
  const fill = 8 - left.length - right.length;
  if (rest === undefined && fill !== 0) return undefined;
  return [...left, ...new Array<number>(rest === undefined ? 0 : fill).fill(0), ...right];
}

/** RFC 5952: lower case, no leading zeros, longest run (≥ 2) of zero groups as `::`, leftmost on ties. */
export function formatIPv6(groups: readonly number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  // IPv4-mapped addresses keep the dotted quad (RFC 5952 §5).
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${formatIPv4(groups[6]! * 65536 + groups[7]!)}`;
  }
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

type Range = readonly [string, number, string];

const V4_RANGES: readonly Range[] = [
  ['0.0.0.0', 8, 'this_network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link_local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'ietf_protocol'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_RANGES: readonly Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b::', 96, 'nat64'],
  ['64:ff9b:1::', 48, 'nat64'],
  ['100::', 64, 'discard'],
  ['2001::', 32, 'teredo'],
  ['2001:db8::', 32, 'documentation'],
  ['2001::', 23, 'ietf_protocol'],
  ['2002::', 16, '6to4'],
  ['3fff::', 20, 'documentation'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link_local'],
  ['ff00::', 8, 'multicast'],
];

const v6big = (g: readonly number[]): bigint => g.reduce((acc, x) => (acc << 16n) | BigInt(x), 0n);

export function classifyIPv4(n: number): string | undefined {
  for (const [net, bits, kind] of V4_RANGES) {
    const size = 2 ** (32 - bits);
    if (Math.floor(n / size) === Math.floor(parseIPv4(net)! / size)) return kind;
  }
  return undefined;
}

export function classifyIPv6(groups: readonly number[]): string | undefined {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return classifyIPv4(groups[6]! * 65536 + groups[7]!) ?? 'ipv4_mapped';
  }
  const ip = v6big(groups);
  for (const [net, bits, kind] of V6_RANGES) {
    const shift = BigInt(128 - bits);
    if (ip >> shift === v6big(parseIPv6(net)!) >> shift) return kind;
  }
  return undefined;
}

const RANGE_LABELS: Record<string, [string, string]> = {
  this_network: ['“this network”', '“本网络”'],
  private: ['private', '私有'],
  shared: ['carrier-grade NAT (shared)', '运营商级 NAT（共享）'],
  loopback: ['loopback', '环回'],
  link_local: ['link-local', '链路本地'],
  ietf_protocol: ['IETF protocol assignment', 'IETF 协议保留'],
  documentation: ['documentation (example)', '文档示例'],
  reserved: ['reserved', '保留'],
  benchmarking: ['benchmarking', '基准测试'],
  multicast: ['multicast', '组播'],
  broadcast: ['broadcast', '广播'],
  unspecified: ['unspecified', '未指定'],
  nat64: ['NAT64 translation', 'NAT64 转换'],
  discard: ['discard-only', '丢弃专用'],
  teredo: ['Teredo tunnel', 'Teredo 隧道'],
  '6to4': ['6to4 tunnel', '6to4 隧道'],
  ipv4_mapped: ['IPv4-mapped', 'IPv4 映射'],
};

export function normalizeIp(raw: string, path: string): NormalizerOutcome {
  const notes = new Notes(path);
  const r = refang(toHalfWidth(cleanInput(raw)));
  if (r.changed)
    notes.warn(
      'refanged',
      'The value was written in defanged form and has been restored.',
      '该值以“去活化”形式书写，已还原。',
    );
  let s = r.value.replace(/^\[(.*)\]$/, '$1');
  if (s.includes('%'))
    return notes.fail(
      'OBSERVABLE_IP_ZONE',
      'Remove the zone index (the part after %).',
      '请去掉区域索引（% 之后的部分）。',
    );
  if (s.includes('/'))
    return notes.fail(
      'OBSERVABLE_IP_CIDR',
      'Give a single address, not a network range.',
      '请填写单个地址，而不是网段。',
    );
  s = s.trim();
  if (/^[\d.]+$/.test(s)) {
    if (hasLeadingZero(s) && parseIPv4(s) !== undefined) {
      return notes.fail(
        'OBSERVABLE_IP_LEADING_ZERO',
        'IPv4 parts with leading zeros are ambiguous (some systems read them as octal); remove the zeros.',
        'IPv4 地址段中的前导零有歧义（部分系统按八进制解读），请去掉前导零。',
      );
    }
    const n = parseIPv4(s);
    if (n === undefined)
      return notes.fail(
        'OBSERVABLE_IP_INVALID',
        'Not a valid IPv4 address (four numbers 0–255 separated by dots).',
        '不是有效的 IPv4 地址（应为以点分隔的四个 0–255 的数字）。',
      );
    const kind = classifyIPv4(n);
    if (kind) flagRange(notes, kind);
    return {
      value: formatIPv4(n),
      display: formatIPv4(n),
      subtype: 'ipv4',
      ...notes.extras(),
      ...(kind ? { attributes: { range: kind } } : {}),
    };
  }
  const groups = parseIPv6(s);
  if (!groups)
    return notes.fail('OBSERVABLE_IP_INVALID', 'Not a valid IPv4 or IPv6 address.', '不是有效的 IPv4 或 IPv6 地址。');
  const kind = classifyIPv6(groups);
  if (kind) flagRange(notes, kind);
  const v = formatIPv6(groups);
  return { value: v, display: v, subtype: 'ipv6', ...notes.extras(), ...(kind ? { attributes: { range: kind } } : {}) };
}

/** Tunnel and translation ranges still reach real hosts, so they are noted but not warned about. */
const ROUTABLE_KINDS = new Set(['nat64', 'teredo', '6to4', 'ipv4_mapped']);

function flagRange(notes: Notes, kind: string): void {
  if (ROUTABLE_KINDS.has(kind)) return;
  const [en, zh] = RANGE_LABELS[kind] ?? [kind, kind];
  notes.warn(
    kind === 'private' ? 'private' : 'reserved',
    `This address is in a ${en} range; it does not identify a host on the public internet.`,
    `该地址属于${zh}地址段，不能标识公网上的主机。`,
  );
}
