// Error codes owned by the call area (merged into the node-wide catalogue in src/errors.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const CALL_ERRORS = {
  CALL_NOT_FOUND: {
    status: 404,
    message: { en: 'No such hotline call.', zh: '未找到该热线呼叫。' },
  },
  CALL_VALIDATION_FAILED: {
    status: 422,
    message: { en: 'The hotline call breaks one or more rules.', zh: '热线呼叫内容不符合一项或多项规则。' },
  },
  CALL_INVALID_TRANSITION: {
    status: 409,
    message: {
      en: 'This action is not possible in the call’s current state.',
      zh: '该呼叫当前状态下无法执行此操作。',
    },
  },
  CALL_FORBIDDEN: {
    status: 403,
    message: { en: 'You are not allowed to do this on this call.', zh: '您无权对该呼叫执行此操作。' },
  },
  CALL_HUMAN_ACK_REQUIRED: {
    status: 403,
    message: {
      en: 'A call must be acknowledged by a person on duty at the receiving agency, not by a system.',
      zh: '呼叫必须由接收方值班人员本人确认，系统不能代为确认。',
    },
  },
  CALL_ALREADY_LINKED: {
    status: 409,
    message: {
      en: 'This call is already linked to a request or case of that kind.',
      zh: '该呼叫已关联同类请求或案件。',
    },
  },
  CALL_ESCALATION_NOT_DUE: {
    status: 409,
    message: {
      en: 'The call cannot be escalated automatically yet: its acknowledgement deadline has not passed.',
      zh: '确认时限尚未届满，暂不能自动升级该呼叫。',
    },
  },
  CALL_SHIFT_INVALID: {
    status: 422,
    message: { en: 'The on-call shift is not valid.', zh: '值班班次无效。' },
  },
} as const satisfies ErrorCatalogue;
