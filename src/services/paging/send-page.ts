// Sends one claimed page over its channel: e-mail through the configured SMTP relay (nodemailer) or
// a signed HTTPS POST to the user's webhook. What the page says comes from the domain
// (domain/paging/page-content.ts) within the content the administrator allows. Errors say whether
// a retry can help (`permanent: false`) or not.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import nodemailer, { type Transporter } from 'nodemailer';
import {
  PAGE_ID_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  ackToken,
  pageEmail,
  pageWebhookPayload,
  recordPath,
  webhookHostAllowed,
  webhookSignature,
  type PageSource,
} from '../../domain/paging/index.js';
import { openSecret } from '../../security/secret-box.js';
import { findCall } from '../../storage/repositories/call.repository.js';
import { findCase } from '../../storage/repositories/case.repository.js';
import type { PageToSend } from '../../storage/repositories/paging.repository.js';
import { findRequest } from '../../storage/repositories/request.repository.js';
import type { EffectivePaging } from '../../domain/paging/node-settings.js';
import type { ServiceContext } from '../context.js';
import { loadEffectivePaging } from './node-paging-settings.js';

export class PageSendError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** Purpose of the sealed webhook secrets (AAD), see security/secret-box.ts. */
export const WEBHOOK_SECRET_PURPOSE = 'paging.webhook-secret';

/** Key of the one-time acknowledgement links, derived from the master key. */
export const ackLinkKey = (ctx: ServiceContext): Buffer =>
  createHmac('sha256', ctx.secrets.masterKey).update('crossline.paging.ack-link').digest();

export function nodeBaseUrl(ctx: ServiceContext): string {
  const base = ctx.config.publicUrl ?? `http://${ctx.config.host}:${ctx.config.port}`;
  return base.replace(/\/+$/, '');
}

/** The facts the page may carry: the record's reference, urgency and deadline. */
async function subjectFacts(
  ctx: ServiceContext,
  p: PageToSend,
): Promise<Pick<PageSource, 'reference' | 'urgency' | 'deadline'>> {
  if (p.subjectType === 'call') {
    const c = await findCall(ctx.db, p.subjectId);
    return c ? { reference: c.reference, urgency: c.urgency, deadline: c.ackDueAt } : {};
  }
  if (p.subjectType === 'request') {
    const r = await findRequest(ctx.db, p.subjectId);
    return r
      ? { reference: r.reference, urgency: r.urgency, deadline: r.clocks.responseDueAt ?? r.clocks.ackDueAt }
      : {};
  }
  if (p.subjectType === 'case') {
    const c = await findCase(ctx.db, p.subjectId);
    return c ? { reference: c.reference } : {};
  }
  return {};
}

export async function pageSource(ctx: ServiceContext, p: PageToSend): Promise<PageSource> {
  const base = nodeBaseUrl(ctx);
  const link = `${base}${recordPath(p.subjectType, p.subjectId)}`;
  // Calls are acknowledged from the page: the link opens the call with "Acknowledge" ready.
  const ackLink =
    p.subjectType === 'call' ? `${link}?page=${encodeURIComponent(ackToken(ackLinkKey(ctx), p.id))}` : null;
  return {
    pageId: p.id,
    nodeId: ctx.config.nodeId,
    kind: p.kind,
    severity: p.severity,
    emergency: p.emergency,
    subjectType: p.subjectType,
    subjectId: p.subjectId,
    ...(await subjectFacts(ctx, p)),
    title: p.title,
    summary: p.body,
    createdAt: p.createdAt,
    link,
    ackLink,
    recipient: { userId: p.userId, locale: p.locale, timeZone: p.timeZone },
  };
}

/** One transport per node (its configuration) and relay setting in force (an administrator's change makes a new one). */
const transports = new WeakMap<object, Map<string, Transporter>>();

function smtpTransport(ctx: ServiceContext, smtp: EffectivePaging['smtp']): Transporter {
  if (!smtp.host) throw new PageSendError('PAGING_SMTP_NOT_CONFIGURED', 'no SMTP relay is configured (smtpHost)', true);
  let mine = transports.get(ctx.config);
  if (!mine) transports.set(ctx.config, (mine = new Map()));
  const key = JSON.stringify([smtp.host, smtp.port, smtp.security, smtp.user, smtp.caFile]);
  let t = mine.get(key);
  if (!t) {
    t = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.security === 'tls',
      requireTLS: smtp.security === 'starttls',
      ignoreTLS: smtp.security === 'none',
      ...(smtp.user ? { auth: { user: smtp.user, pass: ctx.config.smtpPassword ?? '' } } : {}),
      ...(smtp.caFile ? { tls: { ca: [...rootCertificates, readFileSync(smtp.caFile, 'utf8')] } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    mine.set(key, t);
  }
  return t;
}

async function sendEmail(
  ctx: ServiceContext,
  p: PageToSend,
  source: PageSource,
  settings: EffectivePaging,
): Promise<void> {
  if (!p.email) throw new PageSendError('PAGING_NO_ADDRESS', 'the recipient has no e-mail address for pages', true);
  const mail = pageEmail(source, settings.content);
  try {
    await smtpTransport(ctx, settings.smtp).sendMail({
      from: settings.smtp.from,
      to: p.email,
      subject: mail.subject,
      text: mail.text,
      // The same Message-ID on a resend lets the recipient's mail system drop a duplicate.
      messageId: `<${p.id}@${ctx.config.nodeId}.crossline>`,
      headers: { 'X-Crossline-Page-Id': p.id, 'Content-Language': mail.language === 'zh' ? 'zh-CN' : 'en' },
    });
  } catch (e) {
    if (e instanceof PageSendError) throw e;
    const err = e as { responseCode?: number; code?: string; message?: string };
    const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500 && err.responseCode < 600;
    throw new PageSendError(
      err.responseCode ? `SMTP_${err.responseCode}` : (err.code ?? 'SMTP_ERROR'),
      err.message ?? String(e),
      permanent,
    );
  }
}

async function sendWebhook(
  ctx: ServiceContext,
  p: PageToSend,
  source: PageSource,
  settings: EffectivePaging,
): Promise<void> {
  if (!p.webhookUrl || !p.webhookSecretEnc)
    throw new PageSendError('PAGING_NO_WEBHOOK', 'the recipient has no webhook for pages', true);
  const url = new URL(p.webhookUrl);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ctx.config.pagingAllowHttpWebhooks)) {
    throw new PageSendError('PAGING_WEBHOOK_NOT_HTTPS', 'webhooks must use HTTPS', true);
  }
  if (!webhookHostAllowed(url, settings.webhookHosts)) {
    throw new PageSendError(
      'PAGING_WEBHOOK_HOST_NOT_ALLOWED',
      `webhooks to ${url.hostname} are not allowed (pagingWebhookHosts)`,
      true,
    );
  }
  const secret = openSecret(p.webhookSecretEnc, ctx.secrets.masterKey, WEBHOOK_SECRET_PURPOSE);
  const body = JSON.stringify(pageWebhookPayload(source, settings.content));
  const timestamp = Math.floor(Date.now() / 1000);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Crossline-Paging/1',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
        [PAGE_ID_HEADER]: p.id,
      },
    });
  } catch (e) {
    throw new PageSendError('WEBHOOK_UNREACHABLE', (e as Error).message, false);
  }
  await res.body?.cancel().catch(() => undefined);
  if (res.ok) return;
  const transient = res.status >= 500 || res.status === 408 || res.status === 429;
  throw new PageSendError(`WEBHOOK_${res.status}`, `the webhook answered ${res.status}`, !transient);
}

/** Sends; throws PageSendError. */
export async function sendPage(ctx: ServiceContext, p: PageToSend): Promise<void> {
  const source = await pageSource(ctx, p);
  const settings = await loadEffectivePaging(ctx);
  if (p.channel === 'email') await sendEmail(ctx, p, source, settings);
  else await sendWebhook(ctx, p, source, settings);
}
