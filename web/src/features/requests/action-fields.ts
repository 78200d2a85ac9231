// What each workflow action asks for (reason, questions, approval decision, proposed deadlines).
// (The steps a local officer may record for an off-federation counterpart come from the API.)
import type { JsonBody, RequestAction } from '../../api/types';
import { zonedLocalToIso } from '../../../../src/domain/shared/zones';

export type ActionFieldKind = 'text' | 'textarea' | 'datetime' | 'number' | 'decision';
export type ActionFieldName =
  | 'note'
  | 'questions'
  | 'information'
  | 'reason'
  | 'authority'
  | 'reference'
  | 'decision'
  | 'values.ackDueAt'
  | 'values.responseDueAt'
  | 'values.preservationDays'
  | 'values.renewalDays'
  | 'values.maxRenewals'
  | 'values.renewalReminderDays';
export type ActionField = { name: ActionFieldName; kind: ActionFieldKind; required?: boolean };

const note: ActionField = { name: 'note', kind: 'textarea' };

export const ACTION_FIELDS: Record<RequestAction, ActionField[]> = {
  submit: [note],
  acknowledge: [note],
  accept: [note],
  start_work: [note],
  close: [note],
  renew_preservation: [note],
  agree_clock_override: [note],
  reject_clock_override: [note],
  partially_fulfil: [note],
  fulfil: [note],
  request_information: [{ name: 'questions', kind: 'textarea', required: true }],
  provide_information: [{ name: 'information', kind: 'textarea', required: true }],
  decline: [{ name: 'reason', kind: 'textarea', required: true }],
  withdraw: [{ name: 'reason', kind: 'textarea', required: true }],
  request_approval: [{ name: 'authority', kind: 'text' }, note],
  record_approval: [
    { name: 'decision', kind: 'decision', required: true },
    { name: 'authority', kind: 'text' },
    { name: 'reference', kind: 'text' },
    { name: 'reason', kind: 'textarea' },
  ],
  propose_clock_override: [
    { name: 'values.ackDueAt', kind: 'datetime' },
    { name: 'values.responseDueAt', kind: 'datetime' },
    { name: 'values.preservationDays', kind: 'number' },
    { name: 'values.renewalDays', kind: 'number' },
    { name: 'values.maxRenewals', kind: 'number' },
    { name: 'values.renewalReminderDays', kind: 'number' },
    note,
  ],
};

/** Actions that end or refuse something: shown as secondary, in red. */
export const DESTRUCTIVE: readonly RequestAction[] = ['decline', 'withdraw', 'reject_clock_override'];

/** The body of POST /requests/:id/actions from the form's string values; blanks are left out. */
/** The body of a workflow step, built from the field table; the route's schema checks each field. */
export function actionBody(
  action: RequestAction,
  values: Record<string, string>,
  timeZone: string,
): JsonBody<'/api/requests/{id}/actions', 'post'> {
  const body: Record<string, unknown> = { action };
  const overrides: Record<string, unknown> = {};
  for (const f of ACTION_FIELDS[action]) {
    const raw = values[f.name]?.trim() ?? '';
    if (raw === '') continue;
    const value = f.kind === 'datetime' ? zonedLocalToIso(raw, timeZone) : f.kind === 'number' ? Number(raw) : raw;
    if (f.name.startsWith('values.')) overrides[f.name.slice(7)] = value;
    else body[f.name] = value;
  }
  if (action === 'propose_clock_override') body.values = overrides;
  return body as JsonBody<'/api/requests/{id}/actions', 'post'>;
}
