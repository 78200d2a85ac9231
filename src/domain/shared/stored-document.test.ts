// The upgrade chain of stored documents: each step runs once, in order, from the stored version.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { currentVersion, storedDocument, upgradeDocument, VERSION_ZERO_TO_ONE } from './stored-document.js';

const ZNote = z.object({ id: z.string(), text: z.string(), tags: z.array(z.string()) });

// A kind at version 3: v1 stored `body` where v2 has `text`; v3 added `tags`.
const NOTE = storedDocument('note', ZNote, [
  VERSION_ZERO_TO_ONE,
  ({ body, ...rest }) => ({ ...rest, text: body }),
  (doc) => ({ ...doc, tags: [] }),
]);

describe('stored document upgrades', () => {
  it('names the current version after the length of the chain', () => {
    expect(currentVersion(NOTE)).toBe(3);
    expect(currentVersion(storedDocument('plain', ZNote))).toBe(1);
  });

  it('brings a version-0 document through every step to a shape the schema accepts', () => {
    const upgraded = upgradeDocument(NOTE, { id: 'n1', body: 'hello' }, 0);
    expect(upgraded).toEqual({ id: 'n1', text: 'hello', tags: [] });
    expect(ZNote.parse(upgraded)).toEqual(upgraded);
  });

  it('starts from the stored version and leaves a current document as it is', () => {
    expect(upgradeDocument(NOTE, { id: 'n2', text: 'kept' }, 2)).toEqual({ id: 'n2', text: 'kept', tags: [] });
    const current = { id: 'n3', text: 'now', tags: ['a'] };
    expect(upgradeDocument(NOTE, current, 3)).toBe(current);
  });

  it('keeps version 0 (documents written before versions) the same shape as version 1', () => {
    const doc = { id: 'x', text: 't', tags: [] };
    expect(VERSION_ZERO_TO_ONE(doc)).toEqual(doc);
  });
});
