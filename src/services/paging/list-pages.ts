// Use case: the administrator's view of the page outbox — what is pending, sent, or could not be
// delivered (and was escalated), newest first, with counts per state.
import { pageCounts, listPages, type PageListItem } from '../../storage/repositories/paging.repository.js';
import type { ServiceContext } from '../context.js';

export async function listPageOutbox(
  ctx: ServiceContext,
  filter: { state?: PageListItem['state']; limit: number },
): Promise<{ counts: Awaited<ReturnType<typeof pageCounts>>; items: PageListItem[] }> {
  return { counts: await pageCounts(ctx.db), items: await listPages(ctx.db, filter) };
}

/** Pages per state, for /metrics. */
export function countPages(ctx: ServiceContext): ReturnType<typeof pageCounts> {
  return pageCounts(ctx.db);
}
