// The triage status machine of a public report, without the errors that enforce it: which status a
// report may move to, which triage actions a status offers, and whether a report may be merged or
// forwarded. The server enforces these (status-machine.ts, report.ts); the triage page offers only
// what they allow, so both read this one table.
import type { ReportStatus } from './types.js';

export const TRIAGE_ACTIONS = ['start_review', 'close', 'reopen'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

export const REPORT_TRANSITIONS: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = {
  received: ['under_review', 'duplicate', 'forwarded', 'closed'],
  under_review: ['duplicate', 'forwarded', 'closed'],
  duplicate: ['under_review', 'forwarded', 'closed'],
  forwarded: ['closed'],
  closed: ['under_review'],
};

export const ACTION_TARGET: Readonly<Record<TriageAction, ReportStatus>> = {
  start_review: 'under_review',
  close: 'closed',
  reopen: 'under_review',
};

export function canMove(from: ReportStatus, to: ReportStatus): boolean {
  return REPORT_TRANSITIONS[from].includes(to);
}

/** "reopen" is for a closed report only, "start_review" for one not closed; both need the move to be allowed. */
export function actionAllowed(action: TriageAction, from: ReportStatus): boolean {
  if (action === 'reopen' && from !== 'closed') return false;
  if (action === 'start_review' && from === 'closed') return false;
  return canMove(from, ACTION_TARGET[action]);
}

/** The triage actions a report in `status` offers, in the order the page shows them. */
export function triageActions(status: ReportStatus): TriageAction[] {
  return TRIAGE_ACTIONS.filter((a) => actionAllowed(a, status));
}

/** Whether a report may be merged as a duplicate into `original` (chains are flattened: never into a duplicate). */
export function canMarkDuplicate(report: ReportStatus, original: ReportStatus): boolean {
  return original !== 'duplicate' && canMove(report, 'duplicate');
}

/** Whether a report may still be turned into (part of) a case. */
export function canForward(status: ReportStatus): boolean {
  return canMove(status, 'forwarded');
}
