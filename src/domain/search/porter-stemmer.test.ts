import { describe, expect, it } from 'vitest';
import { porterStem } from './porter-stemmer.js';

describe('porterStem', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['cats', 'cat'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['motoring', 'motor'],
    ['hopping', 'hop'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['electriciti', 'electr'],
    ['adjustment', 'adjust'],
    ['generalizations', 'gener'],
    ['controlling', 'control'],
    ['rolling', 'roll'],
  ])('%s → %s (published examples)', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('conflates the inflections investigators type', () => {
    expect(porterStem('frauds')).toBe(porterStem('fraud'));
    expect(porterStem('scammed')).toBe(porterStem('scams'));
    expect(porterStem('laundering')).toBe(porterStem('laundered'));
    expect(porterStem('investments')).toBe(porterStem('investment'));
  });

  it('leaves digits and short words alone', () => {
    expect(porterStem('2024')).toBe('2024');
    expect(porterStem('ip')).toBe('ip');
  });
});
