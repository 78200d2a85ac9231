// Pulls a remote TAXII collection into a local one, page by page (more/next), from an added_after
// watermark: every object goes through the STIX validator; valid ones are stored (a version already
// held counts as a duplicate) and the values they name indexed for correlation, invalid ones are
// listed with their reason. One transaction per page.
import type { TaxiiClient } from '../../intel/taxii/client.js';
import type { StixObject } from '../../intel/stix/types.js';
import { validateStixObject } from '../../intel/stix/validate.js';
import { AppError } from '../../errors.js';
import { getCollectionByIdOrAlias } from '../../storage/repositories/intel-object.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import type { SystemActor, UserActor } from '../../domain/shared/actor.js';
import { storeStixObjects } from './store-stix.js';

export type InvalidObject = { id?: string; reason: string };

export type PullSummary = {
  imported: number; duplicates: number; invalid: InvalidObject[]; requests: number; pages: number;
  /** The newest date_added the remote server reported; the next pull starts after it. */
  watermark: string | null;
};

export type PullInput = {
  client: TaxiiClient; apiRoot: string; remoteCollectionId: string; targetCollectionId: string;
  addedAfter: string | null; source: string; actor: UserActor | SystemActor;
  onPage?(progress: { pages: number; received: number; imported: number }): void;
};

/** A server that keeps answering "more" with the same token would otherwise loop forever. */
const MAX_PAGES = 100_000;

export async function pullTaxiiCollection(ctx: ServiceContext, input: PullInput): Promise<PullSummary> {
  const target = await getCollectionByIdOrAlias(ctx.db, input.targetCollectionId);
  if (!target) throw new AppError('INTEL_STIX_COLLECTION_NOT_FOUND', { details: { collection: input.targetCollectionId } });
  const summary: PullSummary = { imported: 0, duplicates: 0, invalid: [], requests: 0, pages: 0, watermark: input.addedAfter };
  const before = input.client.requestCount();
  let next: string | undefined;
  let received = 0;
  do {
    const page = await input.client.objectsPage(input.apiRoot, input.remoteCollectionId, {
      ...(input.addedAfter ? { addedAfter: input.addedAfter } : {}), ...(next ? { next } : {}),
    });
    summary.pages += 1;
    received += page.objects.length;
    const valid: StixObject[] = [];
    for (const obj of page.objects) {
      const checked = validateStixObject(obj);
      if (checked.ok) valid.push(checked.object);
      else summary.invalid.push({ ...(checked.id ? { id: checked.id } : {}), reason: checked.issues.map((i) => `${i.path || '(object)'}: ${i.message.en}`).join('; ') });
    }
    if (valid.length) {
      const now = ctx.clock();
      const stored = await ctx.db.transaction(async (tx) => {
        const result = await storeStixObjects(tx, ctx, target, valid, now, { source: input.source });
        await recordChange(tx, {
          actor: input.actor, subjectType: 'intel_collection', subjectId: target.id,
          events: [{ type: 'taxii_pulled', at: now.toISOString(), data: { source: input.source, inserted: result.inserted, duplicates: result.duplicates } }],
        }, now);
        return result;
      });
      summary.imported += stored.inserted;
      summary.duplicates += stored.duplicates;
    }
    if (page.dateAddedLast) summary.watermark = page.dateAddedLast;
    input.onPage?.({ pages: summary.pages, received, imported: summary.imported });
    const repeated = page.next !== undefined && page.next === next;
    next = page.more && page.next && !repeated ? page.next : undefined;
  } while (next && summary.pages < MAX_PAGES);
  summary.requests = input.client.requestCount() - before;
  return summary;
}
