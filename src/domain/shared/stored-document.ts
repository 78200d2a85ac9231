// What a kind of stored document is: the zod schema of its current shape and the chain of pure
// upgrades that bring an older stored copy up to it (docs/architecture.md, "Storage"). The storage
// layer applies both at its boundary; the domain owns them because they describe domain records.
import type { z } from 'zod';

/** A stored document as JSON gives it back, before it is checked. */
export type RawDocument = Record<string, unknown>;

/** Turns a document of schema version N into version N + 1; pure, never throws for a valid N document. */
export type DocumentUpgrade = (doc: RawDocument) => RawDocument;

export type StoredDocumentSpec<T extends object> = {
  /** Names the kind in errors (e.g. "request"). */
  kind: string;
  schema: z.ZodType<T>;
  /** `upgrades[n]` takes version n to n + 1; the current version is `upgrades.length`. */
  upgrades: readonly DocumentUpgrade[];
};

/** Version 0 is a document written before documents carried a version; same shape as version 1. */
export const VERSION_ZERO_TO_ONE: DocumentUpgrade = (doc) => doc;

export function storedDocument<T extends object>(
  kind: string,
  schema: z.ZodType<T>,
  upgrades: readonly DocumentUpgrade[] = [VERSION_ZERO_TO_ONE],
): StoredDocumentSpec<T> {
  return { kind, schema, upgrades };
}

export function currentVersion(spec: StoredDocumentSpec<object>): number {
  return spec.upgrades.length;
}

/** Runs the upgrades from `from` to the current version; a version from the future is left to the schema check. */
export function upgradeDocument(spec: StoredDocumentSpec<object>, doc: RawDocument, from: number): RawDocument {
  let out = doc;
  for (let v = from; v < spec.upgrades.length; v++) {
    const step = spec.upgrades[v];
    if (step) out = step(out);
  }
  return out;
}
