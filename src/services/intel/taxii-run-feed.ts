// Runs TAXII feeds: one feed now (API "pull now", the worker) or every feed that is due. A run
// claims the feed (so two processes never pull it at once), pulls from its watermark, and records
// the result and the error on the feed — both when a pull ended early, so what it stored is counted
// and the watermark stays at the last stored page; a failing feed never stops the others.
import { createTaxiiClient, type TaxiiAuth } from '../../intel/taxii/client.js';
import { openSecret } from '../../security/secret-box.js';
import {
  claimFeed,
  dueFeedIds,
  finishFeedRun,
  saveFeedWatermark,
  type FeedRow,
} from '../../storage/repositories/taxii-feed.repository.js';
import type { ServiceContext } from '../context.js';
import { FEED_SECRET_PURPOSE, getFeed } from './taxii-feeds-admin.js';
import { pullTaxiiCollection, type PullSummary } from './taxii-pull.js';

export type FeedRun = { feedId: string; ran: boolean; summary?: PullSummary; error?: string };

/** A run that has not finished after this long is taken over even if its process seems alive (hung). */
const STALE_RUN_MS = 30 * 60_000;
const TIMEOUT_MS = 60_000;

function authOf(ctx: ServiceContext, feed: FeedRow): TaxiiAuth {
  if (feed.authKind === 'none' || !feed.secretSealed) return { kind: 'none' };
  const secret = openSecret(feed.secretSealed, ctx.secrets.masterKey, FEED_SECRET_PURPOSE(feed.id));
  return feed.authKind === 'bearer'
    ? { kind: 'bearer', token: secret }
    : { kind: 'basic', username: feed.username ?? '', password: secret };
}

export async function runFeed(ctx: ServiceContext, feedId: string, fetchImpl?: typeof fetch): Promise<FeedRun> {
  const started = ctx.clock();
  await getFeed(ctx, feedId); // 404 for an unknown feed, before a claim that could not tell why it failed
  const feed = await claimFeed(
    ctx.db,
    feedId,
    started.toISOString(),
    new Date(started.getTime() - STALE_RUN_MS).toISOString(),
    ctx.processOwner ?? null,
  );
  if (!feed) return { feedId, ran: false, error: 'already running' };
  let apiRoot = feed.resolvedApiRoot;
  let collectionId = feed.resolvedCollectionId;
  let summary: PullSummary | undefined;
  let error: string | null;
  try {
    const client = createTaxiiClient({
      auth: authOf(ctx, feed),
      timeoutMs: TIMEOUT_MS,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
    apiRoot ??= await client.resolveApiRoot(feed.apiRootUrl);
    collectionId ??= (await client.findCollection(apiRoot, feed.remoteCollection)).id;
    summary = await pullTaxiiCollection(ctx, {
      client,
      apiRoot,
      remoteCollectionId: collectionId,
      targetCollectionId: feed.targetCollectionId,
      addedAfter: feed.watermark,
      source: `taxii:${feed.id}`,
      actor: { kind: 'system', partyId: ctx.config.nodeId },
      saveWatermark: (tx, watermark) => saveFeedWatermark(tx, feed.id, watermark),
    });
    error = summary.error;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  if (error) ctx.logger.warn({ feedId, err: error }, 'taxii feed pull failed');
  const finished = ctx.clock();
  await finishFeedRun(ctx.db, feed.id, {
    at: finished.toISOString(),
    nextRunAt: new Date(finished.getTime() + feed.intervalMinutes * 60_000).toISOString(),
    watermark: summary?.watermark ?? feed.watermark,
    result: summary
      ? {
          imported: summary.imported,
          duplicates: summary.duplicates,
          invalid: summary.invalid.length,
          requests: summary.requests,
          complete: summary.complete,
        }
      : null,
    error,
    resolvedApiRoot: error ? feed.resolvedApiRoot : apiRoot,
    resolvedCollectionId: error ? feed.resolvedCollectionId : collectionId,
  });
  return { feedId, ran: true, ...(summary ? { summary } : {}), ...(error ? { error } : {}) };
}

export async function runDueFeeds(ctx: ServiceContext, fetchImpl?: typeof fetch): Promise<FeedRun[]> {
  const ids = await dueFeedIds(ctx.db, ctx.clock().toISOString(), 50);
  const runs: FeedRun[] = [];
  for (const id of ids) {
    try {
      runs.push(await runFeed(ctx, id, fetchImpl));
    } catch (err) {
      ctx.logger.error({ err, feedId: id }, 'taxii feed run failed');
    }
  }
  return runs;
}
