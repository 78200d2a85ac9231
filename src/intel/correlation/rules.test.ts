import { describe, expect, it } from 'vitest';
import { decideMatch, orderPair, valueHash } from './rules.js';

describe('correlation rules', () => {
  it('keys values by a stable 32-character hash', () => {
    expect(valueHash('1.2.3.4')).toHaveLength(32);
    expect(valueHash('1.2.3.4')).toBe(valueHash('1.2.3.4'));
    expect(valueHash('1.2.3.4')).not.toBe(valueHash('1.2.3.5'));
  });

  it('orders a pair the same way whichever side arrives first', () => {
    const c = { kind: 'case', id: 'b' };
    const r = { kind: 'request', id: 'a' };
    expect(orderPair(c, r)).toEqual([c, r]);
    expect(orderPair(r, c)).toEqual([c, r]);
    expect(orderPair({ kind: 'case', id: 'z' }, { kind: 'case', id: 'y' })[0].id).toBe('y');
  });

  it('stops alerting past the threshold and for excluded values', () => {
    expect(decideMatch(2, 25, false)).toBe('alert');
    expect(decideMatch(25, 25, false)).toBe('alert');
    expect(decideMatch(26, 25, false)).toBe('common');
    expect(decideMatch(2, 25, true)).toBe('excluded');
  });
});
