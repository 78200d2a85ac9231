import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor.js';
import type { MeetingAction, MeetingActionParams } from './meeting.js';
import {
  MEETING_ACTIONS,
  MEETING_TRANSITIONS,
  allowedMeetingActions,
  applyMeetingAction,
  createMeeting,
} from './meeting.js';
import {
  AFTER,
  CN,
  EU,
  T0,
  US,
  cnSupervisor,
  meetingIn,
  meetingInput,
  peer,
  plannedMeeting,
  system,
  usPoc,
  user,
} from './test-fixtures.js';
import { MEETING_STATUSES } from './types.js';
import { codeOf } from '../shared/test-support.js';

describe('createMeeting', () => {
  it('creates a planned meeting, trimmed, version 1', () => {
    const { record, events } = createMeeting(
      meetingInput({ title: { en: ' WG ', zh: ' 工作组 ' }, location: '  ' as never, kind: 'video_call' }),
      cnSupervisor,
      T0,
      { id: 'm1' },
    );
    expect(record).toMatchObject({
      id: 'm1',
      status: 'planned',
      title: { en: 'WG', zh: '工作组' },
      location: null,
      minutesAgreedBy: [],
      createdBy: '张处长',
      createdAt: T0.toISOString(),
      version: 1,
    });
    expect(events[0]).toMatchObject({
      type: 'dialogue.meeting_created',
      data: { meetingId: 'm1', originParty: CN, by: '张处长' },
    });
  });

  it.each<[string, Actor]>([
    ['an investigator', user(CN, ['investigator'])],
    ['an analyst', user(CN, ['analyst'])],
    ['a read-only user', user(US, ['read_only'])],
    ['a supervisor of a party not taking part', user(EU, ['supervisor'])],
    ['the system', system(CN)],
    ['a peer not taking part', peer(EU)],
  ])('refuses %s', (_n, actor) => {
    expect(codeOf(() => createMeeting(meetingInput(), actor, T0, { id: 'm' }))).toBe('DIALOGUE_FORBIDDEN');
  });

  it.each(['supervisor', 'admin', 'point_of_contact'] as const)('lets a %s of a taking-part party create', (role) => {
    expect(createMeeting(meetingInput(), user(US, [role]), T0, { id: 'm' }).record.status).toBe('planned');
  });

  it('accepts a peer relay naming its author and time, refuses one without', () => {
    const { record } = createMeeting(meetingInput(), peer(US), T0, {
      id: 'm',
      relayedBy: 'Jane Doe',
      relayedAt: '2025-04-30T12:00:00Z',
    });
    expect(record).toMatchObject({ createdBy: 'Jane Doe', createdAt: '2025-04-30T12:00:00.000Z' });
    expect(codeOf(() => createMeeting(meetingInput(), peer(US), T0, { id: 'm' }))).toBe('DIALOGUE_VALIDATION_FAILED');
    expect(
      codeOf(() => createMeeting(meetingInput(), peer(US), T0, { id: 'm', relayedBy: 'x', relayedAt: 'soon' })),
    ).toBe('DIALOGUE_VALIDATION_FAILED');
  });

  it('refuses invalid input with DIALOGUE_VALIDATION_FAILED', () => {
    expect(
      codeOf(() => createMeeting(meetingInput({ endsAt: '2025-06-09T00:00:00Z' }), cnSupervisor, T0, { id: 'm' })),
    ).toBe('DIALOGUE_VALIDATION_FAILED');
  });
});

/** A legitimate actor and params for each action at a time after the meeting began. */
const PROPER: Record<MeetingAction, MeetingActionParams> = {
  update: { changes: { location: 'Washington, D.C.' } },
  mark_held: {},
  agree_minutes: {},
  cancel: { reason: 'Postponed by mutual agreement' },
};

describe('meeting state machine: every action in every state', () => {
  for (const status of MEETING_STATUSES) {
    for (const action of MEETING_ACTIONS) {
      const allowed = MEETING_TRANSITIONS[status].includes(action);
      it(`${action} in ${status} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const meeting = meetingIn(status);
        if (!allowed) {
          expect(codeOf(() => applyMeetingAction(meeting, action, cnSupervisor, AFTER, PROPER[action]))).toBe(
            'DIALOGUE_INVALID_TRANSITION',
          );
          return;
        }
        const { record, events } = applyMeetingAction(meeting, action, cnSupervisor, AFTER, PROPER[action]);
        expect(record.version).toBe(meeting.version + 1);
        expect(record.updatedAt).toBe(AFTER.toISOString());
        expect(events.length).toBeGreaterThan(0);
        const expected = { update: status, mark_held: 'held', agree_minutes: status, cancel: 'cancelled' }[action];
        expect(record.status).toBe(expected);
      });
    }
  }
});

describe('meeting actions', () => {
  it('cannot be marked held before it starts, can be from its start', () => {
    const m = plannedMeeting();
    expect(codeOf(() => applyMeetingAction(m, 'mark_held', cnSupervisor, new Date('2025-06-10T00:59:59Z')))).toBe(
      'DIALOGUE_MEETING_NOT_STARTED',
    );
    const { record } = applyMeetingAction(m, 'mark_held', cnSupervisor, new Date(m.startsAt));
    expect(record).toMatchObject({ status: 'held', heldAt: m.startsAt });
  });

  it('is minutes_agreed only once every party has agreed', () => {
    const held = meetingIn('held');
    const first = applyMeetingAction(held, 'agree_minutes', cnSupervisor, AFTER);
    expect(first.record).toMatchObject({ status: 'held', minutesAgreedBy: [CN], minutesAgreedAt: null });
    expect(first.events.map((e) => e.type)).toEqual(['dialogue.minutes_agreed_by_party']);
    expect(codeOf(() => applyMeetingAction(first.record, 'agree_minutes', user(CN, ['admin']), AFTER))).toBe(
      'DIALOGUE_MINUTES_ALREADY_AGREED',
    );
    const second = applyMeetingAction(first.record, 'agree_minutes', peer(US), AFTER, { relayedBy: 'Jane Doe' });
    expect(second.record).toMatchObject({
      status: 'minutes_agreed',
      minutesAgreedBy: [CN, US],
      minutesAgreedAt: AFTER.toISOString(),
    });
    expect(second.events.map((e) => e.type)).toEqual(['dialogue.minutes_agreed_by_party', 'dialogue.minutes_agreed']);
  });

  it('waits for all three parties of a trilateral meeting', () => {
    const tri = meetingIn('held', { parties: [CN, US, EU] });
    let m = applyMeetingAction(tri, 'agree_minutes', cnSupervisor, AFTER).record;
    m = applyMeetingAction(m, 'agree_minutes', usPoc, AFTER).record;
    expect(m.status).toBe('held');
    m = applyMeetingAction(m, 'agree_minutes', user(EU, ['supervisor']), AFTER).record;
    expect(m.status).toBe('minutes_agreed');
  });

  it('an update voids agreements already given', () => {
    const agreed = meetingIn('held', { minutesAgreedBy: [CN] });
    const { record, events } = applyMeetingAction(agreed, 'update', usPoc, AFTER, {
      changes: { agenda: [{ en: 'Fraud', zh: '诈骗' }] },
    });
    expect(record.minutesAgreedBy).toEqual([]);
    expect(record.agenda).toEqual([{ en: 'Fraud', zh: '诈骗' }]);
    expect(events[0]).toMatchObject({ type: 'dialogue.meeting_updated', data: { fields: ['agenda'] } });
  });

  it('an update keeps fields it does not name, and revalidates the result', () => {
    const { record } = applyMeetingAction(plannedMeeting(), 'update', cnSupervisor, AFTER, {
      changes: { location: 'Shanghai', title: undefined },
    });
    expect(record).toMatchObject({ location: 'Shanghai', title: plannedMeeting().title });
    expect(
      codeOf(() =>
        applyMeetingAction(plannedMeeting(), 'update', cnSupervisor, AFTER, {
          changes: { endsAt: '2025-06-01T00:00:00Z' },
        }),
      ),
    ).toBe('DIALOGUE_VALIDATION_FAILED');
    expect(codeOf(() => applyMeetingAction(plannedMeeting(), 'update', cnSupervisor, AFTER, { changes: {} }))).toBe(
      'DIALOGUE_VALIDATION_FAILED',
    );
    expect(codeOf(() => applyMeetingAction(plannedMeeting(), 'update', cnSupervisor, AFTER))).toBe(
      'DIALOGUE_VALIDATION_FAILED',
    );
  });

  it('parties may change while planned but not once held', () => {
    const input = {
      parties: [CN, US, EU],
      participants: [...meetingInput().participants, { party: EU, name: 'A. Expert', title: null }],
    };
    expect(
      applyMeetingAction(plannedMeeting(), 'update', cnSupervisor, AFTER, { changes: input }).record.parties,
    ).toEqual([CN, US, EU]);
    expect(codeOf(() => applyMeetingAction(meetingIn('held'), 'update', cnSupervisor, AFTER, { changes: input }))).toBe(
      'DIALOGUE_VALIDATION_FAILED',
    );
    // Restating the same parties after the meeting is harmless.
    expect(
      applyMeetingAction(meetingIn('held'), 'update', cnSupervisor, AFTER, { changes: { parties: [CN, US] } }).record
        .version,
    ).toBe(2);
  });

  it('cancel needs a reason and keeps it', () => {
    expect(codeOf(() => applyMeetingAction(plannedMeeting(), 'cancel', cnSupervisor, AFTER))).toBe(
      'DIALOGUE_VALIDATION_FAILED',
    );
    expect(
      codeOf(() => applyMeetingAction(plannedMeeting(), 'cancel', cnSupervisor, AFTER, { reason: 'x'.repeat(1001) })),
    ).toBe('DIALOGUE_VALIDATION_FAILED');
    const { record } = applyMeetingAction(plannedMeeting(), 'cancel', usPoc, AFTER, { reason: ' Typhoon ' });
    expect(record).toMatchObject({ status: 'cancelled', cancelReason: 'Typhoon', cancelledAt: AFTER.toISOString() });
  });

  it.each<[string, Actor]>([
    ['an investigator', user(CN, ['investigator'])],
    ['an auditor', user(US, ['auditor'])],
    ['a supervisor of an outside party', user(EU, ['supervisor'])],
    ['the system', system(CN)],
  ])('refuses %s any change', (_n, actor) => {
    for (const action of MEETING_ACTIONS) {
      expect(codeOf(() => applyMeetingAction(meetingIn('planned'), action, actor, AFTER, PROPER[action]))).toBe(
        'DIALOGUE_FORBIDDEN',
      );
    }
  });

  it('refuses an unknown action', () => {
    expect(codeOf(() => applyMeetingAction(plannedMeeting(), 'explode' as MeetingAction, cnSupervisor, AFTER))).toBe(
      'DIALOGUE_VALIDATION_FAILED',
    );
  });
});

describe('allowedMeetingActions', () => {
  it('offers mark_held only once the meeting has started', () => {
    expect(allowedMeetingActions(plannedMeeting(), cnSupervisor, T0)).toEqual(['update', 'cancel']);
    expect(allowedMeetingActions(plannedMeeting(), cnSupervisor, AFTER)).toEqual(['update', 'mark_held', 'cancel']);
  });
  it('offers agreement only to parties that have not agreed', () => {
    const m = meetingIn('held', { minutesAgreedBy: [CN] });
    expect(allowedMeetingActions(m, cnSupervisor, AFTER)).toEqual(['update']);
    expect(allowedMeetingActions(m, usPoc, AFTER)).toEqual(['update', 'agree_minutes']);
  });
  it('offers nothing to readers or on final records', () => {
    expect(allowedMeetingActions(plannedMeeting(), user(CN, ['read_only']), AFTER)).toEqual([]);
    expect(allowedMeetingActions(meetingIn('minutes_agreed'), cnSupervisor, AFTER)).toEqual([]);
    expect(allowedMeetingActions(meetingIn('cancelled'), cnSupervisor, AFTER)).toEqual([]);
  });
});
