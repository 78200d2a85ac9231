// Triage status of a report and what the reporter is told: internal states collapse to a few plain
// sentences, so the public status page never reveals notes, case links or other reports.
import type { Bilingual } from '../../error-types.js';
import { AppError } from '../../errors.js';
import type { ReportStatus } from './types.js';

export const TRIAGE_ACTIONS = ['start_review', 'close', 'reopen'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

const TRANSITIONS: Record<ReportStatus, readonly ReportStatus[]> = {
  received: ['under_review', 'duplicate', 'forwarded', 'closed'],
  under_review: ['duplicate', 'forwarded', 'closed'],
  duplicate: ['under_review', 'forwarded', 'closed'],
  forwarded: ['closed'],
  closed: ['under_review'],
};

const ACTION_TARGET: Record<TriageAction, ReportStatus> = { start_review: 'under_review', close: 'closed', reopen: 'under_review' };

export function canMove(from: ReportStatus, to: ReportStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function requireTransition(from: ReportStatus, to: ReportStatus): void {
  if (!canMove(from, to)) {
    throw new AppError('PUBLIC_REPORT_TRANSITION_INVALID', { details: { from, to, allowed: TRANSITIONS[from] } });
  }
}

export function targetOf(action: TriageAction, from: ReportStatus): ReportStatus {
  // "reopen" is only meaningful for a closed report; "start_review" for one not yet looked at.
  if (action === 'reopen' && from !== 'closed') throw new AppError('PUBLIC_REPORT_TRANSITION_INVALID', { details: { from, action } });
  return ACTION_TARGET[action];
}

/** The status the reporter sees: a duplicate is "being handled" with the report it was merged into. */
export type PublicStatus = 'received' | 'under_review' | 'forwarded' | 'closed';

export function publicStatusOf(status: ReportStatus): PublicStatus {
  return status === 'duplicate' ? 'under_review' : status;
}

export const PUBLIC_STATUS_TEXT: Record<PublicStatus, Bilingual> = {
  received: { en: 'We have received your report. It is waiting to be reviewed.', zh: '我们已收到您的举报，正在等待审核。' },
  under_review: { en: 'Your report is being reviewed by the police.', zh: '警方正在审核您的举报。' },
  forwarded: { en: 'Your report has been passed to investigators and is part of an investigation.', zh: '您的举报已移交侦查人员，并已纳入案件调查。' },
  closed: { en: 'The review of your report is finished. Thank you for reporting.', zh: '对您举报的审核已完成。感谢您的举报。' },
};
