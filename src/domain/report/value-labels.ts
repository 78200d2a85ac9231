// Labels of the codes in report tables (statuses, types, directions, metrics...), so the web page
// and the PDF speak the reader's language while CSV keeps the stable codes.
import type { Bilingual } from '../../error-types.js';
import { CALL_URGENCY_LABELS } from '../call/topics.js';
import { CALL_STATUS_LABELS } from '../call/types.js';
import { CASE_ROLE_LABELS, CASE_STATUS_LABELS } from '../case/case-types.js';
import { TASK_STATUS_LABELS } from '../case/tasks.js';
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS } from '../request/labels.js';
import { CRIME_CATEGORY_LABELS } from '../shared/crime-categories.js';
import type { ReportDocument } from './report-model.js';

const REPORT_CODES: Record<string, Bilingual> = {
  outgoing: { en: 'Outgoing', zh: '发出' },
  incoming: { en: 'Incoming', zh: '收到' },
  time_to_acknowledge: { en: 'Time to acknowledge', zh: '确认用时' },
  time_to_fulfil: { en: 'Time to fulfil', zh: '完成用时' },
  acknowledge: { en: 'Acknowledge', zh: '确认' },
  respond: { en: 'Respond', zh: '答复' },
  preservation_expiry: { en: 'Preservation expiry', zh: '保全到期' },
  request: { en: 'Request', zh: '协助请求' },
  call: { en: 'Call', zh: '热线呼叫' },
  met: { en: 'Met', zh: '按时' },
  missed: { en: 'Missed', zh: '逾期' },
  pending: { en: 'Pending', zh: '未决' },
  not_applicable: { en: 'Not applicable', zh: '不适用' },
  active: { en: 'Active', zh: '有效' },
  expiring: { en: 'Expiring within 30 days', zh: '30天内到期' },
  expired: { en: 'Expired, not renewed', zh: '已过期未续' },
  party: { en: 'Party', zh: '参与方' },
  member: { en: 'Member', zh: '成员' },
  lead: { en: 'Lead', zh: '牵头' },
  participant: { en: 'Participant', zh: '参与' },
  none: { en: 'None', zh: '无' },
  sent: { en: 'Sent', zh: '已发送' },
  rejected: { en: 'Rejected', zh: '被拒收' },
};

// Later tables win on shared codes; the meanings agree (e.g. "closed" of a request, call or case).
const ALL: Record<string, Bilingual> = {
  ...CRIME_CATEGORY_LABELS,
  ...TASK_STATUS_LABELS,
  ...CASE_ROLE_LABELS,
  ...CASE_STATUS_LABELS,
  ...CALL_STATUS_LABELS,
  ...CALL_URGENCY_LABELS,
  ...REQUEST_TYPE_LABELS,
  ...REQUEST_STATUS_LABELS,
  ...REPORT_CODES,
};

/**
 * Adds the labels of every known code that appears in a `code` column; `extra` names more codes
 * (party ids by the agency's name), the report's own codes winning on a clash.
 */
export function withValueLabels(
  doc: Omit<ReportDocument, 'valueLabels'>,
  extra: Record<string, Bilingual> = {},
): ReportDocument {
  const valueLabels: Record<string, Bilingual> = {};
  const known = { ...extra, ...ALL };
  for (const table of doc.tables) {
    table.columns.forEach((c, i) => {
      if (c.kind !== 'code') return;
      for (const row of table.rows) {
        const v = row[i];
        if (typeof v === 'string' && known[v]) valueLabels[v] = known[v];
      }
    });
  }
  return { ...doc, valueLabels };
}
