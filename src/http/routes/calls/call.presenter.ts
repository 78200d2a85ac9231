// Presenters for hotline calls and the roster: whitelisted fields only, never a stored row.
import type { CallRecord, ContactLogEntry } from '../../../domain/call/index.js';
import type { CallDetail } from '../../../services/call/get-call.js';
import type { CallView } from '../../../services/call/call-view.js';
import type { OnDuty } from '../../../services/call/who-is-on-duty.js';
import type { Roster } from '../../../services/call/list-roster.js';
import type { ShiftView } from '../../../services/call/roster-view.js';
import type { ValidationIssue } from '../../../errors.js';

function presentRecord(c: CallRecord) {
  return {
    id: c.id,
    reference: c.reference,
    fromParty: c.fromParty,
    toParty: c.toParty,
    topic: c.topic,
    urgency: c.urgency,
    message: c.message,
    language: c.language,
    callback: {
      name: c.callback.name,
      phone: c.callback.phone,
      email: c.callback.email,
      timeZone: c.callback.timeZone,
    },
    status: c.status,
    placedAt: c.placedAt,
    placedBy: c.placedBy,
    ackPeriodMs: c.ackPeriodMs,
    ackDueAt: c.ackDueAt,
    deliveredAt: c.deliveredAt,
    acknowledgedAt: c.acknowledgedAt,
    acknowledgedBy: c.acknowledgedBy,
    answeredAt: c.answeredAt,
    answeredBy: c.answeredBy,
    answer: c.answer,
    closedAt: c.closedAt,
    cancelledAt: c.cancelledAt,
    cancelReason: c.cancelReason,
    escalationLevel: c.escalationLevel,
    escalatedAt: c.escalatedAt,
    linkedRequestId: c.linkedRequestId,
    linkedCaseId: c.linkedCaseId,
    exerciseId: c.exerciseId ?? null,
    version: c.version,
  };
}

export function presentCall(v: CallView) {
  const k = v.clock;
  return {
    ...presentRecord(v.call),
    direction: v.direction,
    clock: {
      isAwaitingAck: k.isAwaitingAck,
      isOverdue: k.isOverdue,
      overdueByMs: k.overdueByMs,
      timeLeftMs: k.timeLeftMs,
      ackDueAt: k.ackDueAt,
      escalationLevel: k.escalationLevel,
      escalationRole: k.escalationRole,
      nextEscalationAt: k.nextEscalationAt,
      isProminent: k.isProminent,
      timeToAcknowledgeMs: k.timeToAcknowledgeMs,
      acknowledgedLate: k.acknowledgedLate,
    },
    allowedActions: [...v.allowedActions],
  };
}

function presentContactEntry(e: ContactLogEntry) {
  return {
    at: e.at,
    direction: e.direction,
    kind: e.kind,
    by: e.by,
    text: e.text,
    label: { en: e.label.en, zh: e.label.zh },
  };
}

export function presentCallDetail(d: CallDetail) {
  return { ...presentCall(d), contactLog: d.contactLog.map(presentContactEntry) };
}

export function presentShift(s: ShiftView) {
  return {
    id: s.id,
    userId: s.userId,
    role: s.role,
    start: s.start,
    end: s.end,
    timeZone: s.timeZone,
    officer: s.officer ? { name: s.officer.name, timeZone: s.officer.timeZone } : null,
    durationMs: s.display.durationMs,
    crossesOffsetChange: s.display.crossesOffsetChange,
    shiftZone: { ...s.display.shiftZone },
    viewerZone: { ...s.display.viewerZone },
  };
}

export function presentSavedShift(r: { shift: ShiftView; warnings: ValidationIssue[] }) {
  return {
    shift: presentShift(r.shift),
    warnings: r.warnings.map((w) => ({ path: w.path, code: w.code, message: w.message })),
  };
}

export function presentRoster(r: Roster) {
  return { from: r.from, to: r.to, viewerTimeZone: r.viewerTimeZone, shifts: r.shifts.map(presentShift), gaps: r.gaps };
}

export function presentOnDuty(d: OnDuty) {
  const onDuty = Object.fromEntries(
    Object.entries(d.onDuty).map(([role, entries]) => [
      role,
      entries.map((e) => ({ ...presentShift(e), localTimeNow: e.localTimeNow })),
    ]),
  );
  return { at: d.at, viewerTimeZone: d.viewerTimeZone, viewerTimeNow: d.viewerTimeNow, onDuty };
}
