// Triage status of a report and what the reporter is told: internal states collapse to a few plain
// sentences, so the public status page never reveals notes, case links or other reports.
import type { Bilingual } from '../../error-types.js';
import { AppError } from '../../errors.js';
import {
  ACTION_TARGET,
  REPORT_TRANSITIONS,
  actionAllowed,
  canMove,
  triageActions,
  type TriageAction,
} from './transitions.js';
import type { ReportStatus } from './types.js';

export {
  TRIAGE_ACTIONS,
  canForward,
  canMarkDuplicate,
  canMove,
  triageActions,
  type TriageAction,
} from './transitions.js';

export function requireTransition(from: ReportStatus, to: ReportStatus): void {
  if (!canMove(from, to)) {
    throw new AppError('PUBLIC_REPORT_TRANSITION_INVALID', {
      details: { from, to, allowed: REPORT_TRANSITIONS[from] },
    });
  }
}

/** The status an action moves a report to; refused unless the status offers that action (transitions.ts). */
export function targetOf(action: TriageAction, from: ReportStatus): ReportStatus {
  if (!actionAllowed(action, from))
    throw new AppError('PUBLIC_REPORT_TRANSITION_INVALID', { details: { from, action, allowed: triageActions(from) } });
  return ACTION_TARGET[action];
}

/** The status the reporter sees: a duplicate is "being handled" with the report it was merged into. */
export type PublicStatus = 'received' | 'under_review' | 'forwarded' | 'closed';

export function publicStatusOf(status: ReportStatus): PublicStatus {
  return status === 'duplicate' ? 'under_review' : status;
}

export const PUBLIC_STATUS_TEXT: Record<PublicStatus, Bilingual> = {
  received: {
    en: 'We have received your report. It is waiting to be reviewed.',
    zh: '我们已收到您的举报，正在等待审核。',
  },
  under_review: { en: 'Your report is being reviewed by the police.', zh: '警方正在审核您的举报。' },
  forwarded: {
    en: 'Your report has been passed to investigators and is part of an investigation.',
    zh: '您的举报已移交侦查人员，并已纳入案件调查。',
  },
  closed: {
    en: 'The review of your report is finished. Thank you for reporting.',
    zh: '对您举报的审核已完成。感谢您的举报。',
  },
};
