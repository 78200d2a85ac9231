import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { findCjkFont } from './cjk-font.js';

describe('CJK font for PDF reports', () => {
  it('refuses with REPORT_FONT_MISSING naming the package when no font exists, rather than drawing empty boxes', () => {
    let caught: unknown;
    try {
      findCjkFont({ CROSSLINE_REPORT_FONT: '/nowhere/font.ttc#Nothing' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('REPORT_FONT_MISSING');
    expect((caught as AppError).bilingual.en).toContain('fonts-wqy-zenhei');
    expect((caught as AppError).bilingual.zh).toContain('fonts-wqy-zenhei');
    expect((caught as AppError).details).toMatchObject({
      package: 'fonts-wqy-zenhei',
      searched: ['/nowhere/font.ttc'],
    });
  });

  it('takes an explicit font file with the face name of a collection', () => {
    expect(findCjkFont({ CROSSLINE_REPORT_FONT: `${import.meta.dirname}/cjk-font.ts#Face` })).toEqual({
      path: `${import.meta.dirname}/cjk-font.ts`,
      family: 'Face',
    });
  });
});
