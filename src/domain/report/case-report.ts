// Builds the per-case report: summary, members and parties, observables by type and TLP,
// evidence with SHA-256 and custody counts, tasks, timeline and linked requests/calls. Pure.
import { CASE_STATUS_LABELS, type CaseRecord } from '../case/case-types.js';
import type { EvidenceRecord } from '../case/evidence.js';
import type { ObservableRecord } from '../case/observables.js';
import type { TaskRecord } from '../case/tasks.js';
import type { TimelineEntry } from '../case/timeline.js';
import { CRIME_CATEGORY_LABELS } from '../shared/crime-categories.js';
import { withValueLabels } from './value-labels.js';
import { col, labelOf, type Cell, type ReportDocument } from './report-model.js';

export type LinkedRecord = {
  kind: 'request' | 'call';
  reference: string;
  type: string;
  status: string;
  direction: string;
  at: string;
};

export type CaseReportContent = {
  observables: ObservableRecord[];
  evidence: (EvidenceRecord & { custodyEvents: number })[];
  tasks: (TaskRecord & { isOverdue: boolean })[];
  timeline: TimelineEntry[];
  linked: LinkedRecord[];
};

/**
 * A member's report holds the whole case; an admin who is not a member gets what the case page shows
 * them (reference, status, members) and nothing more: no title, summary, categories, parties or counts.
 */
export type CaseReportInput = { party: string; memberNames: Record<string, string> } & (
  | { access: 'full'; record: CaseRecord; content: CaseReportContent }
  | { access: 'membership'; record: Pick<CaseRecord, 'reference' | 'status' | 'members'> }
);

export function buildCaseReport(input: CaseReportInput, now: Date): ReportDocument {
  return input.access === 'full'
    ? fullCaseReport(input, input.record, input.content, now)
    : membershipCaseReport(input, input.record, now);
}

function membersTable(record: Pick<CaseRecord, 'members'>, memberNames: Record<string, string>, parties: Cell[][]) {
  return {
    id: 'members',
    title: { en: 'Members and parties', zh: '成员与参与方' },
    columns: [
      col('kind', 'Kind', '类别', 'code'),
      col('id', 'Id', '标识'),
      col('name', 'Name', '名称'),
      col('role', 'Role', '角色', 'code'),
      col('since', 'Since', '加入时间', 'instant'),
    ],
    rows: [
      ...parties,
      ...record.members.map((m): Cell[] => [
        'member',
        m.userId,
        memberNames[m.userId] ?? m.userId,
        m.caseRole,
        m.addedAt,
      ]),
    ],
  };
}

function membershipCaseReport(
  input: { party: string; memberNames: Record<string, string> },
  r: Pick<CaseRecord, 'reference' | 'status' | 'members'>,
  now: Date,
): ReportDocument {
  const status = labelOf(CASE_STATUS_LABELS, r.status);
  return withValueLabels({
    kind: 'case',
    title: { en: `Case report: ${r.reference}`, zh: `案件报告：${r.reference}` },
    subject: r.reference,
    generatedAt: now.toISOString(),
    party: input.party,
    facts: [
      { label: { en: 'Reference', zh: '编号' }, value: r.reference },
      { label: { en: 'Status', zh: '状态' }, value: `${status.zh} / ${status.en}` },
      { label: { en: 'Content', zh: '内容' }, value: 'membership only / 仅成员信息' },
    ],
    charts: [],
    tables: [membersTable(r, input.memberNames, [])],
  });
}

function fullCaseReport(
  input: { party: string; memberNames: Record<string, string> },
  r: CaseRecord,
  c: CaseReportContent,
  now: Date,
): ReportDocument {
  const obsCounts = new Map<string, number>();
  for (const o of c.observables) obsCounts.set(`${o.type}|${o.tlp}`, (obsCounts.get(`${o.type}|${o.tlp}`) ?? 0) + 1);
  const status = labelOf(CASE_STATUS_LABELS, r.status);
  const categories = r.crimeCategories.map((k) => labelOf(CRIME_CATEGORY_LABELS, k));
  const tables = [
    membersTable(
      r,
      input.memberNames,
      r.participatingParties.map((p): Cell[] => ['party', p, p, p === r.leadParty ? 'lead' : 'participant', null]),
    ),
    {
      id: 'observables',
      title: { en: 'Observables by type and TLP', zh: '可观察项（按类型和 TLP）' },
      columns: [
        col('type', 'Type', '类型', 'code'),
        col('tlp', 'TLP', 'TLP', 'code'),
        col('count', 'Count', '数量', 'count'),
      ],
      rows: [...obsCounts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => [...k.split('|'), n]),
    },
    {
      id: 'evidence',
      title: { en: 'Evidence items', zh: '证据' },
      columns: [
        col('filename', 'File', '文件'),
        col('media_type', 'Type', '类型'),
        col('size', 'Bytes', '字节', 'count'),
        col('sha256', 'SHA-256', 'SHA-256'),
        col('tlp', 'TLP', 'TLP', 'code'),
        col('custody_events', 'Custody events', '保管链事件', 'count'),
        col('created_at', 'Collected', '收集时间', 'instant'),
      ],
      rows: c.evidence.map((e) => [e.filename, e.mediaType, e.size, e.sha256, e.tlp, e.custodyEvents, e.createdAt]),
    },
    {
      id: 'tasks',
      title: { en: 'Tasks', zh: '任务' },
      columns: [
        col('title', 'Task', '任务'),
        col('status', 'Status', '状态', 'code'),
        col('assignee', 'Assignee', '负责人'),
        col('due_at', 'Due', '期限', 'instant'),
        col('overdue', 'Overdue', '逾期'),
      ],
      rows: c.tasks.map((t) => [
        t.title,
        t.status,
        t.assigneeUserId ? (input.memberNames[t.assigneeUserId] ?? t.assigneeUserId) : null,
        t.dueAt,
        t.isOverdue ? 'yes' : 'no',
      ]),
    },
    {
      id: 'linked',
      title: { en: 'Linked requests and calls', zh: '关联的协助请求与热线呼叫' },
      columns: [
        col('kind', 'Kind', '类别', 'code'),
        col('reference', 'Reference', '编号'),
        col('type', 'Type', '类型', 'code'),
        col('status', 'Status', '状态', 'code'),
        col('direction', 'Direction', '方向', 'code'),
        col('at', 'Sent', '发出时间', 'instant'),
      ],
      rows: c.linked.map((l) => [l.kind, l.reference, l.type, l.status, l.direction, l.at]),
    },
    {
      id: 'timeline',
      title: { en: 'Timeline', zh: '时间线' },
      columns: [
        col('at', 'When', '时间', 'instant'),
        col('kind', 'Event', '事件', 'code'),
        col('actor', 'By', '操作人'),
        col('summary_en', 'Summary', '摘要（英文）'),
        col('summary_zh', 'Summary (Chinese)', '摘要'),
      ],
      rows: c.timeline.map((t) => [t.at, t.kind, t.actor, t.summary.en, t.summary.zh]),
    },
  ];
  return withValueLabels({
    kind: 'case',
    title: { en: `Case report: ${r.title.en || r.reference}`, zh: `案件报告：${r.title.zh || r.reference}` },
    subject: r.reference,
    generatedAt: now.toISOString(),
    party: input.party,
    facts: [
      { label: { en: 'Reference', zh: '编号' }, value: r.reference },
      { label: { en: 'Title', zh: '标题' }, value: [r.title.zh, r.title.en].filter(Boolean).join(' / ') },
      { label: { en: 'Status', zh: '状态' }, value: `${status.zh} / ${status.en}` },
      {
        label: { en: 'Crime categories', zh: '犯罪类别' },
        value: categories.map((x) => `${x.zh} / ${x.en}`).join('; '),
      },
      { label: { en: 'Lead party', zh: '牵头方' }, value: r.leadParty },
      { label: { en: 'Opened', zh: '立案时间' }, value: r.createdAt },
      { label: { en: 'Summary', zh: '摘要' }, value: [r.summary.zh, r.summary.en].filter(Boolean).join('\n') },
    ],
    charts: [
      {
        kind: 'bars',
        id: 'observables',
        title: { en: 'Observables by type', zh: '可观察项（按类型）' },
        bars: [...sumTypes(c.observables)].map(([k, value]) => ({ label: { en: k, zh: k }, value })),
      },
    ],
    tables,
  });
}

function sumTypes(obs: ObservableRecord[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const o of obs) m.set(o.type, (m.get(o.type) ?? 0) + 1);
  return m;
}
