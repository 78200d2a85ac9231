// Status and urgency badges with one colour language across requests, calls, cases and meetings.
import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'violet';

export function Badge({ tone = 'neutral', children, dot }: { tone?: Tone; children: ReactNode; dot?: boolean }) {
  return (
    <span className={`badge ${tone}`}>
      {dot && <span className="dot" aria-hidden="true" />}
      {children}
    </span>
  );
}

const REQUEST_TONES: Record<string, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  acknowledged: 'info',
  needs_information: 'warning',
  accepted: 'violet',
  declined: 'danger',
  approval_pending: 'warning',
  in_progress: 'violet',
  partially_fulfilled: 'violet',
  fulfilled: 'success',
  closed: 'neutral',
  withdrawn: 'neutral',
};
const CALL_TONES: Record<string, Tone> = {
  placed: 'warning',
  delivered: 'warning',
  acknowledged: 'info',
  answered: 'success',
  closed: 'neutral',
  cancelled: 'neutral',
};
const URGENCY_TONES: Record<string, Tone> = { routine: 'neutral', urgent: 'warning', emergency: 'danger' };
const GENERIC_TONES: Record<string, Tone> = {
  open: 'info',
  active: 'violet',
  suspended: 'warning',
  closed: 'neutral',
  planned: 'info',
  held: 'violet',
  minutes_agreed: 'success',
  cancelled: 'neutral',
  in_progress: 'violet',
  done: 'success',
  dropped: 'neutral',
  todo: 'info',
  completed: 'success',
  pending: 'warning',
  suspended_peer: 'warning',
  removed: 'neutral',
};

export const requestTone = (status: string): Tone => REQUEST_TONES[status] ?? 'neutral';
export const callTone = (status: string): Tone => CALL_TONES[status] ?? 'neutral';
export const urgencyTone = (urgency: string): Tone => URGENCY_TONES[urgency] ?? 'neutral';
export const genericTone = (status: string): Tone => GENERIC_TONES[status] ?? 'neutral';
