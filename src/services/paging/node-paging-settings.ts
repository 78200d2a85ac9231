// Use cases of the node's paging settings (issue 19): the settings in force (configuration with the
// administrator's stored changes on top), read by every sender, and the administrator's view and
// change of them — validated with bilingual issues and audited. The SMTP password is never shown.
import { appendAudit } from '../../audit/audit-log.js';
import { validationError } from '../../errors.js';
import {
  applyPagingNodeUpdate,
  changedPagingKeys,
  effectivePaging,
  pagingNodeSettingsIssues,
  type EffectivePaging,
  type PagingNodeSettingsUpdate,
} from '../../domain/paging/node-settings.js';
import type { UserActor } from '../../domain/shared/actor.js';
import type { Queryable } from '../../storage/db.js';
import {
  findPagingNodeOverrides,
  savePagingNodeOverrides,
} from '../../storage/repositories/paging-node-settings.repository.js';
import type { ServiceContext } from '../context.js';

/** The paging settings in force now. */
export async function loadEffectivePaging(ctx: ServiceContext, db: Queryable = ctx.db): Promise<EffectivePaging> {
  return effectivePaging(ctx.config, await findPagingNodeOverrides(db));
}

export type NodePagingView = EffectivePaging & {
  /** The configuration's own values, shown beside an override. */
  configured: {
    smtpHost: string | null;
    smtpPort: number;
    smtpSecurity: string;
    smtpFrom: string;
    content: string[];
    webhookHosts: string[];
    deadlineSoonHours: number;
  };
  allowHttpWebhooks: boolean;
};

function view(ctx: ServiceContext, effective: EffectivePaging): NodePagingView {
  const c = ctx.config;
  return {
    ...effective,
    configured: {
      smtpHost: c.smtpHost ?? null,
      smtpPort: c.smtpPort,
      smtpSecurity: c.smtpSecurity,
      smtpFrom: c.smtpFrom,
      content: [...c.pagingContent],
      webhookHosts: [...c.pagingWebhookHosts],
      deadlineSoonHours: c.pagingDeadlineSoonHours,
    },
    allowHttpWebhooks: c.pagingAllowHttpWebhooks,
  };
}

export async function getNodePaging(ctx: ServiceContext): Promise<NodePagingView> {
  return view(ctx, await loadEffectivePaging(ctx));
}

export async function updateNodePaging(
  ctx: ServiceContext,
  actor: UserActor,
  input: PagingNodeSettingsUpdate,
): Promise<NodePagingView> {
  const issues = pagingNodeSettingsIssues(input);
  if (issues.length > 0) throw validationError(issues);
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = await findPagingNodeOverrides(tx, true);
    const next = applyPagingNodeUpdate(before, input);
    const changed = changedPagingKeys(before, next);
    if (changed.length > 0) {
      await savePagingNodeOverrides(tx, next, now.toISOString(), actor.userId);
      await appendAudit(
        tx,
        {
          actor,
          action: 'paging.settings_changed',
          subjectType: 'node',
          subjectId: ctx.config.nodeId,
          data: { changed, ...Object.fromEntries(changed.map((k) => [k, next[k]])) },
        },
        now,
      );
    }
    return view(ctx, effectivePaging(ctx.config, next));
  });
}
