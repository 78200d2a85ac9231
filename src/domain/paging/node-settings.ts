// The node's paging settings as the administrator sees and changes them (issue 19): the SMTP relay
// (never its password), what a page may say, the hosts webhooks may reach, and how many hours before a
// request's response deadline its officers are paged. Values stored in the database override the
// configuration; the rest comes from the configuration. Pure: the caller passes both.
import { z } from 'zod';
import type { ValidationIssue } from '../../error-types.js';
import { issue, ruleMessage } from '../shared/bilingual.js';
import { PAGE_CONTENT_FIELDS, type PageContentField } from './page-content.js';

export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** What an administrator may set in the database; null or absent: the configuration's value. */
export type PagingNodeOverrides = {
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecurity: SmtpSecurity | null;
  smtpFrom: string | null;
  content: PageContentField[] | null;
  webhookHosts: string[] | null;
  deadlineSoonHours: number | null;
};

export const NO_OVERRIDES: PagingNodeOverrides = {
  smtpHost: null,
  smtpPort: null,
  smtpSecurity: null,
  smtpFrom: null,
  content: null,
  webhookHosts: null,
  deadlineSoonHours: null,
};

/** The configuration's paging options this merge reads. */
export type PagingConfigValues = {
  smtpHost?: string;
  smtpPort: number;
  smtpSecurity: SmtpSecurity;
  smtpFrom: string;
  smtpUser?: string;
  smtpPassword?: string;
  smtpCaFile?: string;
  pagingContent: PageContentField[];
  pagingWebhookHosts: string[];
  pagingDeadlineSoonHours: number;
};

/** The settings in force, and where each came from. */
export type EffectivePaging = {
  smtp: {
    host: string | null;
    port: number;
    security: SmtpSecurity;
    from: string;
    user: string | null;
    hasPassword: boolean;
    caFile: string | null;
  };
  content: PageContentField[];
  webhookHosts: string[];
  deadlineSoonHours: number;
  /** Which values the database sets (the rest come from the configuration). */
  overridden: (keyof PagingNodeOverrides)[];
};

export function effectivePaging(config: PagingConfigValues, o: PagingNodeOverrides): EffectivePaging {
  const overridden = (Object.keys(NO_OVERRIDES) as (keyof PagingNodeOverrides)[]).filter((k) => o[k] !== null);
  return {
    smtp: {
      host: o.smtpHost ?? config.smtpHost ?? null,
      port: o.smtpPort ?? config.smtpPort,
      security: o.smtpSecurity ?? config.smtpSecurity,
      from: o.smtpFrom ?? config.smtpFrom,
      user: config.smtpUser ?? null,
      hasPassword: !!config.smtpPassword,
      caFile: config.smtpCaFile ?? null,
    },
    content: o.content ?? [...config.pagingContent],
    webhookHosts: o.webhookHosts ?? [...config.pagingWebhookHosts],
    deadlineSoonHours: o.deadlineSoonHours ?? config.pagingDeadlineSoonHours,
    overridden,
  };
}

const HOST = /^\.?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** A host name as `pagingWebhookHosts` takes it: `gw.mps.example`, or `.mps.example` for any host under it. */
export const isWebhookHostEntry = (s: string): boolean => HOST.test(s) && s !== '.';

/**
 * A change: each field set to a value overrides the configuration, `null` goes back to it, absent
 * leaves it as it is.
 */
export const ZPagingNodeSettingsUpdateSchema = z.object({
  smtpHost: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .refine(
      isWebhookHostEntry,
      ruleMessage('Enter a host name, e.g. smtp.mps.example.', '请输入主机名，例如 smtp.mps.example。'),
    )
    .nullable()
    .optional(),
  smtpPort: z.number().int().min(1).max(65535).nullable().optional(),
  smtpSecurity: z.enum(SMTP_SECURITY).nullable().optional(),
  smtpFrom: z.string().trim().min(3).max(254).nullable().optional(),
  content: z.array(z.enum(PAGE_CONTENT_FIELDS)).max(PAGE_CONTENT_FIELDS.length).nullable().optional(),
  webhookHosts: z.array(z.string().trim().min(1).max(253)).max(50).nullable().optional(),
  deadlineSoonHours: z.number().int().min(1).max(168).nullable().optional(),
});
export type PagingNodeSettingsUpdate = z.infer<typeof ZPagingNodeSettingsUpdateSchema>;

/** The rules a schema cannot say alone, as bilingual issues (empty: fine). */
export function pagingNodeSettingsIssues(u: PagingNodeSettingsUpdate): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  (u.webhookHosts ?? []).forEach((h, i) => {
    if (!isWebhookHostEntry(h)) {
      out.push(
        issue(
          `webhookHosts.${i}`,
          'not_a_host',
          `"${h}" is not a host name (e.g. gw.mps.example, or .mps.example for every host under it).`,
          `“${h}”不是主机名（例如 gw.mps.example，或以 .mps.example 表示其下所有主机）。`,
        ),
      );
    }
  });
  if (u.smtpFrom && !/<[^<>@\s]+@[^<>@\s]+>\s*$|^[^<>@\s]+@[^<>@\s]+$/.test(u.smtpFrom)) {
    out.push(
      issue(
        'smtpFrom',
        'not_an_address',
        'Enter the sender as an address, e.g. Crossline CN <pages@mps.example>.',
        '请填写发件人地址，例如 Crossline CN <pages@mps.example>。',
      ),
    );
  }
  if (u.smtpSecurity === 'tls' && u.smtpPort === 587) {
    out.push(
      issue(
        'smtpPort',
        'tls_port',
        'Implicit TLS is normally on port 465; port 587 uses STARTTLS.',
        '隐式 TLS 通常使用 465 端口；587 端口使用 STARTTLS。',
      ),
    );
  }
  return out;
}

/** Applies a change to the stored overrides. */
export function applyPagingNodeUpdate(before: PagingNodeOverrides, u: PagingNodeSettingsUpdate): PagingNodeOverrides {
  const next = { ...before };
  for (const k of Object.keys(NO_OVERRIDES) as (keyof PagingNodeOverrides)[]) {
    const v = u[k];
    if (v === undefined) continue;
    if (k === 'webhookHosts' && v !== null)
      next.webhookHosts = [...new Set((v as string[]).map((h) => h.toLowerCase()))];
    else if (k === 'content' && v !== null)
      next.content = PAGE_CONTENT_FIELDS.filter((f) => (v as string[]).includes(f));
    else (next as Record<string, unknown>)[k] = v;
  }
  return next;
}

/** Names of the values a change altered (for the audit entry; never a value of the SMTP password). */
export function changedPagingKeys(
  before: PagingNodeOverrides,
  after: PagingNodeOverrides,
): (keyof PagingNodeOverrides)[] {
  return (Object.keys(NO_OVERRIDES) as (keyof PagingNodeOverrides)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}
