// Builds the period (or per-peer) statistics report from facts read out of storage: status counts,
// time-to-acknowledge / time-to-fulfil percentiles, SLA compliance, hotline response times,
// preservation expiries and the per-peer breakdown. Pure: `now` is passed in.
import type { Bilingual } from '../../error-types.js';
import { CALL_STATUS_LABELS } from '../call/types.js';
import { CASE_STATUS_LABELS } from '../case/case-types.js';
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS } from '../request/labels.js';
import { localDate } from '../shared/human-time.js';
import { DAY_MS } from '../shared/time.js';
import type { ReportPeriod } from './period.js';
import { spanMs, summarizeDurations } from './percentiles.js';
import { withValueLabels } from './value-labels.js';
import { col, labelOf, type Cell, type ReportChart, type ReportDocument, type ReportTable } from './report-model.js';
import { requestAckOutcome, requestResponseOutcome } from './request-deadlines.js';
import { deadlineOutcome, summarizeSla, type DeadlineOutcome } from './sla.js';

export type Direction = 'outgoing' | 'incoming';

export type RequestCount = { direction: Direction; type: string; status: string; count: number };
export type CallCount = { direction: Direction; urgency: string; status: string; count: number };
export type CaseCount = { status: string; category: string; count: number };

/** One submitted, real (non-exercise) request of the period, reduced to what timing and SLA need. */
export type RequestTiming = {
  direction: Direction;
  counterpart: string;
  status: string;
  submittedAt: string;
  acknowledgedAt: string | null;
  fulfilledAt: string | null;
  declinedAt: string | null;
  ackDueAt: string | null;
  responseDueAt: string | null;
};

export type CallTiming = {
  direction: Direction;
  counterpart: string;
  urgency: string;
  status: string;
  placedAt: string;
  acknowledgedAt: string | null;
  ackDueAt: string;
};

export type PreservationFact = {
  reference: string;
  direction: Direction;
  counterpart: string;
  status: string;
  expiresAt: string;
  renewalCount: number;
};

/** One party's result in one exercise (from the exercise area's scoring; kept out of every real figure). */
export type ExerciseResultRow = {
  exercise: string;
  startedAt: string;
  party: string;
  score: number | null;
  injects: number;
  met: number;
  missed: number;
};

export type PeriodFacts = {
  party: string;
  peer: string | null;
  peerNames: Record<string, Bilingual>;
  requestCounts: RequestCount[];
  requestTimings: RequestTiming[];
  callCounts: CallCount[];
  callTimings: CallTiming[];
  /** Cases by status and category count a case once per category; this is the number of cases. */
  caseCounts: CaseCount[];
  caseTotal: number;
  preservations: PreservationFact[];
  /** Absent when the exercise area publishes no results on this node. */
  exercises?: ExerciseResultRow[];
};

const CALL_ACK_OPEN = ['placed', 'delivered'];
const PRESERVATION_OVER = ['declined', 'closed', 'withdrawn'];
const EXPIRY_WINDOW_DAYS = 30;

export const DIRECTION_LABELS: Record<Direction, Bilingual> = {
  outgoing: { en: 'Outgoing', zh: '发出' },
  incoming: { en: 'Incoming', zh: '收到' },
};

export function callAckOutcome(c: CallTiming, now: Date): DeadlineOutcome {
  return deadlineOutcome(
    { dueAt: c.ackDueAt, doneAt: c.acknowledgedAt, isOpen: CALL_ACK_OPEN.includes(c.status) },
    now,
  );
}

export type PreservationState = 'active' | 'expiring' | 'expired';

/** Whole days left (rounded up) and whether the preservation is running, ends within 30 days, or lapsed unrenewed. */
export function preservationState(
  p: PreservationFact,
  now: Date,
): { state: PreservationState; daysLeft: number } | null {
  if (PRESERVATION_OVER.includes(p.status)) return null;
  const left = Date.parse(p.expiresAt) - now.getTime();
  const daysLeft = Math.ceil(left / DAY_MS);
  if (left <= 0) return { state: 'expired', daysLeft };
  return { state: daysLeft <= EXPIRY_WINDOW_DAYS ? 'expiring' : 'active', daysLeft };
}

const rate = (r: number | null): Cell => (r === null ? null : Math.round(r * 10_000) / 10_000);

function timingTable(timings: RequestTiming[]): ReportTable {
  const rows: Cell[][] = [];
  for (const direction of ['outgoing', 'incoming'] as const) {
    const mine = timings.filter((t) => t.direction === direction);
    const ack = summarizeDurations(
      mine.map((t) => spanMs(t.submittedAt, t.acknowledgedAt)).filter((x): x is number => x !== null),
    );
    const ful = summarizeDurations(
      mine.map((t) => spanMs(t.submittedAt, t.fulfilledAt)).filter((x): x is number => x !== null),
    );
    rows.push([direction, 'time_to_acknowledge', ack.count, ack.p50Ms, ack.p90Ms, ack.p95Ms]);
    rows.push([direction, 'time_to_fulfil', ful.count, ful.p50Ms, ful.p90Ms, ful.p95Ms]);
  }
  return {
    id: 'request_times',
    title: { en: 'Request response times', zh: '协助请求响应时间' },
    columns: [
      col('direction', 'Direction', '方向', 'code'),
      col('metric', 'Metric', '指标', 'code'),
      col('count', 'Count', '数量', 'count'),
      col('p50_ms', 'p50', '中位数', 'duration'),
      col('p90_ms', 'p90', '第90百分位', 'duration'),
      col('p95_ms', 'p95', '第95百分位', 'duration'),
    ],
    rows,
  };
}

function slaTable(timings: RequestTiming[], calls: CallTiming[], now: Date): ReportTable {
  const rows: Cell[][] = [];
  for (const direction of ['outgoing', 'incoming'] as const) {
    const mine = timings.filter((t) => t.direction === direction);
    for (const [clock, outcome] of [
      ['acknowledge', requestAckOutcome],
      ['respond', requestResponseOutcome],
    ] as const) {
      const s = summarizeSla(mine.map((t) => outcome(t, now)));
      rows.push(['request', direction, clock, s.met, s.missed, s.pending, rate(s.rate)]);
    }
    const s = summarizeSla(calls.filter((c) => c.direction === direction).map((c) => callAckOutcome(c, now)));
    rows.push(['call', direction, 'acknowledge', s.met, s.missed, s.pending, rate(s.rate)]);
  }
  return {
    id: 'sla_compliance',
    title: { en: 'SLA compliance (deadlines the records carried)', zh: '时限遵守情况（按记录所载时限）' },
    columns: [
      col('record', 'Record', '记录', 'code'),
      col('direction', 'Direction', '方向', 'code'),
      col('clock', 'Deadline', '时限', 'code'),
      col('met', 'Met', '按时', 'count'),
      col('missed', 'Missed', '逾期', 'count'),
      col('pending', 'Pending', '未到期', 'count'),
      col('compliance', 'Compliance', '遵守率', 'rate'),
    ],
    rows,
  };
}

function hotlineTable(calls: CallTiming[], now: Date): ReportTable {
  const rows: Cell[][] = [];
  for (const direction of ['incoming', 'outgoing'] as const) {
    for (const urgency of ['emergency', 'urgent', 'routine']) {
      const mine = calls.filter((c) => c.direction === direction && c.urgency === urgency);
      const d = summarizeDurations(
        mine.map((c) => spanMs(c.placedAt, c.acknowledgedAt)).filter((x): x is number => x !== null),
      );
      const s = summarizeSla(mine.map((c) => callAckOutcome(c, now)));
      rows.push([direction, urgency, mine.length, d.count, d.p50Ms, d.p90Ms, d.p95Ms, rate(s.rate)]);
    }
  }
  return {
    id: 'hotline_times',
    title: { en: 'Hotline time to acknowledge by urgency', zh: '热线按紧急程度的确认时间' },
    columns: [
      col('direction', 'Direction', '方向', 'code'),
      col('urgency', 'Urgency', '紧急程度', 'code'),
      col('calls', 'Calls', '呼叫数', 'count'),
      col('acknowledged', 'Acknowledged', '已确认', 'count'),
      col('p50_ms', 'p50', '中位数', 'duration'),
      col('p90_ms', 'p90', '第90百分位', 'duration'),
      col('p95_ms', 'p95', '第95百分位', 'duration'),
      col('compliance', 'Compliance', '遵守率', 'rate'),
    ],
    rows,
  };
}

function preservationTable(list: PreservationFact[], now: Date): ReportTable {
  const rows = list
    .map((p) => ({ p, s: preservationState(p, now) }))
    .filter((x): x is { p: PreservationFact; s: NonNullable<ReturnType<typeof preservationState>> } => x.s !== null)
    .sort((a, b) => a.p.expiresAt.localeCompare(b.p.expiresAt))
    .map(({ p, s }): Cell[] => [
      p.reference,
      p.direction,
      p.counterpart,
      p.expiresAt,
      s.daysLeft,
      s.state,
      p.renewalCount,
    ]);
  return {
    id: 'preservations',
    title: { en: 'Preservations and their expiry', zh: '数据保全及到期情况' },
    columns: [
      col('reference', 'Reference', '编号'),
      col('direction', 'Direction', '方向', 'code'),
      col('party', 'Party', '对方', 'code'),
      col('expires_at', 'Expires', '到期时间', 'instant'),
      col('days_left', 'Days left', '剩余天数', 'count'),
      col('state', 'State', '状态', 'code'),
      col('renewals', 'Renewals', '续期次数', 'count'),
    ],
    rows,
  };
}

function peerTable(facts: PeriodFacts, now: Date): ReportTable {
  const parties = new Set<string>([
    ...facts.requestTimings.map((t) => t.counterpart),
    ...facts.callTimings.map((c) => c.counterpart),
  ]);
  const rows = [...parties].sort().map((party): Cell[] => {
    const reqs = facts.requestTimings.filter((t) => t.counterpart === party);
    const calls = facts.callTimings.filter((c) => c.counterpart === party);
    const ack = summarizeDurations(
      reqs.map((t) => spanMs(t.submittedAt, t.acknowledgedAt)).filter((x): x is number => x !== null),
    );
    const ful = summarizeDurations(
      reqs.map((t) => spanMs(t.submittedAt, t.fulfilledAt)).filter((x): x is number => x !== null),
    );
    const sla = summarizeSla([
      ...reqs.flatMap((t) => [requestAckOutcome(t, now), requestResponseOutcome(t, now)]),
      ...calls.map((c) => callAckOutcome(c, now)),
    ]);
    const name = facts.peerNames[party];
    return [
      party,
      name ? (name.zh && name.zh !== name.en ? `${name.zh} / ${name.en}` : name.en) : party,
      reqs.filter((t) => t.direction === 'outgoing').length,
      reqs.filter((t) => t.direction === 'incoming').length,
      calls.length,
      ack.p50Ms,
      ful.p50Ms,
      sla.met,
      sla.missed,
      rate(sla.rate),
    ];
  });
  return {
    id: 'peers',
    title: { en: 'Per peer', zh: '按合作方' },
    columns: [
      col('party', 'Party', '合作方', 'code'),
      col('name', 'Name (both languages)', '名称（中英文）'),
      col('requests_outgoing', 'Requests sent', '发出请求', 'count'),
      col('requests_incoming', 'Requests received', '收到请求', 'count'),
      col('calls', 'Calls', '热线呼叫', 'count'),
      col('ack_p50_ms', 'Ack p50', '确认中位数', 'duration'),
      col('fulfil_p50_ms', 'Fulfil p50', '完成中位数', 'duration'),
      col('met', 'Deadlines met', '按时', 'count'),
      col('missed', 'Deadlines missed', '逾期', 'count'),
      col('compliance', 'Compliance', '遵守率', 'rate'),
    ],
    rows,
  };
}

function countTables(facts: PeriodFacts): ReportTable[] {
  const byKey = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
  return [
    {
      id: 'requests_by_status',
      title: { en: 'Requests for assistance by type and status', zh: '协助请求（按类型和状态）' },
      columns: [
        col('direction', 'Direction', '方向', 'code'),
        col('type', 'Type', '类型', 'code'),
        col('status', 'Status', '状态', 'code'),
        col('count', 'Count', '数量', 'count'),
      ],
      rows: byKey(facts.requestCounts, (c) => `${c.direction}|${c.type}|${c.status}`).map((c) => [
        c.direction,
        c.type,
        c.status,
        c.count,
      ]),
    },
    {
      id: 'calls_by_status',
      title: { en: 'Hotline calls by urgency and status', zh: '热线呼叫（按紧急程度和状态）' },
      columns: [
        col('direction', 'Direction', '方向', 'code'),
        col('urgency', 'Urgency', '紧急程度', 'code'),
        col('status', 'Status', '状态', 'code'),
        col('count', 'Count', '数量', 'count'),
      ],
      rows: byKey(facts.callCounts, (c) => `${c.direction}|${c.urgency}|${c.status}`).map((c) => [
        c.direction,
        c.urgency,
        c.status,
        c.count,
      ]),
    },
    {
      id: 'cases_by_status',
      title: { en: 'Cases by status and crime category', zh: '案件（按状态和犯罪类别）' },
      columns: [
        col('status', 'Status', '状态', 'code'),
        col('category', 'Category', '犯罪类别', 'code'),
        col('count', 'Count', '数量', 'count'),
      ],
      rows: byKey(facts.caseCounts, (c) => `${c.status}|${c.category}`).map((c) => [c.status, c.category, c.count]),
    },
  ];
}

function sumBy<T>(xs: T[], key: (x: T) => string, value: (x: T) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + value(x));
  return m;
}

function charts(facts: PeriodFacts, now: Date): ReportChart[] {
  const byStatus = sumBy(
    facts.requestCounts,
    (c) => c.status,
    (c) => c.count,
  );
  const byType = sumBy(
    facts.requestCounts,
    (c) => c.type,
    (c) => c.count,
  );
  const callStatus = sumBy(
    facts.callCounts,
    (c) => c.status,
    (c) => c.count,
  );
  const caseStatus = sumBy(
    facts.caseCounts,
    (c) => c.status,
    (c) => c.count,
  );
  const times = (direction: Direction, pick: (t: RequestTiming) => string | null) =>
    summarizeDurations(
      facts.requestTimings
        .filter((t) => t.direction === direction)
        .map((t) => spanMs(t.submittedAt, pick(t)))
        .filter((x): x is number => x !== null),
    );
  const series = (['outgoing', 'incoming'] as const).flatMap((d) => [
    {
      label: { en: `${DIRECTION_LABELS[d].en}: to acknowledge`, zh: `${DIRECTION_LABELS[d].zh}：确认` },
      ...times(d, (t) => t.acknowledgedAt),
    },
    {
      label: { en: `${DIRECTION_LABELS[d].en}: to fulfil`, zh: `${DIRECTION_LABELS[d].zh}：完成` },
      ...times(d, (t) => t.fulfilledAt),
    },
  ]);
  const slaItems = (['outgoing', 'incoming'] as const).flatMap((d) => {
    const mine = facts.requestTimings.filter((t) => t.direction === d);
    return [
      {
        label: { en: `${DIRECTION_LABELS[d].en} requests: acknowledge`, zh: `${DIRECTION_LABELS[d].zh}请求：确认` },
        ...summarizeSla(mine.map((t) => requestAckOutcome(t, now))),
      },
      {
        label: { en: `${DIRECTION_LABELS[d].en} requests: respond`, zh: `${DIRECTION_LABELS[d].zh}请求：答复` },
        ...summarizeSla(mine.map((t) => requestResponseOutcome(t, now))),
      },
      {
        label: { en: `${DIRECTION_LABELS[d].en} calls: acknowledge`, zh: `${DIRECTION_LABELS[d].zh}呼叫：确认` },
        ...summarizeSla(facts.callTimings.filter((c) => c.direction === d).map((c) => callAckOutcome(c, now))),
      },
    ];
  });
  return [
    {
      kind: 'bars',
      id: 'requests_by_status',
      title: { en: 'Requests for assistance by status', zh: '协助请求（按状态）' },
      bars: [...byStatus].map(([k, value]) => ({ label: labelOf(REQUEST_STATUS_LABELS, k), value })),
    },
    {
      kind: 'bars',
      id: 'requests_by_type',
      title: { en: 'Requests for assistance by type', zh: '协助请求（按类型）' },
      bars: [...byType].map(([k, value]) => ({ label: labelOf(REQUEST_TYPE_LABELS, k), value })),
    },
    {
      kind: 'percentiles',
      id: 'request_times',
      title: { en: 'Time to acknowledge and to fulfil', zh: '确认与完成所需时间' },
      series,
    },
    { kind: 'sla', id: 'sla', title: { en: 'SLA compliance', zh: '时限遵守率' }, items: slaItems },
    {
      kind: 'bars',
      id: 'calls_by_status',
      title: { en: 'Hotline calls by status', zh: '热线呼叫（按状态）' },
      bars: [...callStatus].map(([k, value]) => ({ label: labelOf(CALL_STATUS_LABELS, k), value })),
    },
    {
      kind: 'bars',
      id: 'cases_by_status',
      title: { en: 'Cases by status', zh: '案件（按状态）' },
      bars: [...caseStatus].map(([k, value]) => ({ label: labelOf(CASE_STATUS_LABELS, k), value })),
    },
  ];
}

function exerciseTable(rows: ExerciseResultRow[]): ReportTable {
  return {
    id: 'exercises',
    title: { en: 'Exercise results (kept apart from real statistics)', zh: '演练结果（不计入实际统计）' },
    columns: [
      col('exercise', 'Exercise', '演练'),
      col('started_at', 'Started', '开始时间', 'instant'),
      col('party', 'Party', '参演方', 'code'),
      col('score', 'Score (0–100)', '得分（0–100）', 'count'),
      col('injects', 'Injects', '情景注入', 'count'),
      col('met', 'Deadlines met', '按时', 'count'),
      col('missed', 'Deadlines missed', '逾期', 'count'),
    ],
    rows: rows.map((r) => [r.exercise, r.startedAt, r.party, r.score, r.injects, r.met, r.missed]),
  };
}

/** `2026-Q3 (2026-07-01 – 2026-09-30, Asia/Shanghai)`: the days the period covers, the last one included. */
export function periodText(period: ReportPeriod): string {
  const last = new Date(Date.parse(period.to) - 1);
  return `${period.label} (${localDate(period.from, period.timeZone)} – ${localDate(last, period.timeZone)}, ${period.timeZone})`;
}

export function buildPeriodReport(facts: PeriodFacts, period: ReportPeriod, now: Date): ReportDocument {
  const total = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
  const peerName = facts.peer ? (facts.peerNames[facts.peer] ?? { en: facts.peer, zh: facts.peer }) : null;
  const tables = [
    ...countTables(facts),
    timingTable(facts.requestTimings),
    hotlineTable(facts.callTimings, now),
    slaTable(facts.requestTimings, facts.callTimings, now),
    preservationTable(facts.preservations, now),
    peerTable(facts, now),
  ];
  if (facts.exercises) tables.push(exerciseTable(facts.exercises));
  return withValueLabels(
    {
      kind: facts.peer ? 'peer' : 'period',
      title: peerName
        ? {
            en: `Cooperation with ${peerName.en}: statistics ${period.label}`,
            zh: `与${peerName.zh}的合作：${period.label} 统计报表`,
          }
        : { en: `Statistics report ${period.label}`, zh: `${period.label} 统计报表` },
      subject: period.label,
      generatedAt: now.toISOString(),
      party: facts.party,
      facts: [
        { label: { en: 'Period', zh: '期间' }, value: periodText(period) },
        ...(peerName
          ? [
              {
                label: { en: 'Peer', zh: '合作方' },
                value: peerName.zh && peerName.zh !== peerName.en ? `${peerName.zh} / ${peerName.en}` : peerName.en,
                text: peerName,
              },
            ]
          : []),
        { label: { en: 'Requests for assistance', zh: '协助请求' }, value: String(total(facts.requestCounts)) },
        { label: { en: 'Hotline calls', zh: '热线呼叫' }, value: String(total(facts.callCounts)) },
        { label: { en: 'Cases opened', zh: '新立案件' }, value: String(facts.caseTotal) },
      ],
      charts: charts(facts, now),
      tables,
    },
    facts.peerNames,
  );
}
