// Error codes owned by the dialogue area (merged into the node-wide catalogue in src/errors.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const DIALOGUE_ERRORS = {
  DIALOGUE_MEETING_NOT_FOUND: {
    status: 404,
    message: { en: 'No such meeting.', zh: '未找到该会议。' },
  },
  DIALOGUE_OUTCOME_NOT_FOUND: {
    status: 404,
    message: { en: 'No such agreed outcome.', zh: '未找到该会议成果。' },
  },
  DIALOGUE_ACTION_ITEM_NOT_FOUND: {
    status: 404,
    message: { en: 'No such action item.', zh: '未找到该行动事项。' },
  },
  DIALOGUE_VALIDATION_FAILED: {
    status: 422,
    message: { en: 'The input breaks one or more rules.', zh: '输入不符合一项或多项规则。' },
  },
  DIALOGUE_INVALID_TRANSITION: {
    status: 409,
    message: { en: 'This is not possible in the current state.', zh: '当前状态下无法执行此操作。' },
  },
  DIALOGUE_FORBIDDEN: {
    status: 403,
    message: { en: 'You are not allowed to do this.', zh: '您无权执行此操作。' },
  },
  DIALOGUE_MEETING_NOT_STARTED: {
    status: 409,
    message: {
      en: 'A meeting cannot be marked as held before it has started.',
      zh: '会议开始之前不能标记为已举行。',
    },
  },
  DIALOGUE_MINUTES_ALREADY_AGREED: {
    status: 409,
    message: {
      en: 'Your side has already agreed to these minutes.',
      zh: '贵方已确认过本次会议纪要。',
    },
  },
} as const satisfies ErrorCatalogue;
