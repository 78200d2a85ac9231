// Receipt numbers given to the public, e.g. `CL-2026-7K3M9Q`: five characters from the yearly
// counter, scrambled so consecutive reports do not look consecutive, plus one check character
// (Luhn mod 32) that catches a mistyped or swapped character before any lookup.

// Crockford's base-32 alphabet: no I, L, O, U, so a receipt read over the phone is unambiguous.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BITS = 25;
const SPACE = 2 ** BITS;
// An odd multiplier is a bijection modulo 2^25; the XOR mixes the low bits.
const MULTIPLIER = 19_661_237;
const MASK = 0x15a_3c5b;

export const RECEIPT_PATTERN = /^CL-(\d{4})-([0-9A-HJKMNP-TV-Z]{6})$/;

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

function scramble(n: number): number {
  return (Number((BigInt(n) * BigInt(MULTIPLIER)) % BigInt(SPACE)) ^ MASK) % SPACE;
}

function encode(value: number): string {
  let out = '';
  for (let i = 0; i < BITS / 5; i++) {
    out = ALPHABET[value % 32]! + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/** The receipt for the `counter`-th report of `year` (counter from 1; unique below 2^25 a year). */
export function formatReceipt(year: number, counter: number): string {
  if (!Number.isSafeInteger(counter) || counter < 1 || counter >= SPACE) throw new Error(`receipt counter out of range: ${counter}`);
  const body = encode(scramble(counter));
  return `CL-${year}-${body}${checkCharacter(body)}`;
}

/** Upper-cases, drops spaces and maps look-alikes (O→0, I/L→1) the way people mistype receipts. */
export function normalizeReceipt(raw: string): string {
  const compact = raw.toUpperCase().replace(/\s+/g, '');
  const m = /^CL-?([0-9OIL]{4})-?([0-9A-Z]{6})$/.exec(compact);
  if (!m) return compact;
  const fix = (x: string) => x.replace(/O/g, '0').replace(/[IL]/g, '1');
  return `CL-${fix(m[1]!)}-${fix(m[2]!)}`;
}

/** True when the format and check character are right; says nothing about whether it exists. */
export function isWellFormedReceipt(receipt: string): boolean {
  const m = RECEIPT_PATTERN.exec(receipt);
  if (!m) return false;
  const chars = m[2]!;
  return checkCharacter(chars.slice(0, 5)) === chars[5];
}
