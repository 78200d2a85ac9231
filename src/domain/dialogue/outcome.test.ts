import { describe, expect, it } from 'vitest';
import { amendOutcome, recordOutcome } from './outcome.js';
import { AFTER, CN, EU, US, cnSupervisor, meetingIn, peer, system, usPoc, user } from './test-fixtures.js';
import { MEETING_STATUSES } from './types.js';
import { codeOf } from '../shared/test-support.js';

const TEXT = {
  text: {
    en: 'Both sides agreed to a joint operation against fraud call centres.',
    zh: '双方同意联合打击诈骗呼叫中心。',
  },
};

describe('recordOutcome', () => {
  it.each(MEETING_STATUSES)('in a %s meeting', (status) => {
    const meeting = meetingIn(status);
    if (status !== 'held') {
      expect(codeOf(() => recordOutcome(meeting, TEXT, cnSupervisor, AFTER, { id: 'o1' }))).toBe(
        'DIALOGUE_INVALID_TRANSITION',
      );
      return;
    }
    const { record, meeting: m, events } = recordOutcome(meeting, TEXT, cnSupervisor, AFTER, { id: 'o1' });
    expect(record).toMatchObject({
      id: 'o1',
      meetingId: 'm1',
      parties: [CN, US],
      recordedBy: '张处长',
      version: 1,
      text: TEXT.text,
    });
    expect(m).toBe(meeting); // nothing agreed yet, so the meeting is untouched
    expect(events[0]).toMatchObject({ type: 'dialogue.outcome_recorded', data: { outcomeId: 'o1', meetingId: 'm1' } });
  });

  it('voids minute agreements already given', () => {
    const meeting = meetingIn('held', { minutesAgreedBy: [US] });
    const { meeting: m } = recordOutcome(meeting, TEXT, cnSupervisor, AFTER, { id: 'o1' });
    expect(m).toMatchObject({ minutesAgreedBy: [], version: meeting.version + 1 });
  });

  it('refuses text missing a language', () => {
    expect(
      codeOf(() => recordOutcome(meetingIn('held'), { text: { en: 'x', zh: '' } }, cnSupervisor, AFTER, { id: 'o' })),
    ).toBe('DIALOGUE_VALIDATION_FAILED');
  });

  it('refuses outsiders, non-editors and the system; accepts a party’s relay', () => {
    for (const actor of [user(EU, ['admin']), user(CN, ['investigator']), system(CN), peer(EU)]) {
      expect(codeOf(() => recordOutcome(meetingIn('held'), TEXT, actor, AFTER, { id: 'o' }))).toBe(
        'DIALOGUE_FORBIDDEN',
      );
    }
    expect(
      recordOutcome(meetingIn('held'), TEXT, peer(US), AFTER, { id: 'o', relayedBy: 'Jane Doe' }).record.recordedBy,
    ).toBe('Jane Doe');
  });
});

describe('amendOutcome', () => {
  const outcome = recordOutcome(meetingIn('held'), TEXT, cnSupervisor, AFTER, { id: 'o1' }).record;
  const NEW = { text: { en: 'Agreed to two joint operations.', zh: '同意开展两次联合行动。' } };

  it('changes the text while held, keeping the previous text in the event', () => {
    const { record, events } = amendOutcome(meetingIn('held', { minutesAgreedBy: [CN] }), outcome, NEW, usPoc, AFTER);
    expect(record).toMatchObject({ text: NEW.text, version: 2 });
    expect(events[0]?.data).toMatchObject({ previous: TEXT.text, text: NEW.text, by: 'Jane Doe' });
  });

  it.each(['planned', 'minutes_agreed', 'cancelled'] as const)('is refused in a %s meeting', (status) => {
    expect(codeOf(() => amendOutcome(meetingIn(status), outcome, NEW, usPoc, AFTER))).toBe(
      'DIALOGUE_INVALID_TRANSITION',
    );
  });

  it('refuses an outcome of another meeting', () => {
    expect(codeOf(() => amendOutcome(meetingIn('held', { id: 'm2' }), outcome, NEW, usPoc, AFTER))).toBe(
      'DIALOGUE_OUTCOME_NOT_FOUND',
    );
  });

  it('refuses a read-only user', () => {
    expect(codeOf(() => amendOutcome(meetingIn('held'), outcome, NEW, user(US, ['read_only']), AFTER))).toBe(
      'DIALOGUE_FORBIDDEN',
    );
  });
});
