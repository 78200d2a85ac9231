// Pulls a remote TAXII collection into a local one, page by page, from an added_after watermark:
// every object goes through the STIX validator; valid ones are stored (a version already held
// counts as a duplicate) and the values they name indexed for correlation, invalid ones are
// listed with their reason. One transaction per page.
//
// The pull follows the server until it says `more: false` (intel/taxii/paging.ts decides each next
// request). The watermark only moves over pages that were handled: after a page is stored it
// becomes that page's X-TAXII-Date-Added-Last, so a pull that ends early (a request fails, a loop
// guard trips) keeps what it stored, reports how far it got, and the next pull starts right after.
import type { TaxiiClient } from '../../intel/taxii/client.js';
import {
  afterPage,
  DEFAULT_PAGING_LIMITS,
  firstPage,
  pageFingerprint,
  type PagingLimits,
} from '../../intel/taxii/paging.js';
import type { StixObject } from '../../intel/stix/types.js';
import { validateStixObject } from '../../intel/stix/validate.js';
import { AppError } from '../../errors.js';
import type { Queryable } from '../../storage/db.js';
import { getCollectionByIdOrAlias } from '../../storage/repositories/intel-object.repository.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import type { SystemActor, UserActor } from '../../domain/shared/actor.js';
import { storeStixObjects } from './store-stix.js';

export type InvalidObject = { id?: string; reason: string };

export type PullSummary = {
  imported: number;
  duplicates: number;
  invalid: InvalidObject[];
  requests: number;
  pages: number;
  /** X-TAXII-Date-Added-Last of the last page handled; the next pull starts after it. */
  watermark: string | null;
  /** True when the server said it had nothing more; false when the pull ended early (see `error`). */
  complete: boolean;
  /** Why the pull ended before the server's last page, with how far it got; null when complete. */
  error: string | null;
};

export type PullInput = {
  client: TaxiiClient;
  apiRoot: string;
  remoteCollectionId: string;
  targetCollectionId: string;
  addedAfter: string | null;
  source: string;
  actor: UserActor | SystemActor;
  onPage?(progress: { pages: number; received: number; imported: number }): void;
  /** Called inside the transaction that stores a page, so a saved watermark never runs ahead of the objects. */
  saveWatermark?(tx: Queryable, watermark: string): Promise<void>;
  limits?: PagingLimits;
};

const describeError = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function pullTaxiiCollection(ctx: ServiceContext, input: PullInput): Promise<PullSummary> {
  const target = await getCollectionByIdOrAlias(ctx.db, input.targetCollectionId);
  if (!target)
    throw new AppError('INTEL_STIX_COLLECTION_NOT_FOUND', { details: { collection: input.targetCollectionId } });
  const summary: PullSummary = {
    imported: 0,
    duplicates: 0,
    invalid: [],
    requests: 0,
    pages: 0,
    watermark: input.addedAfter,
    complete: false,
    error: null,
  };
  const before = input.client.requestCount();
  let state = firstPage(input.addedAfter);
  let received = 0;
  try {
    for (;;) {
      const page = await input.client.objectsPage(input.apiRoot, input.remoteCollectionId, state.request);
      const valid: StixObject[] = [];
      for (const obj of page.objects) {
        const checked = validateStixObject(obj);
        if (checked.ok) valid.push(checked.object);
        else
          summary.invalid.push({
            ...(checked.id ? { id: checked.id } : {}),
            reason: checked.issues.map((i) => `${i.path || '(object)'}: ${i.message.en}`).join('; '),
          });
      }
      if (valid.length) {
        const now = ctx.clock();
        const stored = await ctx.db.transaction(async (tx) => {
          const result = await storeStixObjects(tx, ctx, target, valid, now, { source: input.source });
          await recordChange(
            tx,
            {
              actor: input.actor,
              subjectType: 'intel_collection',
              subjectId: target.id,
              events: [
                {
                  type: 'taxii_pulled',
                  at: now.toISOString(),
                  data: { source: input.source, inserted: result.inserted, duplicates: result.duplicates },
                },
              ],
            },
            now,
          );
          if (page.dateAddedLast && input.saveWatermark) await input.saveWatermark(tx, page.dateAddedLast);
          return result;
        });
        summary.imported += stored.inserted;
        summary.duplicates += stored.duplicates;
      }
      // Every object of this page is now stored (or refused as invalid): the watermark may pass it.
      summary.pages += 1;
      received += page.objects.length;
      if (page.dateAddedLast) summary.watermark = page.dateAddedLast;
      input.onPage?.({ pages: summary.pages, received, imported: summary.imported });
      const step = afterPage(
        state,
        {
          count: page.objects.length,
          more: page.more,
          fingerprint: pageFingerprint(page.objects, page.dateAddedLast),
          ...(page.next !== undefined ? { next: page.next } : {}),
          ...(page.dateAddedLast ? { dateAddedLast: page.dateAddedLast } : {}),
        },
        input.limits ?? DEFAULT_PAGING_LIMITS,
      );
      if (step.kind === 'done') {
        summary.complete = true;
        break;
      }
      if (step.kind === 'stop') {
        summary.error = endedEarly(step.reason, summary);
        break;
      }
      state = step.state;
    }
  } catch (e) {
    summary.error = endedEarly(describeError(e), summary);
  }
  summary.requests = input.client.requestCount() - before;
  return summary;
}

/** The reason plus how far the pull got, so a feed's last error or the CLI says what was kept. */
function endedEarly(reason: string, s: PullSummary): string {
  return (
    `${reason}; the pull ended early after ${s.pages} page${s.pages === 1 ? '' : 's'} (imported ${s.imported}, ` +
    `duplicates ${s.duplicates}, invalid ${s.invalid.length}); what was stored is kept and the next pull starts ` +
    `${s.watermark ? `after ${s.watermark}` : 'from the beginning'}`
  );
}
