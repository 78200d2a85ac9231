// SegWit addresses (bc1…, tb1…, ltc1…): Bech32 (BIP-173) for version 0, Bech32m (BIP-350) for
// versions 1–16. The codecs are @scure/base's; the SegWit rules on top are applied here.
import { bech32, bech32m } from '@scure/base';

export type SegwitAddress = { hrp: string; version: number; program: Buffer };

export type SegwitResult =
  { ok: true; address: SegwitAddress } | { ok: false; reason: 'checksum' | 'program' | 'encoding' };

type Decoded = { prefix: string; words: number[] };

/** Tries both checksums; a string valid under neither is a checksum failure. */
function decodeEither(addr: string): { decoded: Decoded; encoding: 'bech32' | 'bech32m' } | undefined {
  if (addr !== addr.toLowerCase() && addr !== addr.toUpperCase()) return undefined;
  const s = addr.toLowerCase() as `${string}1${string}`;
  for (const [encoding, codec] of [
    ['bech32', bech32],
    ['bech32m', bech32m],
  ] as const) {
    const d = codec.decodeUnsafe(s, 90);
    if (d) return { decoded: { prefix: d.prefix, words: [...d.words] }, encoding };
  }
  return undefined;
}

/**
 * Decodes a SegWit address and applies BIP-173/350 rules: version 0 uses Bech32 with a 20- or
 * 32-byte program; versions 1–16 use Bech32m with 2–40 bytes.
 */
export function decodeSegwit(addr: string): SegwitResult {
  const d = decodeEither(addr);
  if (!d) return { ok: false, reason: 'checksum' };
  const [version, ...rest] = d.decoded.words;
  if (version === undefined || version > 16) return { ok: false, reason: 'program' };
  const program = bech32.fromWordsUnsafe(rest);
  if (!program || program.length < 2 || program.length > 40) return { ok: false, reason: 'program' };
  if (version === 0 && program.length !== 20 && program.length !== 32) return { ok: false, reason: 'program' };
  if ((version === 0) !== (d.encoding === 'bech32')) return { ok: false, reason: 'encoding' };
  return { ok: true, address: { hrp: d.decoded.prefix, version, program: Buffer.from(program) } };
}

/** Encodes a SegWit address (used by tests to build vectors). */
export function encodeSegwit(hrp: string, version: number, program: Uint8Array): string {
  const codec = version === 0 ? bech32 : bech32m;
  return codec.encode(hrp, [version, ...bech32.toWords(program)], 90);
}
