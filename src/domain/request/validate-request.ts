// Domain validation of a request's content: formats always, completeness and per-type rules on submit.
import type { ValidationIssue } from '../../error-types.js';
import { validationError } from '../../errors.js';
import { issue } from '../shared/bilingual.js';
import { checkIdentifierValue, isIsoInstant, isValidEmail, isValidPhone, isValidTimeZone } from './identifiers.js';
import { REQUEST_TYPE_LABELS } from './labels.js';
import { getLegalBasis } from './legal-bases.js';
import {
  CONFIDENTIALITY_LEVELS,
  CRIME_CATEGORIES,
  REQUEST_TYPES,
  URGENCIES,
  type Identifier,
  type RequestContent,
  type RequestType,
} from './types.js';
import { validateDetails } from './validate-details.js';

/** `draft` checks only what is filled in; `submit` also requires everything the type needs. */
export type ValidationMode = 'draft' | 'submit';

/** Types that make no sense without at least one identifier to look up or preserve. */
export const IDENTIFIER_REQUIRED_TYPES: readonly RequestType[] = [
  'preservation',
  'expedited_disclosure',
  'subscriber_info',
  'traffic_data',
  'content_data',
  'emergency_disclosure',
];

/** A dynamic IP identifies a subscriber only at a given moment, so these types need the time. */
const IP_TIME_REQUIRED_TYPES: readonly RequestType[] = ['expedited_disclosure', 'subscriber_info', 'traffic_data'];

const HAN_RE = /\p{Script=Han}/u;

const blank = (s: string | null | undefined): boolean => s == null || s.trim() === '';

export function validateRequestContent(c: RequestContent, now: Date, mode: ValidationMode): ValidationIssue[] {
  const submit = mode === 'submit';
  const out: ValidationIssue[] = [];
  const need = (value: string | null | undefined, path: string, en: string, zh: string): void => {
    if (submit && blank(value)) out.push(issue(path, 'required', en, zh));
  };

  need(c.requestingParty, 'requestingParty', 'Choose the requesting party.', '请选择请求方。');
  need(c.requestedParty, 'requestedParty', 'Choose the requested party.', '请选择被请求方。');
  if (!blank(c.requestedParty) && c.requestedParty === c.requestingParty) {
    out.push(
      issue('requestedParty', 'same_party', 'A party cannot send a request to itself.', '请求方和被请求方不能相同。'),
    );
  }
  need(c.caseRef, 'caseRef', 'Enter your case reference.', '请填写本方案件编号。');
  need(c.subject.en, 'subject.en', 'Enter the subject in English.', '请填写英文事由摘要。');
  need(c.subject.zh, 'subject.zh', 'Enter the subject in Chinese.', '请填写中文事由摘要。');
  if (!blank(c.subject.zh) && !HAN_RE.test(c.subject.zh)) {
    out.push(
      issue(
        'subject.zh',
        'not_chinese',
        'The Chinese subject contains no Chinese text.',
        '中文事由摘要中没有中文内容。',
      ),
    );
  }
  for (const lang of ['en', 'zh'] as const) {
    if (c.subject[lang].length > 300) {
      out.push(
        issue(`subject.${lang}`, 'too_long', 'Keep the subject under 300 characters.', '事由摘要不得超过 300 个字符。'),
      );
    }
  }
  if (c.crimeCategory === null) {
    need(null, 'crimeCategory', 'Choose the crime category.', '请选择犯罪类别。');
  } else if (!CRIME_CATEGORIES.includes(c.crimeCategory)) {
    out.push(issue('crimeCategory', 'invalid', 'Unknown crime category.', '未知的犯罪类别。'));
  }
  need(c.facts, 'facts', 'Summarise the facts of the case.', '请填写案情摘要。');
  need(c.dataRequested, 'dataRequested', 'Describe the data or action requested.', '请说明所请求的数据或协助事项。');

  if (!REQUEST_TYPES.includes(c.type)) {
    out.push(issue('type', 'invalid', 'Unknown request type.', '未知的请求类型。'));
    return out;
  }
  if (!URGENCIES.includes(c.urgency)) out.push(issue('urgency', 'invalid', 'Unknown urgency.', '未知的紧急程度。'));
  if (!CONFIDENTIALITY_LEVELS.includes(c.confidentiality)) {
    out.push(issue('confidentiality', 'invalid', 'Unknown confidentiality level.', '未知的保密级别。'));
  }
  if (submit && c.type === 'emergency_disclosure' && c.urgency !== 'emergency') {
    out.push(
      issue(
        'urgency',
        'emergency_required',
        'An emergency disclosure request must have urgency "emergency".',
        '紧急披露请求的紧急程度必须为“紧急”。',
      ),
    );
  }
  out.push(...validateLegalBasis(c, now, submit));
  out.push(...validateDeadline(c.requestedDeadline, now, submit));
  out.push(...validateContact(c, submit));
  out.push(...validateIdentifiers(c.type, c.identifiers, submit));
  out.push(...validateDetails(c, submit));
  return out;
}

/** Submit-time validation; throws VALIDATION_FAILED with every issue when the request is not ready. */
export function assertSubmittable(c: RequestContent, now: Date): void {
  const issues = validateRequestContent(c, now, 'submit');
  if (issues.length > 0) throw validationError(issues);
}

function validateLegalBasis(c: RequestContent, now: Date, submit: boolean): ValidationIssue[] {
  if (c.legalBasis === null || c.legalBasis === '') {
    return submit ? [issue('legalBasis', 'required', 'Choose the legal basis.', '请选择法律依据。')] : [];
  }
  const basis = getLegalBasis(c.legalBasis);
  if (!basis) return [issue('legalBasis', 'invalid', 'Unknown legal basis.', '未知的法律依据。')];
  const out: ValidationIssue[] = [];
  const typeLabel = REQUEST_TYPE_LABELS[c.type];
  if (!basis.appliesTo.includes(c.type)) {
    out.push(
      issue(
        'legalBasis',
        'not_allowed_for_type',
        `${basis.shortName.en} does not cover a request for ${typeLabel.en.toLowerCase()}.`,
        `${basis.shortName.zh}不适用于“${typeLabel.zh}”请求。`,
      ),
    );
  }
  if (submit && basis.emergencyOnly && c.urgency !== 'emergency') {
    out.push(
      issue(
        'legalBasis',
        'emergency_only',
        `${basis.shortName.en} applies only to emergencies; set urgency to "emergency" or choose another legal basis.`,
        `${basis.shortName.zh}仅适用于紧急情况；请将紧急程度设为“紧急”，或选择其他法律依据。`,
      ),
    );
  }
  if (submit && basis.applicableFrom && now.getTime() < Date.parse(basis.applicableFrom)) {
    out.push(
      issue(
        'legalBasis',
        'not_yet_applicable',
        `${basis.shortName.en} applies only from ${basis.applicableFrom}.`,
        `${basis.shortName.zh}自 ${basis.applicableFrom} 起适用。`,
      ),
    );
  }
  if (submit && basis.requiresNote && blank(c.legalBasisNote)) {
    out.push(
      issue(
        'legalBasisNote',
        'required',
        'Name the agreement or provision relied on.',
        '请注明所依据的协议或具体条款。',
      ),
    );
  }
  return out;
}

function validateDeadline(deadline: string | null, now: Date, submit: boolean): ValidationIssue[] {
  if (deadline === null || deadline === '') return [];
  if (!isIsoInstant(deadline)) {
    return [
      issue(
        'requestedDeadline',
        'invalid_format',
        'Enter the deadline as a date and time with time zone.',
        '请以带时区的日期和时间填写期限。',
      ),
    ];
  }
  if (submit && Date.parse(deadline) < now.getTime()) {
    return [
      issue('requestedDeadline', 'in_past', 'The requested deadline has already passed.', '所请求的期限已经过去。'),
    ];
  }
  return [];
}

function validateContact(c: RequestContent, submit: boolean): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const { name, email, phone } = c.contactOfficer;
  if (submit && blank(name)) {
    out.push(issue('contactOfficer.name', 'required', 'Name the contact officer.', '请填写联系人姓名。'));
  }
  if (blank(email)) {
    if (submit)
      out.push(
        issue('contactOfficer.email', 'required', "Enter the contact officer's e-mail.", '请填写联系人电子邮箱。'),
      );
  } else if (!isValidEmail(email.trim())) {
    out.push(
      issue('contactOfficer.email', 'invalid_format', 'This e-mail address is not valid.', '电子邮箱格式不正确。'),
    );
  }
  if (blank(phone)) {
    if (submit)
      out.push(
        issue('contactOfficer.phone', 'required', "Enter the contact officer's phone number.", '请填写联系人电话。'),
      );
  } else if (!isValidPhone(phone.trim())) {
    out.push(
      issue('contactOfficer.phone', 'invalid_format', 'This phone number is not valid.', '电话号码格式不正确。'),
    );
  }
  return out;
}

export function validateIdentifiers(type: RequestType, ids: Identifier[], submit: boolean): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (submit && ids.length === 0 && IDENTIFIER_REQUIRED_TYPES.includes(type)) {
    out.push(
      issue(
        'identifiers',
        'required',
        'Add at least one identifier (account, IP address, domain, …) the request concerns.',
        '请至少添加一个涉及的标识（账号、IP 地址、域名等）。',
      ),
    );
  }
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const p = `identifiers[${i}]`;
    const problem = checkIdentifierValue(id.kind, id.value);
    if (problem) out.push(issue(`${p}.value`, 'invalid_format', problem.en, problem.zh));
    const key = `${id.kind}|${id.value.trim().toLowerCase()}|${id.from ?? ''}|${id.to ?? ''}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      out.push(
        issue(`${p}.value`, 'duplicate', `Same identifier as identifiers[${first}].`, `与第 ${first + 1} 个标识重复。`),
      );
    }
    out.push(...validateTimeRange(p, id));
    if (submit && id.kind === 'ip' && IP_TIME_REQUIRED_TYPES.includes(type) && !id.from) {
      out.push(
        issue(
          `${p}.from`,
          'time_required',
          'An IP address identifies a subscriber only at a given time: enter the date and time of use.',
          'IP 地址只能在特定时间对应到用户：请填写使用该地址的日期和时间。',
        ),
      );
    }
  });
  return out;
}

function validateTimeRange(p: string, id: Identifier): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const end of ['from', 'to'] as const) {
    const v = id[end];
    if (v && !isIsoInstant(v)) {
      out.push(
        issue(
          `${p}.${end}`,
          'invalid_format',
          'Enter a date and time with its UTC offset.',
          '请填写带 UTC 偏移量的日期和时间。',
        ),
      );
    }
  }
  if (id.from && id.to && isIsoInstant(id.from) && isIsoInstant(id.to) && Date.parse(id.from) > Date.parse(id.to)) {
    out.push(
      issue(
        `${p}.to`,
        'range_order',
        'The end of the time range is before its start.',
        '时间范围的结束时间早于开始时间。',
      ),
    );
  }
  if (id.timeZone !== undefined && id.timeZone !== '' && !isValidTimeZone(id.timeZone)) {
    out.push(
      issue(
        `${p}.timeZone`,
        'invalid_time_zone',
        `"${id.timeZone}" is not an IANA time zone (e.g. Asia/Shanghai, America/New_York, UTC).`,
        `“${id.timeZone}”不是有效的 IANA 时区（例如 Asia/Shanghai、America/New_York、UTC）。`,
      ),
    );
  }
  if ((id.from || id.to) && !id.timeZone) {
    out.push(
      issue(
        `${p}.timeZone`,
        'time_zone_required',
        'Give the time zone of the time range so the provider can match its logs.',
        '请填写时间范围所用的时区，以便服务提供者核对日志。',
      ),
    );
  }
  return out;
}
