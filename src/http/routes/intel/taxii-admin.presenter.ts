// What the admin API shows of collections and feeds; a feed's sealed secret never leaves the node.
import type { CollectionWithCount } from '../../../services/intel/taxii-collections-admin.js';
import type { CollectionRow } from '../../../storage/repositories/taxii.repository.js';
import type { FeedRow } from '../../../storage/repositories/taxii-feed.repository.js';

export function presentAdminCollection(c: CollectionRow | CollectionWithCount) {
  return {
    id: c.id,
    alias: c.alias,
    title: c.title,
    description: c.description,
    readers: c.readers,
    writers: c.writers,
    maxTlp: c.maxTlp,
    apiRoot: c.apiRoot,
    createdAt: c.createdAt,
    ...('objectCount' in c ? { objectCount: c.objectCount } : {}),
  };
}

export function presentFeed(f: FeedRow) {
  return {
    id: f.id,
    name: f.name,
    url: f.apiRootUrl,
    collection: f.remoteCollection,
    targetCollectionId: f.targetCollectionId,
    auth: { kind: f.authKind, ...(f.username ? { username: f.username } : {}), hasSecret: f.secretSealed !== null },
    intervalMinutes: f.intervalMinutes,
    enabled: f.enabled,
    watermark: f.watermark,
    nextRunAt: f.nextRunAt,
    running: f.runningSince !== null,
    lastRunAt: f.lastRunAt,
    lastResult: f.lastResult,
    lastError: f.lastError,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
  };
}
