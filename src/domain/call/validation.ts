// Rules on what a caller may put in a hotline call, with bilingual issues.
import type { ValidationIssue } from '../../error-types.js';
import { issue } from '../shared/bilingual.js';
import type { CallLanguage, CallTopic, CallUrgency } from './topics.js';
import { CALL_LANGUAGES, CALL_TOPICS, CALL_URGENCIES } from './topics.js';
import type { CallCallback } from './types.js';
import { isValidTimeZone } from '../shared/time.js';

/** A hotline call is a short alert, not a request: long facts belong in a request for assistance. */
export const CALL_MESSAGE_MAX = 1000;
export const CALL_ANSWER_MAX = 4000;
export const CALL_NOTE_MAX = 2000;
export const CALL_REASON_MAX = 500;
export const CALL_NAME_MAX = 200;
export const CALL_LINK_ID_MAX = 200;

export type NewCallInput = {
  fromParty: string;
  toParty: string;
  topic: CallTopic;
  urgency: CallUrgency;
  message: string;
  language: CallLanguage;
  callback: CallCallback;
};

const PHONE_RE = /^\+?[0-9][0-9 ().-]{4,30}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateText(path: string, value: unknown, max: number, required: boolean): ValidationIssue[] {
  const s = typeof value === 'string' ? value.trim() : '';
  if (value != null && typeof value !== 'string') {
    return [issue(path, 'not_text', 'Must be text.', '必须为文本。')];
  }
  if (required && s === '') return [issue(path, 'required', 'This field is required.', '此项为必填项。')];
  if (s.length > max) {
    return [issue(path, 'too_long', `At most ${max} characters.`, `最多 ${max} 个字符。`)];
  }
  return [];
}

function validateCallback(cb: CallCallback | undefined): ValidationIssue[] {
  if (!cb) return [issue('callback', 'required', 'Callback details are required.', '请填写回电联系方式。')];
  const issues = validateText('callback.name', cb.name, CALL_NAME_MAX, true);
  const phone = cb.phone?.trim() ?? '';
  const email = cb.email?.trim() ?? '';
  if (phone === '' && email === '') {
    issues.push(
      issue(
        'callback.phone',
        'contact_required',
        'Give a phone number or an e-mail address.',
        '请至少填写电话或电子邮箱之一。',
      ),
    );
  }
  if (phone !== '' && !PHONE_RE.test(phone)) {
    issues.push(
      issue(
        'callback.phone',
        'invalid_phone',
        'Not a valid phone number (use +country code).',
        '电话号码无效（请含国际区号，如 +86）。',
      ),
    );
  }
  if (email !== '' && !EMAIL_RE.test(email)) {
    issues.push(issue('callback.email', 'invalid_email', 'Not a valid e-mail address.', '电子邮箱地址无效。'));
  }
  if (!isValidTimeZone(cb.timeZone)) {
    issues.push(
      issue(
        'callback.timeZone',
        'invalid_time_zone',
        'Not a known IANA time zone (e.g. Asia/Shanghai).',
        '不是有效的 IANA 时区（如 Asia/Shanghai）。',
      ),
    );
  }
  return issues;
}

export function validateNewCall(input: NewCallInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!input.fromParty) issues.push(issue('fromParty', 'required', 'The calling party is required.', '请填写呼叫方。'));
  if (!input.toParty) issues.push(issue('toParty', 'required', 'Choose the agency to call.', '请选择被呼叫机构。'));
  if (input.fromParty && input.fromParty === input.toParty) {
    issues.push(issue('toParty', 'same_party', 'A call must go to another agency.', '呼叫对象必须是其他机构。'));
  }
  if (!CALL_TOPICS.includes(input.topic))
    issues.push(issue('topic', 'invalid_topic', 'Unknown topic.', '未知的呼叫主题。'));
  if (!CALL_URGENCIES.includes(input.urgency)) {
    issues.push(issue('urgency', 'invalid_urgency', 'Unknown urgency.', '未知的紧急程度。'));
  }
  if (!CALL_LANGUAGES.includes(input.language)) {
    issues.push(
      issue('language', 'invalid_language', 'Language must be English or Chinese.', '语言必须为中文或英文。'),
    );
  }
  issues.push(...validateText('message', input.message, CALL_MESSAGE_MAX, true));
  issues.push(...validateCallback(input.callback));
  return issues;
}

export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}
