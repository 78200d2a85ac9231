import { describe, expect, it } from 'vitest';
import { checkCharacter, formatReceipt, isWellFormedReceipt, normalizeReceipt } from './receipt.js';

describe('receipt numbers', () => {
  it('have the CL-year-six-characters shape and a valid check character', () => {
    const r = formatReceipt(2026, 1);
    expect(r).toMatch(/^CL-2026-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(isWellFormedReceipt(r)).toBe(true);
  });

  it('are unique over many counters and do not look consecutive', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 20_000; n++) seen.add(formatReceipt(2026, n));
    expect(seen.size).toBe(20_000);
    const [a, b] = [formatReceipt(2026, 41), formatReceipt(2026, 42)];
    expect(a.slice(8, 12)).not.toBe(b.slice(8, 12));
  });

  it('catch every single mistyped character and every swap of neighbours', () => {
    const r = formatReceipt(2026, 777);
    const body = r.slice(8);
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 0; i < 6; i++) {
      for (const c of alphabet) {
        if (c === body[i]) continue;
        const typo = `CL-2026-${body.slice(0, i)}${c}${body.slice(i + 1)}`;
        expect(isWellFormedReceipt(typo), typo).toBe(false);
      }
    }
    for (let i = 0; i < 5; i++) {
      if (body[i] === body[i + 1]) continue;
      const swapped = `CL-2026-${body.slice(0, i)}${body[i + 1]}${body[i]}${body.slice(i + 2)}`;
      expect(isWellFormedReceipt(swapped), swapped).toBe(false);
    }
  });

  it('accept what people type: lower case, spaces, O for 0, missing dashes', () => {
    const r = formatReceipt(2026, 5);
    const typed = ` ${r.toLowerCase().replace(/-/g, ' ')} `.replace(/0/g, 'o');
    expect(normalizeReceipt(typed)).toBe(r);
    expect(isWellFormedReceipt('CL-2026-ABC')).toBe(false);
    expect(checkCharacter('00000')).toBe('0');
  });
});
