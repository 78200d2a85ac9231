// Builds the per-request report: the step history with timestamps, each deadline met or missed,
// preservation expiry, and the federation deliveries with their signed receipts. Pure.
import type { RequestRecord } from '../request/types.js';
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS } from '../request/labels.js';
import { withValueLabels } from './value-labels.js';
import { col, labelOf, type Cell, type ReportDocument } from './report-model.js';
import { requestAckOutcome, requestDeadlines, requestResponseOutcome } from './request-deadlines.js';

export type HistoryStep = { at: string; type: string; actorLabel: string; party: string };
export type DeliveryRow = {
  type: string;
  peer: string;
  state: string;
  result: string | null;
  sentAt: string | null;
  receiptAt: string | null;
};

export type RequestReportInput = {
  party: string;
  record: RequestRecord;
  history: HistoryStep[];
  deliveries: DeliveryRow[];
};

export function buildRequestReport(input: RequestReportInput, now: Date): ReportDocument {
  const r = input.record;
  const ack = requestAckOutcome(requestDeadlines(r), now);
  const resp = requestResponseOutcome(requestDeadlines(r), now);
  const deadlines: Cell[][] = [
    ['acknowledge', r.clocks.ackDueAt, r.acknowledgedAt, ack],
    ['respond', r.clocks.responseDueAt, r.fulfilledAt ?? r.declinedAt, resp],
  ];
  if (r.type === 'preservation' && r.clocks.preservationExpiresAt) {
    const lapsed = Date.parse(r.clocks.preservationExpiresAt) <= now.getTime();
    deadlines.push(['preservation_expiry', r.clocks.preservationExpiresAt, null, lapsed ? 'expired' : 'active']);
  }
  const status = labelOf(REQUEST_STATUS_LABELS, r.status);
  const type = labelOf(REQUEST_TYPE_LABELS, r.type);
  return withValueLabels({
    kind: 'request',
    title: { en: `Request report: ${r.reference}`, zh: `协助请求报告：${r.reference}` },
    subject: r.reference,
    generatedAt: now.toISOString(),
    party: input.party,
    facts: [
      { label: { en: 'Reference', zh: '编号' }, value: r.reference },
      { label: { en: 'Subject', zh: '事由' }, value: [r.subject.zh, r.subject.en].filter(Boolean).join(' / ') },
      { label: { en: 'Type', zh: '类型' }, value: `${type.zh} / ${type.en}` },
      { label: { en: 'Status', zh: '状态' }, value: `${status.zh} / ${status.en}` },
      { label: { en: 'Requesting party', zh: '请求方' }, value: r.requestingParty },
      { label: { en: 'Requested party', zh: '被请求方' }, value: r.requestedParty },
      { label: { en: 'Urgency', zh: '紧急程度' }, value: r.urgency },
      { label: { en: 'Legal basis', zh: '法律依据' }, value: r.legalBasis ?? '' },
      { label: { en: 'Submitted', zh: '提交时间' }, value: r.submittedAt ?? '' },
    ],
    charts: [],
    tables: [
      {
        id: 'deadlines',
        title: { en: 'Deadlines', zh: '时限' },
        columns: [
          col('clock', 'Deadline', '时限', 'code'),
          col('due_at', 'Due', '到期时间', 'instant'),
          col('done_at', 'Done', '完成时间', 'instant'),
          col('outcome', 'Outcome', '结果', 'code'),
        ],
        rows: deadlines,
      },
      {
        id: 'history',
        title: { en: 'Step history', zh: '处理记录' },
        columns: [
          col('at', 'When', '时间', 'instant'),
          col('event', 'Event', '事件'),
          col('actor', 'By', '操作人'),
          col('party', 'Party', '所属方'),
        ],
        rows: input.history.map((h) => [h.at, h.type, h.actorLabel, h.party]),
      },
      {
        id: 'deliveries',
        title: { en: 'Federation deliveries and receipts', zh: '联邦消息投递与回执' },
        columns: [
          col('message', 'Message', '消息'),
          col('peer', 'Peer', '对方'),
          col('state', 'State', '状态', 'code'),
          col('result', 'Result', '结果'),
          col('sent_at', 'Sent', '发送时间', 'instant'),
          col('receipt_at', 'Receipt', '回执时间', 'instant'),
        ],
        rows: input.deliveries.map((d) => [d.type, d.peer, d.state, d.result, d.sentAt, d.receiptAt]),
      },
    ],
  });
}
