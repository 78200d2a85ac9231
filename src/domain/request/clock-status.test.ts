// Evaluating stored deadlines at any `now`: overdue, escalation, reminders, lapse, and exactly-once clock events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS, addMs } from '../shared/time.js';
import { clockEventToRequestEvent, dueClockEvents, evaluateClocks } from './clock-status.js';
import { applyRequestAction } from './state-machine.js';
import { at, draft, recordIn, requested, requester, validContent, walk } from './test-fixtures.js';
import type { RequestRecord } from './types.js';

/** Urgent content-data request submitted at minute 0: ack due +24 h, response due +7 days. */
function urgent(): RequestRecord {
  const d = draft({ ...validContent('content_data'), urgency: 'urgent' });
  return applyRequestAction(d, 'submit', requester, at(0)).record;
}
const plus = (r: RequestRecord, ms: number): Date => addMs(r.submittedAt!, ms);
const keys = (r: RequestRecord, now: Date, fired: string[] = []) => dueClockEvents(r, now, fired).map((e) => e.key);

describe('acknowledgement clock', () => {
  const r = urgent();
  const ackDue = r.clocks.ackDueAt!;

  it('is not overdue before the deadline', () => {
    const s = evaluateClocks(r, plus(r, 24 * HOUR_MS - 1));
    expect(s).toMatchObject({
      ackOverdue: false,
      responseOverdue: false,
      escalationLevel: 0,
      nextDeadlineAt: ackDue,
      nextEventAt: ackDue,
    });
  });

  it('is overdue from the deadline on and escalates to the supervisor', () => {
    const s = evaluateClocks(r, new Date(ackDue));
    expect(s).toMatchObject({ ackOverdue: true, escalationLevel: 1 });
    // Next change: second escalation once late by the clock's own period (24 h more).
    expect(s.nextEventAt).toBe(plus(r, 48 * HOUR_MS).toISOString());
    expect(s.nextDeadlineAt).toBe(r.clocks.responseDueAt);
  });

  it('escalates to the head of unit when late by the same period again', () => {
    expect(evaluateClocks(r, plus(r, 48 * HOUR_MS - 1)).escalationLevel).toBe(1);
    expect(evaluateClocks(r, plus(r, 48 * HOUR_MS)).escalationLevel).toBe(2);
  });

  it('stops once acknowledged, and records that the acknowledgement was late', () => {
    const acked = applyRequestAction(r, 'acknowledge', requested, plus(r, 30 * HOUR_MS)).record;
    const s = evaluateClocks(acked, plus(r, 50 * HOUR_MS));
    expect(s).toMatchObject({ ackOverdue: false, ackWasLate: true, escalationLevel: 0 });
    const onTime = applyRequestAction(r, 'acknowledge', requested, plus(r, HOUR_MS)).record;
    expect(evaluateClocks(onTime, plus(r, 2 * HOUR_MS)).ackWasLate).toBe(false);
  });
});

describe('response clock', () => {
  const r = walk(urgent(), ['acknowledge', 'accept', 'start_work']);
  const due = Date.parse(r.clocks.responseDueAt!);

  it('runs while the requested party works and escalates like the ack clock', () => {
    expect(evaluateClocks(r, new Date(due - 1)).responseOverdue).toBe(false);
    expect(evaluateClocks(r, new Date(due))).toMatchObject({ responseOverdue: true, escalationLevel: 1 });
    expect(evaluateClocks(r, new Date(due + 7 * DAY_MS)).escalationLevel).toBe(2);
  });

  it('stops when fulfilled; a late fulfilment is recorded', () => {
    const late = applyRequestAction(r, 'fulfil', requested, new Date(due + HOUR_MS)).record;
    expect(evaluateClocks(late, new Date(due + 30 * DAY_MS))).toMatchObject({
      responseOverdue: false,
      responseWasLate: true,
      escalationLevel: 0,
      nextDeadlineAt: null,
      nextEventAt: null,
    });
  });

  it('keeps running after a partial delivery', () => {
    const partial = applyRequestAction(r, 'partially_fulfil', requested, at(10)).record;
    expect(evaluateClocks(partial, new Date(due)).responseOverdue).toBe(true);
  });

  it('stops when declined or withdrawn', () => {
    const declined = applyRequestAction(r, 'decline', requested, at(10), { reason: 'x' }).record;
    const withdrawn = applyRequestAction(r, 'withdraw', requester, at(10), { reason: 'x' }).record;
    for (const x of [declined, withdrawn]) {
      expect(evaluateClocks(x, new Date(due + 30 * DAY_MS))).toMatchObject({
        responseOverdue: false,
        escalationLevel: 0,
      });
      expect(dueClockEvents(x, new Date(due + 30 * DAY_MS), [])).toEqual([]);
    }
  });

  it('a draft has no clocks', () => {
    expect(evaluateClocks(draft(), at(100_000))).toMatchObject({
      escalationLevel: 0,
      nextDeadlineAt: null,
      preservationActive: false,
    });
  });
});

describe('information pause', () => {
  it('freezes ack and response clocks while waiting for the requester', () => {
    const r = urgent();
    const paused = applyRequestAction(r, 'request_information', requested, plus(r, HOUR_MS), { questions: 'q' }).record;
    const s = evaluateClocks(paused, plus(r, 60 * DAY_MS));
    expect(s).toMatchObject({
      paused: true,
      ackOverdue: false,
      responseOverdue: false,
      escalationLevel: 0,
      nextEventAt: null,
    });
    expect(dueClockEvents(paused, plus(r, 60 * DAY_MS), [])).toEqual([]);
  });

  it('keeps an overdue state reached before the pause, without escalating further', () => {
    const r = urgent();
    const paused = applyRequestAction(r, 'request_information', requested, plus(r, 30 * HOUR_MS), {
      questions: 'q',
    }).record;
    expect(evaluateClocks(paused, plus(r, 100 * DAY_MS))).toMatchObject({ ackOverdue: true, escalationLevel: 1 });
  });

  it('resumes with the waiting time added', () => {
    const r = urgent();
    const paused = applyRequestAction(r, 'request_information', requested, plus(r, HOUR_MS), { questions: 'q' }).record;
    const resumed = applyRequestAction(paused, 'provide_information', requester, plus(r, 11 * HOUR_MS), {
      information: 'a',
    }).record;
    expect(evaluateClocks(resumed, plus(r, 24 * HOUR_MS)).ackOverdue).toBe(false);
    expect(evaluateClocks(resumed, plus(r, 34 * HOUR_MS)).ackOverdue).toBe(true);
    expect(evaluateClocks(resumed, plus(r, 58 * HOUR_MS - 1)).escalationLevel).toBe(1);
    expect(evaluateClocks(resumed, plus(r, 58 * HOUR_MS)).escalationLevel).toBe(2);
  });
});

describe('preservation expiry', () => {
  const r = recordIn('fulfilled'); // 2703(f), accepted at minute 3
  const expires = Date.parse(r.clocks.preservationExpiresAt!);

  it('reports days left, rounded up, while active', () => {
    expect(evaluateClocks(r, new Date(expires - 20 * DAY_MS)).preservationExpiresInDays).toBe(20);
    expect(evaluateClocks(r, new Date(expires - 20 * DAY_MS + HOUR_MS)).preservationExpiresInDays).toBe(20);
    expect(evaluateClocks(r, new Date(expires - 20 * DAY_MS - HOUR_MS)).preservationExpiresInDays).toBe(21);
  });

  it('reminds 14 days before expiry by default', () => {
    expect(evaluateClocks(r, new Date(expires - 14 * DAY_MS - 1)).renewalReminderDue).toBe(false);
    const s = evaluateClocks(r, new Date(expires - 14 * DAY_MS));
    expect(s).toMatchObject({ renewalReminderDue: true, canRenew: true, preservationLapsed: false });
  });

  it('the reminder lead time is configurable, and an agreed override beats config', () => {
    const t = new Date(expires - 20 * DAY_MS);
    expect(evaluateClocks(r, t, { clockPolicy: { renewalReminderDays: 21 } }).renewalReminderDue).toBe(true);
    const agreed = {
      ...r,
      clockOverrides: { renewalReminderDays: 10, agreedAt: r.updatedAt, proposedBy: 'requesting' as const },
    };
    expect(
      evaluateClocks(agreed, new Date(expires - 11 * DAY_MS), { clockPolicy: { renewalReminderDays: 21 } })
        .renewalReminderDue,
    ).toBe(false);
    expect(evaluateClocks(agreed, new Date(expires - 10 * DAY_MS)).renewalReminderDue).toBe(true);
  });

  it('lapses at expiry', () => {
    const s = evaluateClocks(r, new Date(expires));
    expect(s).toMatchObject({
      preservationLapsed: true,
      renewalReminderDue: false,
      canRenew: false,
      preservationExpiresInDays: 0,
    });
  });

  it('after the single 2703(f) renewal, canRenew is false but the reminder still warns of the lapse', () => {
    const renewed = applyRequestAction(r, 'renew_preservation', requester, at(100)).record;
    const newExpiry = Date.parse(renewed.clocks.preservationExpiresAt!);
    expect(newExpiry - expires).toBe(90 * DAY_MS);
    expect(evaluateClocks(renewed, new Date(newExpiry - DAY_MS))).toMatchObject({
      canRenew: false,
      renewalReminderDue: true,
    });
  });

  it('stops being tracked once the request is closed', () => {
    const closed = applyRequestAction(r, 'close', requester, at(100)).record;
    expect(evaluateClocks(closed, new Date(expires + DAY_MS))).toMatchObject({
      preservationActive: false,
      preservationLapsed: false,
      preservationExpiresInDays: null,
    });
  });

  it('next event is the reminder, then the expiry', () => {
    expect(evaluateClocks(r, new Date(expires - 30 * DAY_MS)).nextEventAt).toBe(
      new Date(expires - 14 * DAY_MS).toISOString(),
    );
    expect(evaluateClocks(r, new Date(expires - 5 * DAY_MS)).nextEventAt).toBe(new Date(expires).toISOString());
    expect(evaluateClocks(r, new Date(expires - 5 * DAY_MS)).nextDeadlineAt).toBe(new Date(expires).toISOString());
  });
});

describe('dueClockEvents', () => {
  it('fires overdue and first escalation at the deadline, second escalation later, each once', () => {
    const r = urgent();
    const ackDue = r.clocks.ackDueAt!;
    expect(keys(r, plus(r, HOUR_MS))).toEqual([]);
    const first = dueClockEvents(r, new Date(ackDue), []);
    expect(first.map((e) => e.key)).toEqual([`ack_overdue@${ackDue}`, `escalated:1:ack@${ackDue}`]);
    expect(first[1]).toMatchObject({ kind: 'escalated', clock: 'ack', level: 1, dueAt: ackDue, at: ackDue });
    const fired = first.map((e) => e.key);
    expect(keys(r, plus(r, 30 * HOUR_MS), fired)).toEqual([]);
    expect(keys(r, plus(r, 48 * HOUR_MS), fired)).toEqual([`escalated:2:ack@${ackDue}`]);
  });

  it('a deadline moved by agreement fires afresh', () => {
    const r = urgent();
    const fired = keys(r, plus(r, 25 * HOUR_MS));
    const p = applyRequestAction(r, 'propose_clock_override', requested, plus(r, 25 * HOUR_MS), {
      values: { ackDueAt: plus(r, 30 * HOUR_MS).toISOString() },
    }).record;
    const moved = applyRequestAction(p, 'agree_clock_override', requester, plus(r, 26 * HOUR_MS)).record;
    expect(evaluateClocks(moved, plus(r, 27 * HOUR_MS)).ackOverdue).toBe(false);
    expect(keys(moved, plus(r, 27 * HOUR_MS), fired)).toEqual([]);
    expect(keys(moved, plus(r, 30 * HOUR_MS), fired)).toEqual([
      `ack_overdue@${moved.clocks.ackDueAt}`,
      `escalated:1:ack@${moved.clocks.ackDueAt}`,
    ]);
  });

  it('fires the renewal reminder and the lapse of a preservation, keyed by expiry', () => {
    const r = recordIn('fulfilled');
    const exp = r.clocks.preservationExpiresAt!;
    const remind = dueClockEvents(r, addMs(exp, -DAY_MS), []);
    expect(remind).toEqual([
      {
        key: `renewal_reminder@${exp}`,
        kind: 'renewal_reminder',
        dueAt: exp,
        at: addMs(exp, -14 * DAY_MS).toISOString(),
      },
    ]);
    expect(keys(r, new Date(exp), [`renewal_reminder@${exp}`])).toEqual([`preservation_lapsed@${exp}`]);
    const renewed = applyRequestAction(r, 'renew_preservation', requester, at(100)).record;
    expect(keys(renewed, addMs(renewed.clocks.preservationExpiresAt!, -DAY_MS), [`renewal_reminder@${exp}`])).toEqual([
      `renewal_reminder@${renewed.clocks.preservationExpiresAt}`,
    ]);
  });

  it('a late worker skips the reminder once the preservation has lapsed', () => {
    const r = recordIn('fulfilled');
    const exp = r.clocks.preservationExpiresAt!;
    expect(keys(r, addMs(exp, DAY_MS))).toEqual([`preservation_lapsed@${exp}`]);
  });

  it('wraps a clock event as a system request event', () => {
    const r = urgent();
    const [e] = dueClockEvents(r, new Date(r.clocks.ackDueAt!), []);
    expect(clockEventToRequestEvent(r, e!, 'node-cn', at(5000))).toMatchObject({
      type: 'request.clock.ack_overdue',
      actor: 'system',
      actorKind: 'system',
      partyId: 'node-cn',
      requestId: r.id,
      data: { key: e!.key, clock: 'ack', dueAt: r.clocks.ackDueAt },
    });
  });
});

describe('restart: deadlines live in the stored record, not in timers', () => {
  it('a record stored before a crash is overdue and escalated when re-read long after', () => {
    const stored = JSON.stringify(urgent());
    // Node down for three days: nothing ran meanwhile.
    const reloaded = JSON.parse(stored) as RequestRecord;
    const later = plus(reloaded, 3 * DAY_MS);
    expect(evaluateClocks(reloaded, later)).toMatchObject({ ackOverdue: true, escalationLevel: 2 });
    const missed = dueClockEvents(reloaded, later, []);
    expect(missed.map((e) => e.key)).toEqual([
      `ack_overdue@${reloaded.clocks.ackDueAt}`,
      `escalated:1:ack@${reloaded.clocks.ackDueAt}`,
      `escalated:2:ack@${reloaded.clocks.ackDueAt}`,
    ]);
    expect(missed.map((e) => e.at)).toEqual([...missed.map((e) => e.at)].sort());
  });

  it('property: firing at any sequence of wake-ups yields each event exactly once, same as one late wake-up', () => {
    const base = urgent();
    const pres = recordIn('in_progress');
    fc.assert(
      fc.property(
        fc.constantFrom(base, pres),
        fc.array(fc.integer({ min: 0, max: 200 * 24 * 60 }), { minLength: 1, maxLength: 12 }),
        (r, minutes) => {
          const wakeups = [...minutes].sort((a, b) => a - b).map((m) => addMs(r.submittedAt!, m * MINUTE_MS));
          const fired: string[] = [];
          for (const now of wakeups) {
            const reloaded = JSON.parse(JSON.stringify(r)) as RequestRecord;
            for (const e of dueClockEvents(reloaded, now, fired)) fired.push(e.key);
          }
          expect(new Set(fired).size).toBe(fired.length);
          const last = wakeups[wakeups.length - 1]!;
          const oneShot = dueClockEvents(r, last, []).map((e) => e.key);
          // Everything due at the last wake-up has fired; earlier reminders may have fired too.
          expect(oneShot.every((k) => fired.includes(k))).toBe(true);
          expect(fired.every((k) => oneShot.includes(k) || k.startsWith('renewal_reminder@'))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: escalation never decreases as time passes for an unchanged record', () => {
    const r = urgent();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 * 24 * 60 }), fc.integer({ min: 0, max: 30 * 24 * 60 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const early = evaluateClocks(r, addMs(r.submittedAt!, lo * MINUTE_MS)).escalationLevel;
        const late = evaluateClocks(r, addMs(r.submittedAt!, hi * MINUTE_MS)).escalationLevel;
        expect(late).toBeGreaterThanOrEqual(early);
      }),
    );
  });
});
