// Delivers due pages: claims a batch (SKIP LOCKED, a lease naming this process), sends each, and
// records the outcome — sent; retried later with capped, jittered backoff; or, when a retry cannot
// help or the attempts are spent, failed. A failed page escalates at once: supervisors are told
// (and paged, quiet hours or not) and administrators see it in the in-app list and the admin view.
import type { Bilingual } from '../../error-types.js';
import { PAGE_FAILURE_ROLE, kindLabel } from '../../domain/paging/index.js';
import { retryDelayMs } from '../../federation/backoff.js';
import {
  claimPages,
  deferPage,
  failPage,
  loadPage,
  markPageSent,
  type PageToSend,
} from '../../storage/repositories/paging.repository.js';
import type { ServiceContext } from '../context.js';
import { notify } from '../notification/notify.js';
import { PageSendError, sendPage } from './send-page.js';

export type PageOutcome = {
  id: string;
  channel: PageToSend['channel'];
  result: 'sent' | 'retried' | 'failed';
  code?: string;
};
export type PageSweep = { outcomes: PageOutcome[] };

const BATCH = 20;
const LEASE_MS = 2 * 60_000;

const CHANNEL_LABELS: Record<PageToSend['channel'], Bilingual> = {
  email: { en: 'e-mail', zh: '电子邮件' },
  webhook: { en: 'webhook', zh: 'Webhook' },
};

/** Marks the page failed and, the first time, escalates: supervisors (paged) and administrators (in-app). */
async function giveUp(ctx: ServiceContext, p: PageToSend, error: PageSendError, now: Date): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await failPage(tx, p.id, now, `${error.code}: ${error.message}`))) return;
    // A failed page about a failed page is not escalated again: that would loop.
    if (p.kind === 'paging.failed') return;
    const label = kindLabel(p.kind);
    const channel = CHANNEL_LABELS[p.channel];
    const title: Bilingual = {
      en: `Page to ${p.displayName} could not be delivered (${channel.en})`,
      zh: `发给${p.displayName}的传呼未能送达（${channel.zh}）`,
    };
    const body: Bilingual = {
      en: `"${label.en}" did not reach ${p.displayName} by ${channel.en} (${error.code}). Reach them another way, or act yourself; then check their paging settings.`,
      zh: `“${label.zh}”未能通过${channel.zh}送达${p.displayName}（${error.code}）。请通过其他方式联系对方或亲自处理，并检查其传呼设置。`,
    };
    const notice = {
      kind: 'paging.failed',
      subjectType: p.subjectType,
      subjectId: p.subjectId,
      title,
      body,
      severity: 'critical' as const,
    };
    await notify(tx, { ...notice, to: { role: PAGE_FAILURE_ROLE } }, now);
    await notify(tx, { ...notice, kind: 'paging.undeliverable', severity: 'warning', to: { role: 'admin' } }, now);
  });
}

async function deliverOne(ctx: ServiceContext, id: string): Promise<PageOutcome | null> {
  const p = await loadPage(ctx.db, id);
  if (!p) return null;
  try {
    await sendPage(ctx, p);
    await markPageSent(ctx.db, p.id, ctx.clock());
    return { id, channel: p.channel, result: 'sent' };
  } catch (e) {
    const error =
      e instanceof PageSendError ? e : new PageSendError('PAGING_ERROR', (e as Error).message ?? String(e), false);
    const now = ctx.clock();
    if (error.permanent || p.attempts + 1 >= ctx.config.pagingMaxAttempts) {
      await giveUp(ctx, p, error, now);
      return { id, channel: p.channel, result: 'failed', code: error.code };
    }
    const delay = retryDelayMs(
      p.attempts + 1,
      ctx.config.pagingRetryBaseSeconds * 1000,
      ctx.config.pagingRetryCapSeconds * 1000,
    );
    await deferPage(ctx.db, p.id, new Date(now.getTime() + delay), `${error.code}: ${error.message}`);
    ctx.logger.warn(
      { page: p.id, channel: p.channel, code: error.code, attempts: p.attempts + 1 },
      'page not delivered; retrying',
    );
    return { id, channel: p.channel, result: 'retried', code: error.code };
  }
}

/** Batches per pass at most: a retry due at once (full jitter may draw 0) must not spin here. */
const MAX_ROUNDS = 10;

/** One pass: claims and sends due pages until none is due (pages written meanwhile, e.g. an escalation, included). */
export async function deliverDuePages(ctx: ServiceContext): Promise<PageSweep> {
  const outcomes: PageOutcome[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = ctx.clock();
    const ids = await claimPages(
      ctx.db,
      now,
      { until: new Date(now.getTime() + LEASE_MS), owner: ctx.processOwner ?? null },
      BATCH,
    );
    if (ids.length === 0) break;
    for (const o of await Promise.all(ids.map((id) => deliverOne(ctx, id)))) if (o) outcomes.push(o);
  }
  return { outcomes };
}
