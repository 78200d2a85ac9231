// Use cases for the node's TAXII collections (docs/spec.md §5.2): list with object counts, create, and
// change title, alias and sharing scope (readers, writers, max_tlp). Each change is one
// transaction with its audit entry and history row. Readers and writers may be chosen through
// sharing groups: expanded on save to their active peer members (docs/federation.md §19).
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { GroupExpansion } from '../../domain/sharing-group/index.js';
import { DEFAULT_API_ROOT } from '../../intel/taxii/access.js';
import { newId } from '../../shared/ids.js';
import {
  countObjectsByCollection,
  findCollection,
  findCollectionByAlias,
  insertCollection,
  listCollections,
  updateCollection,
  type CollectionRow,
} from '../../storage/repositories/taxii.repository.js';
import type { Queryable } from '../../storage/db.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { resolveRecipients } from '../sharing-group/resolve-recipients.js';

export type CollectionInput = {
  title: string;
  description?: string;
  alias?: string | null;
  readers?: string[];
  writers?: string[];
  /** Sharing groups whose active peer members are added to readers / writers on save. */
  readerGroups?: string[];
  writerGroups?: string[];
  maxTlp?: CollectionRow['maxTlp'];
  /** The TAXII API root to serve it under (DEFAULT_API_ROOT when not given). */
  apiRoot?: string;
};

export type CollectionWithCount = CollectionRow & { objectCount: number };

export async function listCollectionsWithCounts(ctx: ServiceContext): Promise<CollectionWithCount[]> {
  const [rows, counts] = await Promise.all([listCollections(ctx.db), countObjectsByCollection(ctx.db)]);
  return rows.map((c) => ({ ...c, objectCount: counts.get(c.id) ?? 0 }));
}

const unique = (list: string[] | undefined) => [...new Set(list ?? [])].sort();

type ScopeExpansion = { readers?: GroupExpansion['groups']; writers?: GroupExpansion['groups'] };

/** Adds the chosen groups' active peer members to the given readers / writers (each side alone). */
async function expandScope(
  tx: Queryable,
  ctx: ServiceContext,
  base: { readers: string[]; writers: string[] },
  input: Partial<CollectionInput>,
): Promise<{ readers: string[]; writers: string[]; groupExpansion: ScopeExpansion | null }> {
  const out = { readers: base.readers, writers: base.writers };
  const groupExpansion: ScopeExpansion = {};
  for (const side of ['readers', 'writers'] as const) {
    const groups = side === 'readers' ? input.readerGroups : input.writerGroups;
    if (!groups?.length) continue;
    const expansion = await resolveRecipients(tx, ctx.config.nodeId, { parties: out[side], groups });
    out[side] = unique(expansion.recipients);
    groupExpansion[side] = expansion.groups;
  }
  return { ...out, groupExpansion: Object.keys(groupExpansion).length ? groupExpansion : null };
}

export async function createCollection(
  ctx: ServiceContext,
  actor: UserActor,
  input: CollectionInput,
): Promise<CollectionRow> {
  const now = ctx.clock();
  const draft: CollectionRow = {
    id: newId(),
    alias: input.alias ?? null,
    title: input.title,
    description: input.description ?? '',
    readers: unique(input.readers),
    writers: unique(input.writers),
    maxTlp: input.maxTlp ?? 'AMBER',
    createdAt: now.toISOString(),
    apiRoot: input.apiRoot ?? DEFAULT_API_ROOT,
  };
  return ctx.db.transaction(async (tx) => {
    const { groupExpansion, ...scope } = await expandScope(tx, ctx, draft, input);
    const row: CollectionRow = { ...draft, ...scope };
    if (row.alias && (await findCollectionByAlias(tx, row.alias)))
      throw new AppError('INTEL_TAXII_COLLECTION_ALIAS_TAKEN');
    await insertCollection(tx, row);
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'intel_collection',
        subjectId: row.id,
        events: [
          {
            type: 'created',
            at: row.createdAt,
            data: {
              title: row.title,
              readers: row.readers,
              writers: row.writers,
              maxTlp: row.maxTlp,
              apiRoot: row.apiRoot,
              ...(groupExpansion ? { groupExpansion } : {}),
            },
          },
        ],
      },
      now,
    );
    return row;
  });
}

export async function changeCollection(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  input: Partial<CollectionInput>,
): Promise<CollectionRow> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await findCollection(tx, id);
    if (!current || current.id !== id) throw new AppError('INTEL_TAXII_COLLECTION_NOT_FOUND', { details: { id } });
    const draft: CollectionRow = {
      ...current,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.alias !== undefined ? { alias: input.alias } : {}),
      ...(input.readers !== undefined ? { readers: unique(input.readers) } : {}),
      ...(input.writers !== undefined ? { writers: unique(input.writers) } : {}),
      ...(input.maxTlp !== undefined ? { maxTlp: input.maxTlp } : {}),
      ...(input.apiRoot !== undefined ? { apiRoot: input.apiRoot } : {}),
    };
    const { groupExpansion, ...scope } = await expandScope(tx, ctx, draft, input);
    const next: CollectionRow = { ...draft, ...scope };
    if (next.alias && next.alias !== current.alias) {
      const other = await findCollectionByAlias(tx, next.alias);
      if (other && other.id !== id) throw new AppError('INTEL_TAXII_COLLECTION_ALIAS_TAKEN');
    }
    await updateCollection(tx, next);
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'intel_collection',
        subjectId: id,
        events: [
          {
            type: 'updated',
            at: now.toISOString(),
            data: {
              readers: next.readers,
              writers: next.writers,
              maxTlp: next.maxTlp,
              alias: next.alias,
              apiRoot: next.apiRoot,
              ...(groupExpansion ? { groupExpansion } : {}),
            },
          },
        ],
      },
      now,
    );
    return next;
  });
}

/**
 * A local collection by id or alias, or 404 INTEL_TAXII_COLLECTION_NOT_FOUND naming it; `q` lets a
 * caller read it inside its own transaction.
 */
export async function getCollection(
  ctx: ServiceContext,
  idOrAlias: string,
  q: Queryable = ctx.db,
): Promise<CollectionRow> {
  const found = await findCollection(q, idOrAlias);
  if (!found) throw new AppError('INTEL_TAXII_COLLECTION_NOT_FOUND', { details: { collection: idOrAlias } });
  return found;
}
