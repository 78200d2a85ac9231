// Use cases for TAXII feeds (scheduled pulls): list, create, change and delete. The token or
// password is sealed under the node's master key and never leaves the node again.
import { AppError } from '../../errors.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { sealSecret } from '../../security/secret-box.js';
import { newId } from '../../shared/ids.js';
import {
  deleteFeed,
  findFeed,
  insertFeed,
  listFeeds,
  updateFeedSettings,
  type FeedRow,
} from '../../storage/repositories/taxii-feed.repository.js';
import type { Queryable } from '../../storage/db.js';
import type { ServiceContext } from '../context.js';
import { recordChange } from '../shared/record-change.js';
import { getCollection } from './taxii-collections-admin.js';

export type FeedAuthInput =
  { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

export type FeedInput = {
  name: string;
  url: string;
  collection: string;
  targetCollection: string;
  auth: FeedAuthInput;
  intervalMinutes: number;
  enabled: boolean;
  addedAfter?: string | null;
};

export const FEED_SECRET_PURPOSE = (feedId: string) => `taxii-feed:${feedId}`;

export { listFeeds };

async function targetId(ctx: ServiceContext, tx: Queryable, idOrAlias: string): Promise<string> {
  return (await getCollection(ctx, idOrAlias, tx)).id;
}

function authColumns(
  ctx: ServiceContext,
  feedId: string,
  auth: FeedAuthInput,
): Pick<FeedRow, 'authKind' | 'username' | 'secretSealed'> {
  if (auth.kind === 'none') return { authKind: 'none', username: null, secretSealed: null };
  const secret = auth.kind === 'bearer' ? auth.token : auth.password;
  return {
    authKind: auth.kind,
    username: auth.kind === 'basic' ? auth.username : null,
    secretSealed: sealSecret(secret, ctx.secrets.masterKey, FEED_SECRET_PURPOSE(feedId)),
  };
}

export async function createFeed(ctx: ServiceContext, actor: UserActor, input: FeedInput): Promise<FeedRow> {
  const now = ctx.clock().toISOString();
  const id = newId();
  return ctx.db.transaction(async (tx) => {
    const feed: FeedRow = {
      id,
      name: input.name,
      apiRootUrl: input.url,
      remoteCollection: input.collection,
      targetCollectionId: await targetId(ctx, tx, input.targetCollection),
      ...authColumns(ctx, id, input.auth),
      intervalMinutes: input.intervalMinutes,
      enabled: input.enabled,
      watermark: input.addedAfter ?? null,
      resolvedApiRoot: null,
      resolvedCollectionId: null,
      nextRunAt: now,
      runningSince: null,
      lastRunAt: null,
      lastResult: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    };
    await insertFeed(tx, feed);
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'taxii_feed',
        subjectId: id,
        events: [
          {
            type: 'created',
            at: now,
            data: { name: feed.name, url: feed.apiRootUrl, collection: feed.remoteCollection },
          },
        ],
      },
      new Date(now),
    );
    return feed;
  });
}

export async function changeFeed(
  ctx: ServiceContext,
  actor: UserActor,
  id: string,
  input: Partial<FeedInput>,
): Promise<FeedRow> {
  const now = ctx.clock().toISOString();
  return ctx.db.transaction(async (tx) => {
    const current = await findFeed(tx, id);
    if (!current) throw new AppError('INTEL_TAXII_FEED_NOT_FOUND', { details: { id } });
    const next: FeedRow = {
      ...current,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.url !== undefined ? { apiRootUrl: input.url } : {}),
      ...(input.collection !== undefined ? { remoteCollection: input.collection } : {}),
      ...(input.targetCollection !== undefined
        ? { targetCollectionId: await targetId(ctx, tx, input.targetCollection) }
        : {}),
      ...(input.auth !== undefined ? authColumns(ctx, id, input.auth) : {}),
      ...(input.intervalMinutes !== undefined ? { intervalMinutes: input.intervalMinutes } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      // Setting added_after (or null) restarts the pull from there (or from the beginning).
      ...(input.addedAfter !== undefined ? { watermark: input.addedAfter } : {}),
      updatedAt: now,
    };
    if (next.apiRootUrl !== current.apiRootUrl || next.remoteCollection !== current.remoteCollection || input.auth) {
      next.resolvedApiRoot = null;
      next.resolvedCollectionId = null;
    }
    await updateFeedSettings(tx, next);
    await recordChange(
      tx,
      {
        actor,
        subjectType: 'taxii_feed',
        subjectId: id,
        events: [
          {
            type: 'updated',
            at: now,
            data: {
              fields: Object.keys(input)
                .filter((k) => k !== 'auth')
                .concat(input.auth ? ['auth'] : []),
            },
          },
        ],
      },
      new Date(now),
    );
    return next;
  });
}

export async function removeFeed(ctx: ServiceContext, actor: UserActor, id: string): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteFeed(tx, id))) throw new AppError('INTEL_TAXII_FEED_NOT_FOUND', { details: { id } });
    await recordChange(
      tx,
      { actor, subjectType: 'taxii_feed', subjectId: id, events: [{ type: 'deleted', at: now.toISOString() }] },
      now,
    );
  });
}

/** One feed, or 404 INTEL_TAXII_FEED_NOT_FOUND (e.g. to show it after a pull). */
export async function getFeed(ctx: ServiceContext, id: string): Promise<FeedRow> {
  const feed = await findFeed(ctx.db, id);
  if (!feed) throw new AppError('INTEL_TAXII_FEED_NOT_FOUND', { details: { id } });
  return feed;
}
