import { describe, expect, it } from 'vitest';
import { CN, EU, US, itemInput, meetingInput } from './test-fixtures.js';
import type { MeetingInput } from './validation.js';
import { validateActionItem, validateMeeting, validateOutcome } from './validation.js';

const codes = (issues: { path: string; code: string }[]) => issues.map((i) => `${i.path}:${i.code}`);

describe('validateMeeting', () => {
  it('accepts a complete meeting', () => {
    expect(validateMeeting(meetingInput())).toEqual([]);
  });

  it.each<[string, Partial<MeetingInput>, string]>([
    ['an English title missing', { title: { en: ' ', zh: '会议' } }, 'title.en:required'],
    ['a Chinese title missing', { title: { en: 'Meeting', zh: '' } }, 'title.zh:required'],
    ['no title at all', { title: undefined as never }, 'title:required'],
    ['a title too long', { title: { en: 'x'.repeat(301), zh: '会' } }, 'title.en:too_long'],
    ['an unknown kind', { kind: 'party' as never }, 'kind:invalid_kind'],
    ['a bad start', { startsAt: 'June' }, 'startsAt:invalid_instant'],
    ['a bad end', { endsAt: '' }, 'endsAt:invalid_instant'],
    ['an end before the start', { endsAt: '2025-06-10T00:00:00.000Z' }, 'endsAt:end_before_start'],
    ['an end equal to the start', { endsAt: '2025-06-10T01:00:00.000Z' }, 'endsAt:end_before_start'],
    ['a meeting over 14 days', { endsAt: '2025-06-24T01:00:01.000Z' }, 'endsAt:too_long'],
    ['no venue for an in-person meeting', { location: null }, 'location:required'],
    ['a single party', { parties: [CN], participants: [{ party: CN, name: 'A', title: null }] }, 'parties:too_few'],
    ['a party listed twice', { parties: [CN, US, US] }, 'parties:duplicate'],
    ['a malformed party list', { parties: [CN, ''] }, 'parties:invalid'],
    ['a party with no participant', { parties: [CN, US, EU] }, 'participants:party_without_participant'],
    [
      'a participant of an outside party',
      { participants: [...meetingInput().participants, { party: EU, name: 'X', title: null }] },
      'participants.2.party:unknown_party',
    ],
    [
      'a participant without a name',
      {
        participants: [
          { party: CN, name: ' ', title: null },
          { party: US, name: 'B', title: null },
        ],
      },
      'participants.0.name:required',
    ],
    [
      'the same person twice',
      { participants: [...meetingInput().participants, { party: US, name: 'jane doe', title: null }] },
      'participants.2.name:duplicate',
    ],
    ['participants not a list', { participants: undefined as never }, 'participants:invalid'],
    ['an agenda item missing Chinese', { agenda: [{ en: 'Fraud', zh: '' }] }, 'agenda.0.zh:required'],
    ['too many agenda items', { agenda: Array.from({ length: 51 }, () => ({ en: 'a', zh: '甲' })) }, 'agenda:too_many'],
    ['an agenda that is not a list', { agenda: null as never }, 'agenda:invalid'],
  ])('flags %s', (_n, over, expected) => {
    expect(codes(validateMeeting(meetingInput(over)))).toContain(expected);
  });

  it('lets a video call go without a venue', () => {
    expect(validateMeeting(meetingInput({ kind: 'video_call', location: null }))).toEqual([]);
  });

  it('speaks both languages in every issue', () => {
    for (const i of validateMeeting(meetingInput({ title: { en: '', zh: '' }, parties: [CN], location: null }))) {
      expect(i.message.en.length).toBeGreaterThan(0);
      expect(i.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('validateOutcome', () => {
  it('needs both languages', () => {
    expect(validateOutcome({ text: { en: 'Agreed to exchange contact lists.', zh: '同意交换联络人名单。' } })).toEqual(
      [],
    );
    expect(codes(validateOutcome({ text: { en: 'x', zh: ' ' } }))).toEqual(['text.zh:required']);
    expect(codes(validateOutcome({ text: { en: 'x'.repeat(4001), zh: '甲' } }))).toEqual(['text.en:too_long']);
  });
});

describe('validateActionItem', () => {
  const meeting = { parties: [CN, US], startsAt: '2025-06-10T01:00:00.000Z' };
  it('accepts a complete item', () => {
    expect(validateActionItem(itemInput(), meeting, [])).toEqual([]);
  });
  it.each<[string, Parameters<typeof itemInput>[0], string]>([
    ['a missing title language', { title: { en: 'x', zh: '' } }, 'title.zh:required'],
    ['an owner party not at the meeting', { ownerParty: EU }, 'ownerParty:unknown_party'],
    ['no owner name', { ownerName: '' }, 'ownerName:required'],
    ['a malformed date', { dueDate: '31/07/2025' }, 'dueDate:invalid_date'],
    ['an impossible date', { dueDate: '2025-02-29' }, 'dueDate:invalid_date'],
    ['a due date before the meeting', { dueDate: '2025-06-08' }, 'dueDate:before_meeting'],
    ['an outcome of another meeting', { outcomeId: 'o-x' }, 'outcomeId:unknown_outcome'],
  ])('flags %s', (_n, over, expected) => {
    expect(codes(validateActionItem(itemInput(over), meeting, ['o-1']))).toEqual([expected]);
  });
  it('accepts the meeting day itself and a known outcome', () => {
    expect(validateActionItem(itemInput({ dueDate: '2025-06-10', outcomeId: 'o-1' }), meeting, ['o-1'])).toEqual([]);
  });
});
