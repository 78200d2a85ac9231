// Presenters for meetings, outcomes, action items and their history: whitelisted fields only.
import type { Meeting, MeetingProgress, Outcome, ProgressCounts } from '../../../domain/dialogue/index.js';
import type { ActionItemView, MeetingView } from '../../../services/dialogue/dialogue-view.js';
import type { MeetingDetail } from '../../../services/dialogue/get-meeting.js';
import type { RecordEventRow } from '../../../storage/repositories/record-event.repository.js';

const bi = (b: { en: string; zh: string }) => ({ en: b.en, zh: b.zh });
const counts = (c: ProgressCounts) => ({
  total: c.total,
  done: c.done,
  dropped: c.dropped,
  open: c.open,
  inProgress: c.inProgress,
  overdue: c.overdue,
});

function presentProgress(p: MeetingProgress) {
  return {
    ...counts(p),
    completionRate: p.completionRate,
    byParty: Object.fromEntries(Object.entries(p.byParty).map(([party, c]) => [party, counts(c)])),
  };
}

function presentMeetingRecord(m: Meeting) {
  return {
    id: m.id,
    title: bi(m.title),
    kind: m.kind,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    location: m.location,
    parties: [...m.parties],
    participants: m.participants.map((p) => ({ party: p.party, name: p.name, title: p.title })),
    agenda: m.agenda.map(bi),
    status: m.status,
    heldAt: m.heldAt,
    minutesAgreedBy: [...m.minutesAgreedBy],
    minutesAgreedAt: m.minutesAgreedAt,
    cancelledAt: m.cancelledAt,
    cancelReason: m.cancelReason,
    createdBy: m.createdBy,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    version: m.version,
  };
}

export function presentMeeting(v: MeetingView) {
  return {
    ...presentMeetingRecord(v.meeting),
    allowedActions: [...v.allowedActions],
    progress: presentProgress(v.progress),
  };
}

export function presentOutcome(o: Outcome) {
  return {
    id: o.id,
    meetingId: o.meetingId,
    text: bi(o.text),
    recordedBy: o.recordedBy,
    recordedAt: o.recordedAt,
    updatedAt: o.updatedAt,
    version: o.version,
  };
}

export function presentActionItem(v: ActionItemView) {
  const a = v.item;
  return {
    id: a.id,
    meetingId: a.meetingId,
    outcomeId: a.outcomeId,
    title: bi(a.title),
    ownerParty: a.ownerParty,
    ownerName: a.ownerName,
    dueDate: a.dueDate,
    status: a.status,
    dropReason: a.dropReason,
    parties: [...a.parties],
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    startedAt: a.startedAt,
    completedAt: a.completedAt,
    droppedAt: a.droppedAt,
    reopenedAt: a.reopenedAt,
    reopenCount: a.reopenCount,
    updatedAt: a.updatedAt,
    version: a.version,
    clock: { ...v.clock },
    allowedActions: [...v.allowedActions],
  };
}

function presentHistoryEntry(e: RecordEventRow) {
  return {
    id: e.id,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    at: e.at,
    type: e.type,
    actorLabel: e.actorLabel,
    party: e.party,
    data: e.data,
  };
}

export function presentMeetingDetail(d: MeetingDetail) {
  return {
    ...presentMeeting(d),
    outcomes: d.outcomes.map(presentOutcome),
    actionItems: d.actionItems.map(presentActionItem),
    history: d.history.map(presentHistoryEntry),
  };
}
