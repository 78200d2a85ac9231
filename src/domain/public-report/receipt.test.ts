import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  formatReceipt,
  isWellFormedReceipt,
  normalizeReceipt,
  receiptNodeCode,
  type ReceiptSeries,
} from './receipt.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const keyOf = (label: string) => createHash('sha256').update(label).digest();
const series = (nodeId: string, keyLabel = 'master key'): ReceiptSeries => ({
  nodeCode: receiptNodeCode(nodeId),
  key: keyOf(`${keyLabel}/${nodeId}`),
});
const CN = series('cn-mps');
const US = series('us-fbi');
/** The five scrambled-counter characters of a current receipt, as a number. */
const bodyValue = (receipt: string) => [...receipt.slice(13, 18)].reduce((v, c) => v * 32 + ALPHABET.indexOf(c), 0);

describe('receipt numbers', () => {
  it('have the CL-year-node code-six characters shape and a valid check character', () => {
    const r = formatReceipt(CN, 2026, 1);
    expect(r).toMatch(/^CL-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(r.slice(8, 12)).toBe(receiptNodeCode('cn-mps'));
    expect(isWellFormedReceipt(r)).toBe(true);
    // The node code is the same on every node that knows the node id.
    expect(receiptNodeCode('cn-mps')).toBe(CN.nodeCode);
    expect(receiptNodeCode('cn-mps')).not.toBe(receiptNodeCode('us-fbi'));
  });

  it('are unique within a node and year, and two nodes with different ids produce disjoint series', () => {
    const cn = new Set<string>();
    const us = new Set<string>();
    for (let n = 1; n <= 5000; n++) {
      cn.add(formatReceipt(CN, 2026, n));
      us.add(formatReceipt(US, 2026, n));
    }
    expect(cn.size).toBe(5000);
    expect(us.size).toBe(5000);
    expect([...cn].filter((r) => us.has(r))).toEqual([]);
    // Not only the node code differs: each node's series is its own (the US node's first receipts
    // were the China node's first receipts under the old, unkeyed scramble).
    let sameBody = 0;
    for (let n = 1; n <= 2000; n++)
      if (formatReceipt(CN, 2026, n).slice(13) === formatReceipt(US, 2026, n).slice(13)) sameBody += 1;
    expect(sameBody).toBeLessThanOrEqual(1);
    // Two nodes sharing a master key (a cloned data dir) still get their own series through the node id.
    const shared = (nodeId: string): ReceiptSeries => ({
      nodeCode: receiptNodeCode(nodeId),
      key: keyOf(`same/${nodeId}`),
    });
    expect(formatReceipt(shared('a-1'), 2026, 1).slice(13)).not.toBe(formatReceipt(shared('b-2'), 2026, 1).slice(13));
  });

  it('reveal nothing about the next receipt: consecutive ones have no fixed relation, and it depends on the node key', () => {
    // The old scramble added the same constant from one receipt to the next (mod 2^25).
    const steps = new Set<number>();
    for (let n = 1; n <= 2000; n++)
      steps.add(
        (bodyValue(formatReceipt(CN, 2026, n + 1)) - bodyValue(formatReceipt(CN, 2026, n)) + 2 ** 25) % 2 ** 25,
      );
    expect(steps.size).toBeGreaterThan(1990);

    // Over many node keys, no bit of receipt n+1 leans on any bit of receipt n: knowing the scheme,
    // the node id and a receipt, the next one is a coin toss per bit without the key.
    const samples = 3000;
    const both = Array.from({ length: 25 }, () => new Array<number>(25).fill(0));
    const given = new Array<number>(25).fill(0);
    for (let k = 0; k < samples; k++) {
      const s: ReceiptSeries = { nodeCode: CN.nodeCode, key: keyOf(`key ${k}`) };
      const a = bodyValue(formatReceipt(s, 2026, 41));
      const b = bodyValue(formatReceipt(s, 2026, 42));
      for (let i = 0; i < 25; i++) {
        if (!((a >>> i) & 1)) continue;
        given[i]! += 1;
        for (let j = 0; j < 25; j++) if ((b >>> j) & 1) both[i]![j]! += 1;
      }
    }
    for (let i = 0; i < 25; i++) {
      expect(given[i]! / samples).toBeGreaterThan(0.42);
      expect(given[i]! / samples).toBeLessThan(0.58);
      for (let j = 0; j < 25; j++) {
        const p = both[i]![j]! / given[i]!;
        expect(Math.abs(p - 0.5), `bit ${j} of the next given bit ${i}`).toBeLessThan(0.08);
      }
    }
    // And a new year starts a new series, not the last year's again.
    expect(formatReceipt(CN, 2027, 1).slice(13)).not.toBe(formatReceipt(CN, 2026, 1).slice(13));
  });

  it('catch every single mistyped character, and swaps of neighbours (but for the 0/Z pair Luhn mod 32 cannot see)', () => {
    for (const n of [777, 4242]) {
      const r = formatReceipt(CN, 2026, n);
      const chars = r.slice(8, 12) + r.slice(13);
      const back = (c: string) => `CL-2026-${c.slice(0, 4)}-${c.slice(4)}`;
      expect(back(chars)).toBe(r);
      for (let i = 0; i < chars.length; i++) {
        for (const c of ALPHABET) {
          if (c === chars[i]) continue;
          const typo = back(`${chars.slice(0, i)}${c}${chars.slice(i + 1)}`);
          expect(isWellFormedReceipt(typo), typo).toBe(false);
        }
      }
      for (let i = 0; i < chars.length - 1; i++) {
        const pair = chars[i]! + chars[i + 1]!;
        if (chars[i] === chars[i + 1] || pair === '0Z' || pair === 'Z0') continue;
        const swapped = back(`${chars.slice(0, i)}${chars[i + 1]}${chars[i]}${chars.slice(i + 2)}`);
        expect(isWellFormedReceipt(swapped), swapped).toBe(false);
      }
    }
  });

  it('accept what people type: lower case, spaces, O for 0, I/L for 1, missing dashes', () => {
    const r = formatReceipt(CN, 2026, 5);
    const typed = ` ${r.toLowerCase().replace(/-/g, ' ')} `.replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normalizeReceipt(typed)).toBe(r);
    expect(normalizeReceipt(r.replace(/-/g, ''))).toBe(r);
    expect(isWellFormedReceipt('CL-2026-ABC')).toBe(false);
    expect(checkCharacter('00000')).toBe('0');
  });

  it('keep the receipts issued before the node code (CL-year-six characters) well-formed for status checks', () => {
    // Issued by the old scheme: counter 1 and 2 of 2026.
    for (const legacy of ['CL-2026-7CFFEX', 'CL-2026-G4FSH1']) {
      expect(isWellFormedReceipt(legacy)).toBe(true);
      expect(normalizeReceipt(` ${legacy.toLowerCase()} `)).toBe(legacy);
      expect(normalizeReceipt(legacy.replace(/-/g, ''))).toBe(legacy);
    }
    expect(isWellFormedReceipt('CL-2026-7CFFEY')).toBe(false);
  });
});
