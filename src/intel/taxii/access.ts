// Who may read and write a TAXII collection, and which TLP levels leave the node through it.
// Local users act by their roles; an account bound to a party (a peer or third party) acts only
// within the collection's sharing scope, whatever roles it has.
import { TLP_LEVELS, type Tlp } from '../../domain/case/tlp.js';

export type TaxiiViewer =
  | { kind: 'local'; userId: string; canRead: boolean; canWrite: boolean }
  | { kind: 'party'; userId: string; party: string };

export type CollectionScope = { readers: readonly string[]; writers: readonly string[]; maxTlp: string };

export type CollectionAccess = { canRead: boolean; canWrite: boolean; visible: boolean };

/** The API root every node has; collections land there unless an admin names another. */
export const DEFAULT_API_ROOT = 'api';
/** An API root name is one URL path segment: lower-case letters, digits and hyphens. */
export const API_ROOT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

const names = (list: readonly string[], party: string) => list.includes('*') || list.includes(party);

export function collectionAccess(scope: CollectionScope, viewer: TaxiiViewer): CollectionAccess {
  if (viewer.kind === 'local')
    return { canRead: viewer.canRead, canWrite: viewer.canWrite, visible: viewer.canRead || viewer.canWrite };
  const canRead = names(scope.readers, viewer.party);
  const canWrite = names(scope.writers, viewer.party);
  // A party never learns that a collection outside its scope exists.
  return { canRead, canWrite, visible: canRead || canWrite };
}

/**
 * TLP levels this viewer may receive from the collection: everything for local users, up to
 * max_tlp for parties. Unmarked objects follow the collection's own policy (they are served).
 */
export function servedTlpLevels(scope: CollectionScope, viewer: TaxiiViewer): Tlp[] | 'all' {
  if (viewer.kind === 'local') return 'all';
  const max = TLP_LEVELS.indexOf(scope.maxTlp as Tlp);
  return max < 0 ? [] : TLP_LEVELS.slice(0, max + 1);
}

/**
 * The API roots a caller may learn of: the default one always; another only when it holds a
 * collection the caller can see (so a root's name tells a third party nothing it may not know).
 * `viewer` null is an anonymous discovery request.
 */
export function visibleApiRoots(
  collections: readonly (CollectionScope & { apiRoot: string })[],
  viewer: TaxiiViewer | null,
): string[] {
  const roots = new Set([DEFAULT_API_ROOT]);
  if (viewer) for (const c of collections) if (collectionAccess(c, viewer).visible) roots.add(c.apiRoot);
  return [DEFAULT_API_ROOT, ...[...roots].filter((r) => r !== DEFAULT_API_ROOT).sort()];
}
