// The triage actions each status offers are exactly those the server then accepts.
import { describe, expect, it } from 'vitest';
import { codeOf } from '../shared/test-support.js';
import { targetOf } from './status-machine.js';
import { TRIAGE_ACTIONS, canForward, canMarkDuplicate, triageActions } from './transitions.js';
import { REPORT_STATUSES } from './types.js';

describe('triage transitions', () => {
  it('offers per status the actions the page shows', () => {
    expect(Object.fromEntries(REPORT_STATUSES.map((s) => [s, triageActions(s)]))).toEqual({
      received: ['start_review', 'close'],
      under_review: ['close'],
      forwarded: ['close'],
      closed: ['reopen'],
      duplicate: ['start_review', 'close'],
    });
  });

  it('accepts an action exactly where it is offered', () => {
    for (const status of REPORT_STATUSES) {
      for (const action of TRIAGE_ACTIONS) {
        const offered = triageActions(status).includes(action);
        if (offered) expect(() => targetOf(action, status)).not.toThrow();
        else expect(codeOf(() => targetOf(action, status))).toBe('PUBLIC_REPORT_TRANSITION_INVALID');
      }
    }
  });

  it('merges only open reports into a report that is no duplicate, and forwards what is not forwarded or closed', () => {
    expect(canMarkDuplicate('received', 'under_review')).toBe(true);
    expect(canMarkDuplicate('under_review', 'forwarded')).toBe(true);
    expect(canMarkDuplicate('forwarded', 'received')).toBe(false);
    expect(canMarkDuplicate('closed', 'received')).toBe(false);
    expect(canMarkDuplicate('received', 'duplicate')).toBe(false);
    expect(REPORT_STATUSES.filter(canForward)).toEqual(['received', 'under_review', 'duplicate']);
  });
});
