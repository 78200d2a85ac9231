// Use case: a collection's STIX objects as one bundle, streamed page by page (every stored version,
// in the order they were added), so exports of any size use constant memory.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import { getCollectionByIdOrAlias, readObjectsAfter } from '../../storage/repositories/intel-object.repository.js';
import type { ServiceContext } from '../context.js';

export type ExportStixOptions = { collection?: string; types?: string[]; pageSize?: number };

/** Resolves the collection first (so a bad name fails before any byte is sent), then returns the bundle text stream. */
export async function exportStix(ctx: ServiceContext, options: ExportStixOptions): Promise<AsyncGenerator<string>> {
  const collection = await getCollectionByIdOrAlias(ctx.db, options.collection ?? 'local');
  if (!collection)
    throw new AppError('INTEL_STIX_COLLECTION_NOT_FOUND', { details: { collection: options.collection } });
  const pageSize = options.pageSize ?? 2000;
  return (async function* bundle(): AsyncGenerator<string> {
    yield `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[`;
    let afterSeq = 0;
    let first = true;
    for (;;) {
      const page = await readObjectsAfter(ctx.db, {
        collectionId: collection.id,
        ...(options.types?.length ? { types: options.types } : {}),
        afterSeq,
        limit: pageSize,
      });
      if (page.length === 0) break;
      yield (first ? '\n' : ',\n') + page.map((r) => r.object).join(',\n');
      first = false;
      afterSeq = page[page.length - 1]!.seq;
      if (page.length < pageSize) break;
    }
    yield '\n]}\n';
  })();
}
