// What each workflow action asks for (reason, questions, approval decision, proposed deadlines),
// and the steps a local officer may record for a counterpart that is not on the federation.
import type { RequestAction, RequestView } from '../../api/types';
import { zonedLocalToIso } from '../../lib/zoned';

export type ActionFieldKind = 'text' | 'textarea' | 'datetime' | 'number' | 'decision';
export type ActionFieldName =
  | 'note' | 'questions' | 'information' | 'reason' | 'authority' | 'reference' | 'decision'
  | 'values.ackDueAt' | 'values.responseDueAt' | 'values.preservationDays' | 'values.renewalDays'
  | 'values.maxRenewals' | 'values.renewalReminderDays';
export type ActionField = { name: ActionFieldName; kind: ActionFieldKind; required?: boolean };

const note: ActionField = { name: 'note', kind: 'textarea' };

export const ACTION_FIELDS: Record<RequestAction, ActionField[]> = {
  submit: [note], acknowledge: [note], accept: [note], start_work: [note], close: [note], renew_preservation: [note],
  agree_clock_override: [note], reject_clock_override: [note], partially_fulfil: [note], fulfil: [note],
  request_information: [{ name: 'questions', kind: 'textarea', required: true }],
  provide_information: [{ name: 'information', kind: 'textarea', required: true }],
  decline: [{ name: 'reason', kind: 'textarea', required: true }],
  withdraw: [{ name: 'reason', kind: 'textarea', required: true }],
  request_approval: [{ name: 'authority', kind: 'text' }, note],
  record_approval: [
    { name: 'decision', kind: 'decision', required: true }, { name: 'authority', kind: 'text' },
    { name: 'reference', kind: 'text' }, { name: 'reason', kind: 'textarea' },
  ],
  propose_clock_override: [
    { name: 'values.ackDueAt', kind: 'datetime' }, { name: 'values.responseDueAt', kind: 'datetime' },
    { name: 'values.preservationDays', kind: 'number' }, { name: 'values.renewalDays', kind: 'number' },
    { name: 'values.maxRenewals', kind: 'number' }, { name: 'values.renewalReminderDays', kind: 'number' }, note,
  ],
};

/** Actions that end or refuse something: shown as secondary, in red. */
export const DESTRUCTIVE: readonly RequestAction[] = ['decline', 'withdraw', 'reject_clock_override'];

/** The body of POST /requests/:id/actions from the form's string values; blanks are left out. */
export function actionBody(action: RequestAction, values: Record<string, string>, timeZone: string): Record<string, unknown> {
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
  return body;
}

/** The other party's next steps by status, recorded here while it answers by e-mail, fax or phone. */
const REQUESTED_SIDE: Record<string, RequestAction[]> = {
  submitted: ['acknowledge', 'decline', 'request_information'],
  acknowledged: ['accept', 'decline', 'request_information'],
  accepted: ['start_work', 'request_approval', 'request_information', 'decline'],
  approval_pending: ['record_approval', 'decline'],
  in_progress: ['partially_fulfil', 'fulfil', 'request_information', 'decline'],
  partially_fulfilled: ['partially_fulfil', 'fulfil', 'close'],
  fulfilled: ['close'],
};
const REQUESTING_SIDE: Record<string, RequestAction[]> = {
  needs_information: ['provide_information', 'withdraw'],
  submitted: ['withdraw'], acknowledged: ['withdraw'], accepted: ['withdraw'], in_progress: ['withdraw'],
  partially_fulfilled: ['close'], fulfilled: ['close'],
};

export function counterpartSteps(r: RequestView): RequestAction[] {
  const table = r.direction === 'outgoing' ? REQUESTED_SIDE : REQUESTING_SIDE;
  const steps = table[r.status] ?? [];
  return steps.filter((a) => (a === 'request_approval' ? r.approvalRequired : a === 'start_work' ? !r.approvalRequired || r.approval?.decision === 'granted' : true));
}
