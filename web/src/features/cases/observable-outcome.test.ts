import { describe, expect, it } from 'vitest';
import { outcomeCounts } from './observable-outcome';

describe('outcomeCounts', () => {
  it('adds up to the values pasted: new, already in the case, repeated in the paste, rejected', () => {
    // 5 lines: a.com (new), b.com (new), a.com again, old.com (already in the case), a bad one.
    const counts = outcomeCounts({
      added: [{ id: 'a' }, { id: 'b' }] as never,
      duplicates: [
        { key: 'domain:a.com', keptId: 'a' },
        { key: 'domain:old.com', keptId: 'old' },
      ],
      rejected: [{ index: 4, value: 'x', issues: [] }],
    });
    expect(counts).toEqual({ total: 5, added: 2, known: 1, repeated: 1, rejected: 1 });
  });
});
