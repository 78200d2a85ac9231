// Receipt numbers given to the public, e.g. `CL-2026-7Q4M-K3M9QX`, short enough to read over the
// phone: the year, a node code, and six characters — five from the node's yearly report counter
// passed through a keyed pseudorandom permutation, plus one check character (Luhn mod 32 over the
// node code and those five) that catches a mistyped character before any lookup.
//
// - Unique across the federation: the node code (4 characters, from the node id, see
//   receiptNodeCode) differs between nodes, and within a node and year the permutation of the
//   counter never repeats (a bijection on 0 … 2^25 − 1).
// - Unpredictable: the permutation is keyed with a secret of the node (the caller derives it from
//   the master key and the node id), so neither another node's receipts nor this node's earlier ones
//   tell anything about the next one. The unkeyed scramble used before did: every node issued the
//   same series, and one receipt gave the next.
// - Receipts of the earlier form `CL-<year>-XXXXXC` (no node code) stay well-formed, so their
//   reporters can still check their status.
import { createCipheriv, createHash, type Cipher } from 'node:crypto';

// Crockford's base-32 alphabet: no I, L, O, U, so a receipt read over the phone is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_CHARS = 5;
const BITS = 25;
const SPACE = 2 ** BITS;
// The permutation is a balanced Feistel network on 26 bits (two 13-bit halves; the round function
// is AES-256 under the node key over year, round and half, as in NIST SP 800-38G's FF1), cycle-walked
// into 25 bits: applied again until the value is below 2^25, which keeps it a bijection on
// 0 … 2^25 − 1 (about two passes on average).
const HALF_BITS = 13;
const HALF_MASK = (1 << HALF_BITS) - 1;
const ROUNDS = 8;
const NODE_CODE_CHARS = 4;

const CHAR = '[0-9A-HJKMNP-TV-Z]';
export const RECEIPT_PATTERN = new RegExp(`^CL-(\\d{4})-(${CHAR}{${NODE_CODE_CHARS}})-(${CHAR}{${BODY_CHARS + 1}})$`);
/** Receipts issued before the node code was added. */
export const LEGACY_RECEIPT_PATTERN = new RegExp(`^CL-(\\d{4})-(${CHAR}{${BODY_CHARS + 1}})$`);
export const NODE_CODE_PATTERN = new RegExp(`^${CHAR}{${NODE_CODE_CHARS}}$`);

/** What makes a node's series its own: its code (public, in every receipt) and its key (secret, 32 bytes). */
export type ReceiptSeries = { nodeCode: string; key: Uint8Array };

export function checkCharacter(body: string): string {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let v = ALPHABET.indexOf(body[i]!);
    if (v < 0) throw new Error(`not a receipt character: ${body[i]}`);
    if (double) {
      v *= 2;
      v = Math.floor(v / 32) + (v % 32);
    }
    sum += v;
    double = !double;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

function encode(value: number, chars: number): string {
  let out = '';
  for (let i = 0; i < chars; i++) {
    out = ALPHABET[value % 32]! + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/**
 * The node's code in receipts: 4 characters (20 bits) of SHA-256 of the node id, the same wherever
 * it is computed. Two node ids share a code with probability 2^-20; an operator who meets that
 * sets another code for one node (config `receiptNodeCode`).
 */
export function receiptNodeCode(nodeId: string): string {
  const h = createHash('sha256').update(`crossline-receipt-node\u0000${nodeId}`).digest();
  return encode(h.readUInt32BE(0) >>> (32 - NODE_CODE_CHARS * 5), NODE_CODE_CHARS);
}

function roundValue(aes: Cipher, year: number, round: number, half: number): number {
  const block = Buffer.alloc(16);
  block.write('CLRC', 0, 'latin1'); // domain separation: these blocks serve receipts only
  block.writeUInt32BE(year, 4);
  block.writeUInt32BE(round, 8);
  block.writeUInt32BE(half, 12);
  return aes.update(block).readUInt16BE(0) & HALF_MASK;
}

function feistel(aes: Cipher, year: number, value: number): number {
  let left = value >>> HALF_BITS;
  let right = value & HALF_MASK;
  for (let round = 0; round < ROUNDS; round++) [left, right] = [right, left ^ roundValue(aes, year, round, right)];
  return left * 2 ** HALF_BITS + right;
}

/** The keyed permutation of 0 … 2^25 − 1 the receipts of `year` use. */
function permute(key: Uint8Array, year: number, counter: number): number {
  if (key.length !== 32) throw new Error('the receipt key must be 32 bytes');
  // ECB over single, distinct blocks is AES used as a pseudorandom function, which is all a round needs.
  const aes = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  let v = counter;
  do v = feistel(aes, year, v);
  while (v >= SPACE);
  return v;
}

/** The receipt for the `counter`-th report of `year` on the node of `series` (counter from 1; unique below 2^25 a year). */
export function formatReceipt(series: ReceiptSeries, year: number, counter: number): string {
  if (!Number.isSafeInteger(counter) || counter < 1 || counter >= SPACE)
    throw new Error(`receipt counter out of range: ${counter}`);
  if (!NODE_CODE_PATTERN.test(series.nodeCode)) throw new Error(`not a receipt node code: ${series.nodeCode}`);
  const body = encode(permute(series.key, year, counter), BODY_CHARS);
  return `CL-${year}-${series.nodeCode}-${body}${checkCharacter(series.nodeCode + body)}`;
}

/** Upper-cases, drops spaces and maps look-alikes (O→0, I/L→1) the way people mistype receipts. */
export function normalizeReceipt(raw: string): string {
  const compact = raw.toUpperCase().replace(/\s+/g, '');
  const fix = (x: string) => x.replace(/O/g, '0').replace(/[IL]/g, '1');
  const current = /^CL-?([0-9OIL]{4})-?([0-9A-Z]{4})-?([0-9A-Z]{6})$/.exec(compact);
  if (current) return `CL-${fix(current[1]!)}-${fix(current[2]!)}-${fix(current[3]!)}`;
  const legacy = /^CL-?([0-9OIL]{4})-?([0-9A-Z]{6})$/.exec(compact);
  if (legacy) return `CL-${fix(legacy[1]!)}-${fix(legacy[2]!)}`;
  return compact;
}

/** True when the format and check character are right; says nothing about whether it exists. */
export function isWellFormedReceipt(receipt: string): boolean {
  const current = RECEIPT_PATTERN.exec(receipt);
  if (current) {
    const chars = current[2]! + current[3]!;
    return checkCharacter(chars.slice(0, -1)) === chars.slice(-1);
  }
  const legacy = LEGACY_RECEIPT_PATTERN.exec(receipt);
  if (!legacy) return false;
  const chars = legacy[2]!;
  return checkCharacter(chars.slice(0, BODY_CHARS)) === chars[BODY_CHARS];
}
