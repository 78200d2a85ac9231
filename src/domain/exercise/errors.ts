// Error codes owned by the exercise area (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const EXERCISE_ERRORS = {
  EXERCISE_VALIDATION_FAILED: {
    status: 400,
    message: { en: 'The exercise scenario is not valid; see the listed issues.', zh: '演练脚本无效，请查看所列问题。' },
  },
  EXERCISE_SCENARIO_NOT_FOUND: {
    status: 404,
    message: { en: 'Exercise scenario not found.', zh: '未找到该演练脚本。' },
  },
  EXERCISE_NOT_FOUND: {
    status: 404,
    message: { en: 'Exercise not found.', zh: '未找到该演练。' },
  },
  EXERCISE_INVALID_STATE: {
    status: 409,
    message: { en: 'This is not possible in the exercise’s current state.', zh: '演练当前状态下无法执行此操作。' },
  },
  EXERCISE_FORBIDDEN: {
    status: 403,
    message: { en: 'Your role does not allow this on exercises.', zh: '您的角色无权对演练执行此操作。' },
  },
  EXERCISE_RECORD_STAYS_IN_EXERCISE: {
    status: 409,
    message: {
      en: 'This call belongs to an exercise: it cannot open a real case or be linked to a real request.',
      zh: '该呼叫属于演练，不能据此立真实案件，也不能关联真实请求。',
    },
  },
  EXERCISE_PARTICIPANT_UNKNOWN: {
    status: 409,
    message: { en: 'A participant is not an active peer of this node.', zh: '某参演方不是本节点的有效合作方。' },
  },
} as const satisfies ErrorCatalogue;
