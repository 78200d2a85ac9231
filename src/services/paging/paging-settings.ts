// Use cases of a user's own paging: read and change the channels (e-mail, webhook with its signing
// secret) and quiet hours, send a test page, and open a page's one-time acknowledgement link.
import { appendAudit } from '../../audit/audit-log.js';
import { AppError, validationError } from '../../errors.js';
import type { PageContentField, PagingSettingsUpdate } from '../../domain/paging/index.js';
import { newWebhookSecret, openAckToken, recordPath, webhookHostAllowed } from '../../domain/paging/index.js';
import type { UserActor } from '../../domain/shared/actor.js';
import { sealSecret } from '../../security/secret-box.js';
import {
  findPagingSettings,
  upsertPagingSettings,
  useAckLink,
  type PagingSettingsRow,
} from '../../storage/repositories/paging.repository.js';
import { findUserByUsername } from '../../storage/repositories/user.repository.js';
import { toActor } from '../user/authenticate.js';
import type { ServiceContext } from '../context.js';
import { notify } from '../notification/notify.js';
import type { EffectivePaging } from '../../domain/paging/node-settings.js';
import { loadEffectivePaging } from './node-paging-settings.js';
import { WEBHOOK_SECRET_PURPOSE, ackLinkKey } from './send-page.js';

export type PagingSettingsView = {
  email: string | null;
  emailEnabled: boolean;
  webhookUrl: string | null;
  webhookEnabled: boolean;
  webhookHasSecret: boolean;
  quietHours: { start: string; end: string } | null;
  /** Whether the node can send e-mail at all (an SMTP relay is configured). */
  smtpConfigured: boolean;
  /** What a page may say besides the link (set by the administrator). */
  allowedContent: PageContentField[];
  /** Hosts a webhook may point at (set by the administrator; empty: no webhooks). */
  webhookHosts: string[];
  /** Shown once, right after it was made. */
  webhookSecret?: string;
};

const empty = (userId: string, at: string): PagingSettingsRow => ({
  userId,
  email: null,
  emailEnabled: false,
  webhookUrl: null,
  webhookSecretEnc: null,
  webhookEnabled: false,
  quietStart: null,
  quietEnd: null,
  updatedAt: at,
});

function view(settings: EffectivePaging, s: PagingSettingsRow): PagingSettingsView {
  return {
    email: s.email,
    emailEnabled: s.emailEnabled,
    webhookUrl: s.webhookUrl,
    webhookEnabled: s.webhookEnabled,
    webhookHasSecret: !!s.webhookSecretEnc,
    quietHours: s.quietStart && s.quietEnd ? { start: s.quietStart, end: s.quietEnd } : null,
    smtpConfigured: !!settings.smtp.host,
    allowedContent: [...settings.content],
    webhookHosts: [...settings.webhookHosts],
  };
}

export async function getMyPaging(ctx: ServiceContext, actor: UserActor): Promise<PagingSettingsView> {
  return view(
    await loadEffectivePaging(ctx),
    (await findPagingSettings(ctx.db, actor.userId)) ?? empty(actor.userId, ctx.clock().toISOString()),
  );
}

export async function updateMyPaging(
  ctx: ServiceContext,
  actor: UserActor,
  input: PagingSettingsUpdate,
): Promise<PagingSettingsView> {
  const settings = await loadEffectivePaging(ctx);
  if (input.webhookUrl) {
    const url = new URL(input.webhookUrl);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ctx.config.pagingAllowHttpWebhooks)) {
      throw validationError([
        {
          path: 'webhookUrl',
          code: 'not_https',
          message: { en: 'A webhook must use HTTPS.', zh: 'Webhook 必须使用 HTTPS。' },
        },
      ]);
    }
    if (!webhookHostAllowed(url, settings.webhookHosts)) {
      throw validationError([
        {
          path: 'webhookUrl',
          code: 'host_not_allowed',
          message: {
            en: 'The administrator has not allowed webhooks to this host.',
            zh: '系统管理员未允许向该主机发送 Webhook。',
          },
        },
      ]);
    }
  }
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const before = (await findPagingSettings(tx, actor.userId, true)) ?? empty(actor.userId, now.toISOString());
    const next: PagingSettingsRow = { ...before, updatedAt: now.toISOString() };
    if (input.email !== undefined) next.email = input.email;
    if (input.emailEnabled !== undefined) next.emailEnabled = input.emailEnabled;
    if (input.webhookUrl !== undefined) next.webhookUrl = input.webhookUrl;
    if (input.webhookEnabled !== undefined) next.webhookEnabled = input.webhookEnabled;
    if (input.quietHours !== undefined) {
      next.quietStart = input.quietHours?.start ?? null;
      next.quietEnd = input.quietHours?.end ?? null;
    }
    if (next.emailEnabled && !next.email) {
      throw validationError([
        {
          path: 'email',
          code: 'required',
          message: { en: 'Enter the e-mail address for pages.', zh: '请输入用于传呼的电子邮件地址。' },
        },
      ]);
    }
    if (next.webhookEnabled && !next.webhookUrl) {
      throw validationError([
        {
          path: 'webhookUrl',
          code: 'required',
          message: { en: 'Enter the webhook URL.', zh: '请输入 Webhook 地址。' },
        },
      ]);
    }
    // A webhook gets its own secret when it is first set, when its address changes, or on request.
    let secret: string | undefined;
    if (
      next.webhookUrl &&
      (input.rotateWebhookSecret || !before.webhookSecretEnc || next.webhookUrl !== before.webhookUrl)
    ) {
      secret = newWebhookSecret();
      next.webhookSecretEnc = sealSecret(secret, ctx.secrets.masterKey, WEBHOOK_SECRET_PURPOSE);
    }
    if (!next.webhookUrl) next.webhookSecretEnc = null;
    await upsertPagingSettings(tx, next);
    const changed = (
      ['email', 'emailEnabled', 'webhookUrl', 'webhookEnabled', 'quietStart', 'quietEnd'] as const
    ).filter((k) => before[k] !== next[k]);
    if (secret) changed.push('webhookSecret' as never);
    if (changed.length > 0) {
      await appendAudit(
        tx,
        { actor, action: 'user.paging_changed', subjectType: 'user', subjectId: actor.userId, data: { changed } },
        now,
      );
    }
    return { ...view(settings, next), ...(secret ? { webhookSecret: secret } : {}) };
  });
}

/** Pages the user on every channel they turned on, quiet hours or not; in-app too. */
export async function sendTestPage(ctx: ServiceContext, actor: UserActor): Promise<{ ok: true }> {
  const s = await findPagingSettings(ctx.db, actor.userId);
  if (!s || !((s.emailEnabled && s.email) || (s.webhookEnabled && s.webhookUrl)))
    throw new AppError('PAGING_NO_CHANNEL');
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await notify(
      tx,
      {
        to: { userId: actor.userId },
        kind: 'paging.test',
        subjectType: 'user',
        subjectId: actor.userId,
        severity: 'info',
        title: { en: 'Test page', zh: '测试传呼' },
        body: {
          en: 'If this reached your e-mail or paging gateway, paging works.',
          zh: '如果您的邮箱或传呼网关收到了此消息，说明传呼功能正常。',
        },
      },
      now,
    );
    await appendAudit(
      tx,
      { actor, action: 'user.paging_tested', subjectType: 'user', subjectId: actor.userId, data: {} },
      now,
    );
  });
  return { ok: true };
}

/**
 * Opens a page's acknowledgement link for the signed-in user it was sent to, once: answers where
 * the record is, so the web app opens it with "Acknowledge" ready. The act itself stays the
 * record's own action, with its own permission checks.
 */
export async function openAckLink(
  ctx: ServiceContext,
  actor: UserActor,
  token: string,
): Promise<{ subjectType: string; subjectId: string; path: string }> {
  const pageId = openAckToken(ackLinkKey(ctx), token);
  if (!pageId) throw new AppError('PAGING_ACK_LINK_INVALID');
  const now = ctx.clock();
  const result = await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ user_id: string; ack_used_at: Date | null }>(
      'SELECT user_id, ack_used_at FROM page_outbox WHERE id = $1 FOR UPDATE',
      [pageId],
    );
    const page = rows[0];
    if (!page || page.user_id !== actor.userId) return 'invalid' as const;
    if (page.ack_used_at) return 'used' as const;
    const used = await useAckLink(tx, pageId, now);
    if (!used) return 'used' as const;
    await appendAudit(
      tx,
      {
        actor,
        action: 'paging.ack_link_opened',
        subjectType: used.subjectType,
        subjectId: used.subjectId,
        data: { page: pageId },
      },
      now,
    );
    return used;
  });
  if (result === 'invalid') throw new AppError('PAGING_ACK_LINK_INVALID');
  if (result === 'used') throw new AppError('PAGING_ACK_LINK_USED');
  return {
    subjectType: result.subjectType,
    subjectId: result.subjectId,
    path: recordPath(result.subjectType, result.subjectId),
  };
}

/** Gives a user who has not set up paging an e-mail address for pages (the demo's users); idempotent. */
export async function givePagingEmailIfUnset(ctx: ServiceContext, username: string, email: string): Promise<void> {
  const user = await findUserByUsername(ctx.db, username);
  if (!user) return;
  const actor = toActor(user, ctx.config.nodeId);
  if ((await findPagingSettings(ctx.db, user.id))?.email) return;
  await updateMyPaging(ctx, actor, { email, emailEnabled: true });
}
