// The shared media-type parser: RFC 9110 syntax, normalisation, and nothing that could break a header.
import { describe, expect, it } from 'vitest';
import { normalizeMediaType, parseMediaType, safeContentType, ZMediaTypeSchema } from './media-type.js';

describe('media types', () => {
  it('accepts type/subtype with token or quoted parameters and normalises case and spacing', () => {
    expect(normalizeMediaType('image/png')).toBe('image/png');
    expect(normalizeMediaType(' Text/Plain ; Charset=UTF-8 ')).toBe('text/plain; charset=UTF-8');
    expect(normalizeMediaType('multipart/form-data; boundary="a b;c"')).toBe('multipart/form-data; boundary="a b;c"');
    expect(normalizeMediaType('text/plain; a="x\\"y"; b=z;')).toBe('text/plain; a="x\\"y"; b=z');
    expect(normalizeMediaType('application/vnd.ms-excel.sheet.macroEnabled.12')).toBe(
      'application/vnd.ms-excel.sheet.macroenabled.12',
    );
    expect(parseMediaType('Application/JOSE')?.essence).toBe('application/jose');
  });

  it('refuses anything that is not a media type, above all CR, LF and other controls anywhere', () => {
    for (const bad of [
      '',
      'text',
      'text/',
      '/plain',
      'text/plain/x',
      'text /plain',
      'text/plain; charset',
      'text/plain; =x',
      'text/plain; a=b c',
      'text/plain; name="a\r\nX-Injected: yes"',
      'text/plain; name="a\nb"',
      'text/plain\r\n',
      'text/plain; a="unterminated',
      'text/plain; a="\u0000"',
      'текст/plain',
      'text/plain; a="é"',
      `text/plain; a=${'x'.repeat(300)}`,
    ]) {
      expect(parseMediaType(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('sends a stored value only when valid, else plain bytes', () => {
    expect(safeContentType('image/PNG')).toBe('image/png');
    expect(safeContentType('text/plain; name="a\r\nb"')).toBe('application/octet-stream');
    expect(safeContentType(null)).toBe('application/octet-stream');
  });

  it('gives routes a Zod schema that normalises or refuses', () => {
    expect(ZMediaTypeSchema.parse('Image/PNG')).toBe('image/png');
    expect(ZMediaTypeSchema.safeParse('a\nb/c').success).toBe(false);
  });
});
