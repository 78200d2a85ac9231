// Parameters each workflow action takes, and their domain checks (reasons, approval decisions, proposed deadlines).
import type { ValidationIssue } from '../../error-types.js';
import { issue } from '../shared/bilingual.js';
import { isIsoInstant } from './identifiers.js';
import type { ApprovalDecision, ClockOverrideValues, RequestAction, RequestRecord } from './types.js';

type Note = { note?: string };

export type ActionParams = {
  submit: Note;
  acknowledge: Note;
  accept: Note;
  request_information: { questions: string };
  provide_information: { information: string };
  decline: { reason: string };
  request_approval: Note & { authority?: string };
  /** `reason` is required when the decision is "refused"; the request is then declined with it. */
  record_approval: { decision: ApprovalDecision; authority?: string; reference?: string; reason?: string };
  start_work: Note;
  partially_fulfil: Note & { evidenceIds?: string[] };
  fulfil: Note & { evidenceIds?: string[] };
  close: Note;
  withdraw: { reason: string };
  renew_preservation: Note;
  propose_clock_override: Note & { values: ClockOverrideValues };
  agree_clock_override: Note;
  reject_clock_override: Note;
};

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

function intIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

export function validateActionParams<A extends RequestAction>(
  action: A,
  params: ActionParams[A],
  record: RequestRecord,
  now: Date,
): ValidationIssue[] {
  const p = params as Record<string, unknown>;
  switch (action) {
    case 'request_information':
      return blank(p.questions)
        ? [issue('questions', 'required', 'Say what information is needed.', '请说明需要补充的材料。')]
        : [];
    case 'provide_information':
      return blank(p.information)
        ? [issue('information', 'required', 'Enter the information requested.', '请填写所要求补充的材料。')]
        : [];
    case 'decline':
      return blank(p.reason)
        ? [issue('reason', 'required', 'Give the reason for declining.', '请说明拒绝的理由。')]
        : [];
    case 'withdraw':
      return blank(p.reason)
        ? [issue('reason', 'required', 'Give the reason for withdrawing.', '请说明撤回的理由。')]
        : [];
    case 'record_approval':
      if (p.decision !== 'granted' && p.decision !== 'refused') {
        return [
          issue('decision', 'required', 'Record whether approval was granted or refused.', '请登记批准或不予批准。'),
        ];
      }
      return p.decision === 'refused' && blank(p.reason)
        ? [issue('reason', 'required', 'Give the reason the approval was refused.', '请说明不予批准的理由。')]
        : [];
    case 'propose_clock_override':
      return validateOverrideValues((p.values ?? {}) as ClockOverrideValues, record, now);
    default:
      return [];
  }
}

export function validateOverrideValues(v: ClockOverrideValues, r: RequestRecord, now: Date): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  if (keys.length === 0) {
    return [
      issue('values', 'required', 'Propose at least one new deadline or period.', '请至少提议一项新的时限或期限。'),
    ];
  }
  for (const k of ['ackDueAt', 'responseDueAt'] as const) {
    const at = v[k];
    if (at === undefined) continue;
    if (!isIsoInstant(at)) {
      out.push(
        issue(
          `values.${k}`,
          'invalid_format',
          'Enter a date and time with its UTC offset.',
          '请填写带 UTC 偏移量的日期和时间。',
        ),
      );
    } else if (Date.parse(at) <= now.getTime()) {
      out.push(issue(`values.${k}`, 'in_past', 'A new deadline must lie in the future.', '新的时限必须晚于当前时间。'));
    }
  }
  const preservationKeys = ['preservationDays', 'renewalDays', 'maxRenewals'] as const;
  if (r.type !== 'preservation') {
    for (const k of preservationKeys) {
      if (v[k] !== undefined) {
        out.push(
          issue(
            `values.${k}`,
            'not_applicable',
            'Preservation periods apply only to preservation requests.',
            '保全期限仅适用于数据保全请求。',
          ),
        );
      }
    }
  }
  if (v.preservationDays !== undefined && !intIn(v.preservationDays, 1, 3650)) {
    out.push(
      issue(
        'values.preservationDays',
        'out_of_range',
        'Use a whole number of days from 1 to 3650.',
        '请填写 1 至 3650 之间的整数天数。',
      ),
    );
  }
  if (v.renewalDays !== undefined && !intIn(v.renewalDays, 1, 3650)) {
    out.push(
      issue(
        'values.renewalDays',
        'out_of_range',
        'Use a whole number of days from 1 to 3650.',
        '请填写 1 至 3650 之间的整数天数。',
      ),
    );
  }
  if (v.maxRenewals !== undefined && v.maxRenewals !== null && !intIn(v.maxRenewals, 0, 100)) {
    out.push(
      issue(
        'values.maxRenewals',
        'out_of_range',
        'Use a whole number from 0 to 100, or no limit.',
        '请填写 0 至 100 之间的整数，或不设上限。',
      ),
    );
  }
  if (v.renewalReminderDays !== undefined && !intIn(v.renewalReminderDays, 0, 365)) {
    out.push(
      issue(
        'values.renewalReminderDays',
        'out_of_range',
        'Use a whole number of days from 0 to 365.',
        '请填写 0 至 365 之间的整数天数。',
      ),
    );
  }
  return out;
}
