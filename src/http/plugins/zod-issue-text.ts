// What a failed Zod rule tells a person, in English and Chinese. Zod's own messages are written for
// developers ("Too small: expected string to have >=1 characters") and in one language; this turns
// each issue into words an officer or a victim understands, next to the field it concerns:
// a rule's own message when the schema gave one (ruleMessage), else a text per kind of rule, else
// Zod's English and zh-CN locales for the rare rules left.
import { z } from 'zod';
import type { Bilingual } from '../../error-types.js';
import { ruleMessageOf } from '../../domain/shared/bilingual.js';

/** One issue as fastify-type-provider-zod hands it over: the Zod issue minus path, code and message. */
export type ZodIssueLike = { keyword: string; message?: string; params?: Record<string, unknown> };

const bi = (en: string, zh: string): Bilingual => ({ en, zh });

/** Nothing was given: absent, null, blank text or an empty list. */
export function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number.NaN);
const count = (n: number): string => n.toLocaleString('en');

function required(keyword: string): Bilingual {
  if (keyword === 'invalid_value' || keyword === 'invalid_union')
    return bi('Choose one of the options.', '请选择一项。');
  return bi('Fill in this field.', '请填写此项。');
}

function tooSmall(p: Record<string, unknown>): Bilingual | undefined {
  const n = num(p.minimum);
  const inclusive = p.inclusive !== false;
  switch (p.origin) {
    case 'string':
      return n <= 1
        ? required('too_small')
        : bi(`Enter at least ${count(n)} characters.`, `请至少输入 ${count(n)} 个字符。`);
    case 'array':
    case 'set':
      return n <= 1
        ? bi('Add or choose at least one.', '请至少添加或选择一项。')
        : bi(`Add at least ${count(n)}.`, `请至少添加 ${count(n)} 项。`);
    case 'number':
    case 'int':
    case 'bigint':
      return inclusive
        ? bi(`Enter a number of ${count(n)} or more.`, `请输入不小于 ${count(n)} 的数。`)
        : bi(`Enter a number greater than ${count(n)}.`, `请输入大于 ${count(n)} 的数。`);
    default:
      return undefined;
  }
}

function tooBig(p: Record<string, unknown>, value: unknown): Bilingual | undefined {
  const n = num(p.maximum);
  const inclusive = p.inclusive !== false;
  switch (p.origin) {
    case 'string': {
      const now = typeof value === 'string' ? value.length : undefined;
      return now === undefined
        ? bi(`Use at most ${count(n)} characters.`, `最多 ${count(n)} 个字符。`)
        : bi(
            `Use at most ${count(n)} characters (now ${count(now)}).`,
            `最多 ${count(n)} 个字符（现有 ${count(now)} 个）。`,
          );
    }
    case 'array':
    case 'set':
      return bi(`At most ${count(n)} are allowed.`, `最多 ${count(n)} 项。`);
    case 'number':
    case 'int':
    case 'bigint':
      return inclusive
        ? bi(`Enter a number of ${count(n)} or less.`, `请输入不大于 ${count(n)} 的数。`)
        : bi(`Enter a number less than ${count(n)}.`, `请输入小于 ${count(n)} 的数。`);
    case 'file':
      return bi('The file is too large.', '文件过大。');
    default:
      return undefined;
  }
}

function invalidType(p: Record<string, unknown>): Bilingual {
  switch (p.expected) {
    case 'number':
    case 'bigint':
      return bi('Enter a number, e.g. 5000.', '请输入数字，例如 5000。');
    case 'int':
      return bi('Enter a whole number.', '请输入整数。');
    case 'boolean':
      return bi('Choose yes or no.', '请选择“是”或“否”。');
    case 'date':
      return bi('Enter a date.', '请输入日期。');
    default:
      return bi('This value is not valid here.', '此项的值无效。');
  }
}

function invalidFormat(p: Record<string, unknown>): Bilingual {
  switch (p.format) {
    case 'email':
      return bi('Enter an e-mail address such as name@example.org.', '请输入有效的电子邮箱，例如 name@example.org。');
    case 'url':
      return bi('Enter a full web address, e.g. https://example.org.', '请输入完整的网址，例如 https://example.org。');
    case 'datetime':
      return bi('Enter a date and time.', '请输入有效的日期和时间。');
    case 'date':
      return bi('Enter a date.', '请输入有效的日期。');
    case 'time':
      return bi('Enter a time.', '请输入有效的时间。');
    case 'duration':
      return bi('Enter a duration.', '请输入有效的时长。');
    case 'uuid':
    case 'guid':
    case 'ulid':
    case 'cuid':
    case 'cuid2':
    case 'nanoid':
      return bi('This is not a valid identifier.', '标识格式无效。');
    case 'ipv4':
    case 'ipv6':
      return bi('Enter an IP address.', '请输入有效的 IP 地址。');
    default:
      return bi('The format is not valid.', '格式不正确。');
  }
}

/** Zod's own English and zh-CN texts, for the kinds of rule no person-facing form uses. */
function zodLocales(issue: ZodIssueLike, value: unknown): Bilingual {
  const raw = { ...issue.params, code: issue.keyword, input: value } as unknown as Parameters<
    ReturnType<typeof z.locales.en>['localeError']
  >[0];
  const pick = (r: unknown): string | undefined =>
    typeof r === 'string' ? r : (r as { message?: string } | undefined)?.message;
  return {
    en: pick(z.locales.en().localeError(raw)) ?? issue.message ?? 'Invalid value.',
    zh: pick(z.locales.zhCN().localeError(raw)) ?? '此项的值无效。',
  };
}

/** The bilingual message of one failed rule; `value` is what was sent at the issue's path. */
export function zodIssueText(issue: ZodIssueLike, value: unknown): Bilingual {
  const own = issue.message ? ruleMessageOf(issue.message) : undefined;
  const p = issue.params ?? {};
  // A refinement judges the whole value: its own words always fit.
  if (issue.keyword === 'custom') {
    if (own) return own;
    // A rule's own words carried on a refinement's params ({ zh }) by the domain validators.
    if (issue.message && typeof (p.params as { zh?: unknown } | undefined)?.zh === 'string') {
      return { en: issue.message, zh: (p.params as { zh: string }).zh };
    }
  }
  // Nothing given: say so, whatever shape or pattern the value would have had to follow.
  if (isMissing(value) && issue.keyword !== 'custom' && issue.keyword !== 'unrecognized_keys') {
    if (issue.keyword === 'too_small' && (p.origin === 'array' || p.origin === 'set'))
      return tooSmall(p) ?? required(issue.keyword);
    return required(issue.keyword);
  }
  if (own) return own;
  switch (issue.keyword) {
    case 'too_small':
      return tooSmall(p) ?? zodLocales(issue, value);
    case 'too_big':
      return tooBig(p, value) ?? zodLocales(issue, value);
    case 'invalid_type':
      return invalidType(p);
    case 'invalid_format':
      return invalidFormat(p);
    case 'invalid_value':
    case 'invalid_union':
      return bi('Choose one of the options.', '请从选项中选择一项。');
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? p.keys.join(', ') : '';
      return bi(`Fields not expected here: ${keys}.`, `此处不应有以下字段：${keys}。`);
    }
    case 'not_multiple_of':
      return bi(`Enter a multiple of ${String(p.divisor)}.`, `请输入 ${String(p.divisor)} 的倍数。`);
    case 'custom':
      return { en: issue.message ?? 'Invalid value.', zh: '此项的值无效。' };
    default:
      return zodLocales(issue, value);
  }
}
