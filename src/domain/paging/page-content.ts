// What a page says (issue 19): the e-mail's subject and text in the recipient's language (the other
// language follows below), and the webhook's JSON payload. A page leaves the node over channels it
// does not control, so by default it carries only the record's reference, urgency and deadline —
// never case details; the administrator may add the notification's title and summary.
import type { Bilingual } from '../../error-types.js';
import { CALL_URGENCY_LABELS, type CallUrgency } from '../call/topics.js';
import { humanInstant } from '../shared/human-time.js';
import { baseKind } from './rules.js';

export const PAGE_CONTENT_FIELDS = ['reference', 'urgency', 'deadline', 'title', 'summary'] as const;
export type PageContentField = (typeof PAGE_CONTENT_FIELDS)[number];
export const DEFAULT_PAGE_CONTENT: readonly PageContentField[] = ['reference', 'urgency', 'deadline'];

export type PageLanguage = 'en' | 'zh';
export const pageLanguage = (locale: string | null | undefined): PageLanguage =>
  locale?.startsWith('zh') ? 'zh' : 'en';

/** Everything a page may say, gathered by the sender; `allowed` decides what it does say. */
export type PageSource = {
  pageId: string;
  nodeId: string;
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  emergency: boolean;
  subjectType: string;
  subjectId: string;
  reference?: string | null;
  urgency?: string | null;
  deadline?: string | null;
  title: Bilingual;
  summary: Bilingual;
  createdAt: string;
  /** Absolute link to the record (behind sign-in) and the one-time acknowledgement link. */
  link: string;
  ackLink?: string | null;
  recipient: { userId: string; locale: string; timeZone: string };
};

const KIND_LABELS: Record<string, Bilingual> = {
  'call.incoming': { en: 'New hotline call', zh: '新的热线呼叫' },
  'call.escalated': { en: 'Unacknowledged call escalated to you', zh: '未确认的呼叫已升级至您' },
  'intel.correlation': { en: 'Correlation alert', zh: '关联告警' },
  'paging.failed': { en: 'A page could not be delivered', zh: '传呼未能送达' },
  'paging.test': { en: 'Test page', zh: '测试传呼' },
  'request.ack_overdue': { en: 'Request acknowledgement overdue', zh: '请求确认已逾期' },
  'request.response_overdue': { en: 'Request response overdue', zh: '请求答复已逾期' },
  'request.response_due_soon': { en: 'Request response due soon', zh: '请求答复即将到期' },
  'request.renewal_reminder': { en: 'Preservation renewal due', zh: '保全即将到期，需续期' },
  'request.preservation_lapsed': { en: 'Preservation lapsed', zh: '保全已失效' },
};
const REQUEST_LABEL: Bilingual = { en: 'A request needs your attention', zh: '有请求需要您处理' };
const DEFAULT_LABEL: Bilingual = { en: 'Crossline alert', zh: 'Crossline 提醒' };

export function kindLabel(kind: string): Bilingual {
  const k = baseKind(kind);
  return KIND_LABELS[k] ?? (k.startsWith('request.') ? REQUEST_LABEL : DEFAULT_LABEL);
}

const isExercise = (kind: string): boolean => kind.startsWith('exercise.') && kind !== 'exercise.started';

function urgencyLabel(urgency: string): Bilingual {
  return CALL_URGENCY_LABELS[urgency as CallUrgency] ?? { en: urgency, zh: urgency };
}

/** Path of the record in the web app (the SPA's routes). */
export function recordPath(subjectType: string, subjectId: string): string {
  const id = encodeURIComponent(subjectId);
  switch (subjectType) {
    case 'call':
      return `/hotline/calls/${id}`;
    case 'request':
      return `/requests/${id}`;
    case 'case':
      return `/cases/${id}`;
    case 'action_item':
      return '/dialogue';
    case 'correlation_alert':
      return '/intel/alerts';
    default:
      return '/notifications';
  }
}

type Line = { label: Bilingual; value: Bilingual };

function lines(s: PageSource, allowed: readonly PageContentField[]): Line[] {
  const out: Line[] = [];
  const has = (f: PageContentField) => allowed.includes(f);
  if (has('reference') && s.reference)
    out.push({ label: { en: 'Reference', zh: '编号' }, value: { en: s.reference, zh: s.reference } });
  if (has('urgency') && s.urgency)
    out.push({ label: { en: 'Urgency', zh: '紧急程度' }, value: urgencyLabel(s.urgency) });
  if (has('deadline') && s.deadline)
    out.push({ label: { en: 'Deadline', zh: '时限' }, value: humanInstant(s.deadline, s.recipient.timeZone) });
  if (has('title')) out.push({ label: { en: 'Notice', zh: '通知' }, value: s.title });
  if (has('summary')) out.push({ label: { en: 'Details', zh: '详情' }, value: s.summary });
  return out;
}

function textIn(s: PageSource, allowed: readonly PageContentField[], lang: PageLanguage): string {
  const zh = lang === 'zh';
  const out = [(isExercise(s.kind) ? (zh ? '【演练】' : '[EXERCISE] ') : '') + kindLabel(s.kind)[lang]];
  for (const l of lines(s, allowed)) out.push(`${l.label[lang]}${zh ? '：' : ': '}${l.value[lang]}`);
  out.push('');
  out.push(zh ? `打开记录（需登录）：${s.link}` : `Open the record (sign-in required): ${s.link}`);
  if (s.ackLink)
    out.push(
      zh ? `确认（需登录，仅可使用一次）：${s.ackLink}` : `Acknowledge (sign-in required, works once): ${s.ackLink}`,
    );
  return out.join('\n');
}

export type PageEmail = { subject: string; text: string; language: PageLanguage };

/** Subject and text in the recipient's language, the other language below a rule. */
export function pageEmail(s: PageSource, allowed: readonly PageContentField[]): PageEmail {
  const lang = pageLanguage(s.recipient.locale);
  const other: PageLanguage = lang === 'zh' ? 'en' : 'zh';
  const ref = allowed.includes('reference') && s.reference ? ` ${s.reference}` : '';
  const u = allowed.includes('urgency') && s.urgency ? urgencyLabel(s.urgency)[lang] : null;
  const urgent = u ? (lang === 'zh' ? `（${u}）` : ` (${u})`) : '';
  const exercise = isExercise(s.kind) ? (lang === 'zh' ? '【演练】' : '[EXERCISE] ') : '';
  const subject = `[Crossline] ${exercise}${kindLabel(s.kind)[lang]}${ref}${urgent}`;
  const footer =
    lang === 'zh'
      ? `\n\n——\n此消息由 Crossline 节点 ${s.nodeId} 自动发送。`
      : `\n\n--\nSent automatically by Crossline node ${s.nodeId}.`;
  return {
    subject,
    text: `${textIn(s, allowed, lang)}\n\n----------\n\n${textIn(s, allowed, other)}${footer}`,
    language: lang,
  };
}

/** The webhook body (documented in docs/operations.md, "Paging"); version 1. */
export type PageWebhookPayload = {
  type: 'crossline.page';
  version: 1;
  pageId: string;
  node: string;
  kind: string;
  exercise: boolean;
  emergency: boolean;
  severity: PageSource['severity'];
  label: Bilingual;
  subject: { type: string; id: string; reference?: string; urgency?: string; deadline?: string };
  title?: Bilingual;
  summary?: Bilingual;
  link: string;
  ackLink?: string;
  recipient: { userId: string; language: PageLanguage };
  createdAt: string;
};

export function pageWebhookPayload(s: PageSource, allowed: readonly PageContentField[]): PageWebhookPayload {
  const has = (f: PageContentField) => allowed.includes(f);
  return {
    type: 'crossline.page',
    version: 1,
    pageId: s.pageId,
    node: s.nodeId,
    kind: baseKind(s.kind),
    exercise: isExercise(s.kind),
    emergency: s.emergency,
    severity: s.severity,
    label: kindLabel(s.kind),
    subject: {
      type: s.subjectType,
      id: s.subjectId,
      ...(has('reference') && s.reference ? { reference: s.reference } : {}),
      ...(has('urgency') && s.urgency ? { urgency: s.urgency } : {}),
      ...(has('deadline') && s.deadline ? { deadline: s.deadline } : {}),
    },
    ...(has('title') ? { title: s.title } : {}),
    ...(has('summary') ? { summary: s.summary } : {}),
    link: s.link,
    ...(s.ackLink ? { ackLink: s.ackLink } : {}),
    recipient: { userId: s.recipient.userId, language: pageLanguage(s.recipient.locale) },
    createdAt: s.createdAt,
  };
}
