// Presenters for cases, observables, tasks and the timeline: whitelisted fields only, and only
// the membership of a case for a viewer who manages it without being a member.
import type { ObservableRecord, TimelineEntry } from '../../../domain/case/index.js';
import type { AddObservablesOutcome } from '../../../services/case/add-observables.js';
import type { CaseView } from '../../../services/case/case-support.js';
import type { CaseDetail } from '../../../services/case/get-case.js';
import type { TaskView } from '../../../services/case/task-view.js';
import { presentEvidence } from './evidence.presenter.js';

function presentMembers(v: CaseView) {
  return v.record.members.map((m) => ({
    userId: m.userId,
    caseRole: m.caseRole,
    addedAt: m.addedAt,
    addedBy: m.addedBy,
  }));
}

export function presentCaseSummary(v: CaseView) {
  if (v.access !== 'full')
    return {
      id: v.record.id,
      reference: v.record.reference,
      status: v.record.status,
      access: v.access,
      updatedAt: v.record.updatedAt,
    };
  const c = v.record;
  return {
    id: c.id,
    reference: c.reference,
    title: { en: c.title.en, zh: c.title.zh },
    status: c.status,
    crimeCategories: [...c.crimeCategories],
    leadParty: c.leadParty,
    tlp: c.tlp,
    confidentiality: c.confidentiality,
    access: v.access,
    myRole: v.myRole,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function presentCase(v: CaseView) {
  const common = {
    access: v.access,
    myRole: v.myRole,
    allowedActions: [...v.allowedActions],
    members: presentMembers(v),
    version: v.record.version,
  };
  if (v.access !== 'full')
    return { id: v.record.id, reference: v.record.reference, status: v.record.status, ...common };
  const c = v.record;
  return {
    id: c.id,
    reference: c.reference,
    title: { en: c.title.en, zh: c.title.zh },
    summary: { en: c.summary.en, zh: c.summary.zh },
    crimeCategories: [...c.crimeCategories],
    status: c.status,
    statusReason: c.statusReason,
    leadParty: c.leadParty,
    originParty: c.originParty,
    participatingParties: [...c.participatingParties],
    linkedRequestIds: [...c.linkedRequestIds],
    linkedCallIds: [...c.linkedCallIds],
    tlp: c.tlp,
    confidentiality: c.confidentiality,
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    updatedAt: c.updatedAt,
    closedAt: c.closedAt,
    sharedFrom: c.sharedFrom
      ? {
          party: c.sharedFrom.party,
          caseId: c.sharedFrom.caseId,
          firstReceivedAt: c.sharedFrom.firstReceivedAt,
          lastReceivedAt: c.sharedFrom.lastReceivedAt,
        }
      : null,
    ...common,
  };
}

export function presentObservable(o: ObservableRecord) {
  return {
    id: o.id,
    caseId: o.caseId,
    type: o.type,
    value: o.value,
    display: o.display,
    subtype: o.subtype,
    flags: [...o.flags],
    attributes: { ...o.attributes },
    related: o.related.map((r) => ({ type: r.type, value: r.value })),
    tlp: o.tlp,
    sources: o.sources.map((s) => ({
      party: s.party,
      ref: s.ref,
      tlp: s.tlp,
      namedRecipients: [...s.namedRecipients],
      at: s.at,
    })),
    tags: [...o.tags],
    note: o.note,
    firstSeenAt: o.firstSeenAt,
    lastSeenAt: o.lastSeenAt,
    createdAt: o.createdAt,
    createdBy: o.createdBy,
    updatedAt: o.updatedAt,
    version: o.version,
  };
}

export function presentObservableOutcome(r: AddObservablesOutcome) {
  return {
    added: r.added.map(presentObservable),
    merged: r.merged.map(presentObservable),
    duplicates: r.duplicates.map((d) => ({ key: d.key, keptId: d.keptId })),
    rejected: r.rejected.map((x) => ({
      index: x.index,
      value: x.value,
      issues: x.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })),
    })),
  };
}

export function presentTask(v: TaskView) {
  const t = v.record;
  return {
    id: t.id,
    caseId: t.caseId,
    title: t.title,
    description: t.description,
    assigneeUserId: t.assigneeUserId,
    dueAt: t.dueAt,
    status: t.status,
    createdAt: t.createdAt,
    createdBy: t.createdBy,
    updatedAt: t.updatedAt,
    completedAt: t.completedAt,
    cancelledAt: t.cancelledAt,
    version: t.version,
    dueState: v.dueState,
    isOverdue: v.isOverdue,
    allowedActions: [...v.allowedActions],
  };
}

export function presentTimelineEntry(e: TimelineEntry) {
  return {
    at: e.at,
    kind: e.kind,
    actor: e.actor,
    summary: { en: e.summary.en, zh: e.summary.zh },
    ref: { type: e.ref.type, id: e.ref.id },
  };
}

export function presentCaseDetail(d: CaseDetail) {
  const content = d.content;
  const base = presentCase(d);
  return {
    ...base,
    members: base.members.map((m) => ({ ...m, displayName: d.memberNames[m.userId] ?? null })),
    ...(content
      ? {
          observables: content.observables.map(presentObservable),
          evidence: content.evidence.map(presentEvidence),
          tasks: content.tasks.map(presentTask),
          timeline: content.timeline.map(presentTimelineEntry),
        }
      : {}),
  };
}
