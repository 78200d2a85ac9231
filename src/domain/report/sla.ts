// SLA compliance (docs/spec.md §10.4): was each deadline a record carried met? Only the deadlines stored
// on the record count (defaults or agreed overrides, moved by information pauses), never today's config.

export type DeadlineOutcome = 'met' | 'missed' | 'pending' | 'not_applicable';

export type DeadlineFact = {
  /** The deadline the record carried; null when none applied. */
  dueAt: string | null;
  /** When the obligation was done (acknowledged, fulfilled...); null if not (yet). */
  doneAt: string | null;
  /** Whether the record still waits for it (false once withdrawn, closed, cancelled without it). */
  isOpen: boolean;
};

/**
 * Met: done at or before the deadline. Missed: done late, or still open past it.
 * Pending: open and not yet due. Not applicable: no deadline, or the record stopped waiting in time.
 */
export function deadlineOutcome(f: DeadlineFact, now: Date): DeadlineOutcome {
  if (f.dueAt === null) return 'not_applicable';
  const due = Date.parse(f.dueAt);
  if (f.doneAt !== null) return Date.parse(f.doneAt) <= due ? 'met' : 'missed';
  if (!f.isOpen) return 'not_applicable';
  return now.getTime() >= due ? 'missed' : 'pending';
}

export type SlaSummary = { met: number; missed: number; pending: number; total: number; rate: number | null };

/** Compliance = met / (met + missed); pending deadlines are shown but do not count yet. */
export function summarizeSla(outcomes: readonly DeadlineOutcome[]): SlaSummary {
  let met = 0;
  let missed = 0;
  let pending = 0;
  for (const o of outcomes) {
    if (o === 'met') met += 1;
    else if (o === 'missed') missed += 1;
    else if (o === 'pending') pending += 1;
  }
  const decided = met + missed;
  return { met, missed, pending, total: decided + pending, rate: decided ? met / decided : null };
}
