// Rules for a report from the public, with messages a victim understands in both languages.
// Collects every problem at once so the form can show them all next to their fields.
import type { ValidationIssue } from '../../error-types.js';
import { issue } from '../shared/bilingual.js';
import type { ReportInput } from './types.js';

export const REPORT_LIMITS = {
  narrativeMin: 20,
  narrativeMax: 10_000,
  contactsPerKind: 10,
  payments: 10,
  field: 200,
  amountMax: 1e12,
} as const;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;
// A phone as people write it: digits with spaces, dashes, dots, brackets, an optional + in front.
const PHONE = /^\+?[\d\s\-().]{5,30}$/;

export function validateReportInput(input: ReportInput, now: Date): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const narrative = input.narrative.trim();
  if (narrative.length < REPORT_LIMITS.narrativeMin) {
    out.push(
      issue(
        'narrative',
        'REPORT_NARRATIVE_TOO_SHORT',
        `Please describe what happened in at least ${REPORT_LIMITS.narrativeMin} characters.`,
        `请至少用 ${REPORT_LIMITS.narrativeMin} 个字描述发生了什么。`,
      ),
    );
  } else if (narrative.length > REPORT_LIMITS.narrativeMax) {
    out.push(
      issue(
        'narrative',
        'REPORT_NARRATIVE_TOO_LONG',
        `The description may have at most ${REPORT_LIMITS.narrativeMax} characters.`,
        `描述最多 ${REPORT_LIMITS.narrativeMax} 个字。`,
      ),
    );
  }
  if (input.occurredAt !== undefined) {
    const at = Date.parse(input.occurredAt);
    if (Number.isNaN(at))
      out.push(issue('occurredAt', 'REPORT_DATE_INVALID', 'Please give a valid date.', '请填写有效的日期。'));
    else if (at > now.getTime() + 24 * 3_600_000)
      out.push(issue('occurredAt', 'REPORT_DATE_IN_FUTURE', 'The date cannot be in the future.', '日期不能晚于今天。'));
    else if (new Date(at).getUTCFullYear() < 1990)
      out.push(issue('occurredAt', 'REPORT_DATE_INVALID', 'Please give a valid date.', '请填写有效的日期。'));
  }
  if (input.amountLost !== undefined) {
    if (!Number.isFinite(input.amountLost) || input.amountLost < 0 || input.amountLost > REPORT_LIMITS.amountMax) {
      out.push(
        issue(
          'amountLost',
          'REPORT_AMOUNT_INVALID',
          'The amount must be a number of zero or more.',
          '金额须为大于或等于零的数字。',
        ),
      );
    }
    if (!input.currency || !/^[A-Z]{3}$/.test(input.currency)) {
      out.push(
        issue(
          'currency',
          'REPORT_CURRENCY_REQUIRED',
          'Please choose the currency of the amount.',
          '请选择金额的币种。',
        ),
      );
    }
  }
  if (input.payments.length > REPORT_LIMITS.payments) {
    out.push(
      issue(
        'payments',
        'REPORT_TOO_MANY_ITEMS',
        `At most ${REPORT_LIMITS.payments} payments.`,
        `最多填写 ${REPORT_LIMITS.payments} 笔付款。`,
      ),
    );
  }
  input.payments.forEach((p, i) => {
    for (const key of ['account', 'wallet', 'platform', 'transactionId'] as const) {
      if ((p[key]?.length ?? 0) > REPORT_LIMITS.field) out.push(tooLong(`payments.${i}.${key}`));
    }
  });
  for (const kind of ['phones', 'urls', 'handles', 'emails'] as const) {
    const values = input.suspect[kind];
    if (values.length > REPORT_LIMITS.contactsPerKind) {
      out.push(
        issue(
          `suspect.${kind}`,
          'REPORT_TOO_MANY_ITEMS',
          `At most ${REPORT_LIMITS.contactsPerKind} entries.`,
          `最多填写 ${REPORT_LIMITS.contactsPerKind} 项。`,
        ),
      );
    }
    values.forEach((v, i) => {
      if (v.length > REPORT_LIMITS.field * 10) out.push(tooLong(`suspect.${kind}.${i}`));
    });
  }
  input.suspect.emails.forEach((e, i) => {
    if (!EMAIL.test(e.trim()))
      out.push(
        issue(
          `suspect.emails.${i}`,
          'REPORT_EMAIL_INVALID',
          'This does not look like an e-mail address.',
          '这不像是电子邮箱地址。',
        ),
      );
  });
  input.suspect.phones.forEach((p, i) => {
    if (!PHONE.test(p.trim()))
      out.push(
        issue(
          `suspect.phones.${i}`,
          'REPORT_PHONE_INVALID',
          'This does not look like a phone number.',
          '这不像是电话号码。',
        ),
      );
  });
  out.push(...validateReporter(input));
  return out;
}

function validateReporter(input: ReportInput): ValidationIssue[] {
  const r = input.reporter;
  if (!r) return [];
  const out: ValidationIssue[] = [];
  for (const key of ['name', 'phone', 'email'] as const)
    if ((r[key]?.length ?? 0) > REPORT_LIMITS.field) out.push(tooLong(`reporter.${key}`));
  if (r.email && !EMAIL.test(r.email.trim()))
    out.push(
      issue(
        'reporter.email',
        'REPORT_EMAIL_INVALID',
        'This does not look like an e-mail address.',
        '这不像是电子邮箱地址。',
      ),
    );
  if (r.phone && !PHONE.test(r.phone.trim()))
    out.push(
      issue('reporter.phone', 'REPORT_PHONE_INVALID', 'This does not look like a phone number.', '这不像是电话号码。'),
    );
  // Contact details are kept only with the reporter's consent to be contacted.
  if ((r.phone || r.email) && !r.consent) {
    out.push(
      issue(
        'reporter.consent',
        'REPORT_CONSENT_REQUIRED',
        'Tick the box to let the police contact you, or leave your contact details empty.',
        '如希望警方联系您，请勾选同意；否则请不要填写联系方式。',
      ),
    );
  }
  return out;
}

function tooLong(path: string): ValidationIssue {
  return issue(
    path,
    'REPORT_FIELD_TOO_LONG',
    `At most ${REPORT_LIMITS.field} characters.`,
    `最多 ${REPORT_LIMITS.field} 个字符。`,
  );
}
