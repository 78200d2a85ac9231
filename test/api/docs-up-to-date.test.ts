// docs/api.md lists every error code exactly as the catalogue defines it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withTable } from '../../scripts/gen-error-docs.js';

describe('docs/api.md', () => {
  it('has the current error-code table (run `npm run docs:errors` after changing a code)', () => {
    const doc = readFileSync('docs/api.md', 'utf8');
    expect(doc).toBe(withTable(doc));
  });
});
