import { describe, expect, it } from 'vitest';
import {
  ZActionItemActionSchema,
  ZActionItemInputSchema,
  ZMeetingActionSchema,
  ZMeetingInputSchema,
} from './schemas.js';
import { itemInput, meetingInput } from './test-fixtures.js';

describe('dialogue schemas', () => {
  it('accept the domain’s own inputs', () => {
    expect(ZMeetingInputSchema.parse(meetingInput())).toEqual(meetingInput());
    expect(ZActionItemInputSchema.parse(itemInput())).toEqual(itemInput());
  });

  it('default an absent venue and agenda on create, but never on update', () => {
    const { location: _l, agenda: _a, ...rest } = meetingInput();
    expect(ZMeetingInputSchema.parse(rest)).toMatchObject({ location: null, agenda: [] });
    expect(ZMeetingActionSchema.parse({ action: 'update', changes: { location: 'Hong Kong' } })).toEqual({
      action: 'update',
      changes: { location: 'Hong Kong' },
    });
  });

  it('refuse shapes the domain cannot use', () => {
    expect(ZMeetingInputSchema.safeParse(meetingInput({ title: { en: 'x', zh: '' } })).success).toBe(false);
    expect(ZMeetingActionSchema.safeParse({ action: 'cancel' }).success).toBe(false);
    expect(ZActionItemActionSchema.safeParse({ action: 'drop', reason: '' }).success).toBe(false);
    expect(ZActionItemInputSchema.safeParse(itemInput({ dueDate: '2025/07/31' })).success).toBe(false);
  });
});
