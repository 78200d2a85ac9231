// Error codes owned by the case area (merged into the node-wide catalogue in src/errors.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const CASE_ERRORS = {
  // Cases
  CASE_NOT_FOUND: { status: 404, message: { en: 'Case not found.', zh: '未找到该案件。' } },
  CASE_FORBIDDEN: {
    status: 403,
    message: { en: 'You are not allowed to do this on this case.', zh: '您无权对该案件执行此操作。' },
  },
  CASE_INVALID: {
    status: 422,
    message: { en: 'The case data breaks one or more rules.', zh: '案件信息不符合一项或多项规则。' },
  },
  CASE_INVALID_TRANSITION: {
    status: 409,
    message: { en: 'This action is not possible in the case’s current status.', zh: '案件当前状态下无法执行此操作。' },
  },
  CASE_CLOSED: {
    status: 409,
    message: { en: 'The case is closed; reopen it first.', zh: '案件已结案，请先重新开启。' },
  },
  CASE_MEMBER_EXISTS: {
    status: 409,
    message: { en: 'This user is already a member of the case.', zh: '该用户已是案件成员。' },
  },
  CASE_MEMBER_NOT_FOUND: {
    status: 422,
    message: { en: 'This user is not a member of the case.', zh: '该用户不是案件成员。' },
  },
  CASE_LAST_LEAD: {
    status: 409,
    message: { en: 'A case must keep at least one lead investigator.', zh: '案件必须至少保留一名主办人。' },
  },
  CASE_PARTY_EXISTS: {
    status: 409,
    message: { en: 'This party already participates in the case.', zh: '该参与方已参与本案。' },
  },
  CASE_PARTY_NOT_FOUND: {
    status: 422,
    message: { en: 'This party does not participate in the case.', zh: '该参与方未参与本案。' },
  },
  CASE_LEAD_PARTY_REQUIRED: {
    status: 409,
    message: { en: 'The lead party cannot be removed from the case.', zh: '不能将牵头方移出案件。' },
  },
  CASE_LINK_EXISTS: {
    status: 409,
    message: { en: 'This item is already linked to the case.', zh: '该事项已关联到本案。' },
  },
  CASE_LINK_NOT_FOUND: {
    status: 422,
    message: { en: 'This item is not linked to the case.', zh: '该事项未关联到本案。' },
  },
  CASE_SHARE_TLP_REFUSED: {
    status: 403,
    message: {
      en: 'The TLP marking does not allow sharing this with that recipient.',
      zh: '该 TLP 标记不允许向此接收方共享。',
    },
  },
  CASE_SHARE_CONFIDENTIAL: {
    status: 403,
    message: {
      en: 'The case’s confidentiality level does not allow this sharing.',
      zh: '案件的保密级别不允许此次共享。',
    },
  },
  CASE_SHARE_NO_RECEIVER: {
    status: 409,
    message: {
      en: 'This node has no point of contact or supervisor who could receive the shared case.',
      zh: '本节点没有可接收共享案件的联络人或主管。',
    },
  },
  CASE_VIEW_TLP_REFUSED: {
    status: 403,
    message: { en: 'The TLP marking does not allow you to view this.', zh: '该 TLP 标记不允许您查看此内容。' },
  },
  // Observables
  OBSERVABLE_INVALID: {
    status: 422,
    message: { en: 'The observable is not valid.', zh: '该可观测数据无效。' },
  },
  OBSERVABLE_NOT_FOUND: { status: 404, message: { en: 'Observable not found.', zh: '未找到该可观测数据。' } },
  OBSERVABLE_BATCH_TOO_LARGE: {
    status: 422,
    message: { en: 'Too many observables in one batch.', zh: '单次提交的可观测数据过多。' },
  },
  // Evidence
  EVIDENCE_NOT_FOUND: { status: 404, message: { en: 'Evidence item not found.', zh: '未找到该证据。' } },
  EVIDENCE_INVALID: {
    status: 422,
    message: { en: 'The evidence item breaks one or more rules.', zh: '证据信息不符合一项或多项规则。' },
  },
  EVIDENCE_TOO_LARGE: {
    status: 413,
    message: { en: 'The evidence file is larger than allowed.', zh: '证据文件超过允许的大小。' },
  },
  EVIDENCE_INTEGRITY_FAILED: {
    status: 422,
    message: {
      en: 'Evidence integrity check failed: the content does not match its recorded hash or authentication tag.',
      zh: '证据完整性校验失败：内容与记录的哈希值或认证标签不符。',
    },
  },
  EVIDENCE_KEY_UNWRAP_FAILED: {
    status: 500,
    message: {
      en: 'The evidence key could not be unwrapped with the node master key.',
      zh: '无法使用节点主密钥解封证据密钥。',
    },
  },
  EVIDENCE_CUSTODY_INVALID: {
    status: 422,
    message: { en: 'This chain-of-custody event is not valid.', zh: '该证据保管链事件无效。' },
  },
  EVIDENCE_CUSTODY_BROKEN: {
    status: 409,
    message: {
      en: 'The chain of custody does not verify; the item cannot be used until this is resolved.',
      zh: '证据保管链校验未通过，在问题解决前不得使用该证据。',
    },
  },
  EVIDENCE_TRANSFER_CUSTODY_INVALID: {
    status: 422,
    message: {
      en: 'The chain of custody that came with the evidence does not verify against the sender’s keys; nothing was stored.',
      zh: '随证据移交的保管链无法用发送方密钥验证，未作保存。',
    },
  },
  EVIDENCE_TRANSFER_TOO_LARGE: {
    status: 413,
    message: {
      en: 'The evidence file is too large to transfer in one federation message.',
      zh: '证据文件过大，无法通过一条联邦消息移交。',
    },
  },
  // Tasks
  TASK_NOT_FOUND: { status: 404, message: { en: 'Task not found.', zh: '未找到该任务。' } },
  TASK_INVALID: {
    status: 422,
    message: { en: 'The task breaks one or more rules.', zh: '任务信息不符合一项或多项规则。' },
  },
  TASK_INVALID_TRANSITION: {
    status: 409,
    message: { en: 'This action is not possible in the task’s current status.', zh: '任务当前状态下无法执行此操作。' },
  },
  TASK_FORBIDDEN: {
    status: 403,
    message: { en: 'You are not allowed to do this on this task.', zh: '您无权对该任务执行此操作。' },
  },
  TASK_ASSIGNEE_NOT_MEMBER: {
    status: 422,
    message: {
      en: 'Tasks can only be assigned to case members who may edit the case.',
      zh: '任务只能分配给可编辑本案的案件成员。',
    },
  },
} as const satisfies ErrorCatalogue;
