// Bech32 (BIP-173) and Bech32m (BIP-350) decoding of SegWit addresses (bc1…, tb1…, ltc1…).
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i]!;
  }
  return chk >>> 0;
}

const hrpExpand = (hrp: string): number[] => [
  ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
  0,
  ...[...hrp].map((c) => c.charCodeAt(0) & 31),
];

export type Bech32Encoding = 'bech32' | 'bech32m';

function decode(s: string): { hrp: string; data: number[]; encoding: Bech32Encoding } | undefined {
  if (s.length > 90 || (s !== s.toLowerCase() && s !== s.toUpperCase())) return undefined;
  const str = s.toLowerCase();
  const pos = str.lastIndexOf('1');
  if (pos < 1 || pos + 7 > str.length) return undefined;
  const hrp = str.slice(0, pos);
  if ([...hrp].some((c) => c.charCodeAt(0) < 33 || c.charCodeAt(0) > 126)) return undefined;
  const data: number[] = [];
  for (const c of str.slice(pos + 1)) {
    const v = CHARSET.indexOf(c);
    if (v < 0) return undefined;
    data.push(v);
  }
  const check = polymod([...hrpExpand(hrp), ...data]);
  const encoding = check === BECH32_CONST ? 'bech32' : check === BECH32M_CONST ? 'bech32m' : undefined;
  return encoding ? { hrp, data: data.slice(0, -6), encoding } : undefined;
}

function convertBits(data: readonly number[], from: number, to: number, pad: boolean): number[] | undefined {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (const v of data) {
    acc = (acc << from) | v;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxv);
    }
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || ((acc << (to - bits)) & maxv) !== 0) {
    return undefined;
  }
  return out;
}

export type SegwitAddress = { hrp: string; version: number; program: Buffer };

export type SegwitResult = { ok: true; address: SegwitAddress } | { ok: false; reason: 'checksum' | 'program' | 'encoding' };

/**
 * Decodes a SegWit address and applies BIP-173/350 rules: version 0 uses Bech32 with a 20- or
 * 32-byte program; versions 1–16 use Bech32m with 2–40 bytes.
 */
export function decodeSegwit(addr: string): SegwitResult {
  const d = decode(addr);
  if (!d) return { ok: false, reason: 'checksum' };
  const [version, ...rest] = d.data;
  if (version === undefined || version > 16) return { ok: false, reason: 'program' };
  const program = convertBits(rest, 5, 8, false);
  if (!program || program.length < 2 || program.length > 40) return { ok: false, reason: 'program' };
  if (version === 0 && program.length !== 20 && program.length !== 32) return { ok: false, reason: 'program' };
  if ((version === 0) !== (d.encoding === 'bech32')) return { ok: false, reason: 'encoding' };
  return { ok: true, address: { hrp: d.hrp, version, program: Buffer.from(program) } };
}

/** Encodes a SegWit address (used by tests to build vectors). */
export function encodeSegwit(hrp: string, version: number, program: Uint8Array): string {
  const data = [version, ...convertBits([...program], 8, 5, true)!];
  const values = [...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0];
  const mod = polymod(values) ^ (version === 0 ? BECH32_CONST : BECH32M_CONST);
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data, ...checksum].map((v) => CHARSET[v]).join('')}`;
}
