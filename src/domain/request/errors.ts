// Error codes owned by the request area (merged into the node-wide catalogue in src/errors.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const REQUEST_ERRORS = {
  REQUEST_NOT_FOUND: {
    status: 404,
    message: { en: 'Request not found.', zh: '未找到该协助请求。' },
  },
  REQUEST_INVALID_TRANSITION: {
    status: 409,
    message: {
      en: 'This action is not possible in the request’s current status.',
      zh: '该请求当前状态下无法执行此操作。',
    },
  },
  REQUEST_NOT_EDITABLE: {
    status: 409,
    message: { en: 'Only a draft can be edited.', zh: '只有草稿可以编辑。' },
  },
  REQUEST_FORBIDDEN: {
    status: 403,
    message: { en: 'Your role does not allow this action on requests.', zh: '您的角色无权对协助请求执行此操作。' },
  },
  REQUEST_WRONG_PARTY: {
    status: 403,
    message: {
      en: 'This action belongs to the other party of the request.',
      zh: '该操作应由请求的另一方执行。',
    },
  },
  REQUEST_APPROVAL_REQUIRED: {
    status: 409,
    message: {
      en: 'The competent authority’s approval is required before work can start and data can leave.',
      zh: '须经主管机关批准后方可开始办理并向境外提供数据。',
    },
  },
  REQUEST_APPROVAL_NOT_REQUIRED: {
    status: 409,
    message: {
      en: 'This request does not need a competent authority’s approval.',
      zh: '该请求无需报经主管机关批准。',
    },
  },
  REQUEST_NOT_PRESERVATION: {
    status: 409,
    message: { en: 'Only a preservation request can be renewed.', zh: '只有数据保全请求可以续展。' },
  },
  REQUEST_PRESERVATION_NOT_STARTED: {
    status: 409,
    message: {
      en: 'Preservation has not started yet; it starts when the request is accepted.',
      zh: '保全尚未开始；保全自请求被受理时起算。',
    },
  },
  REQUEST_PRESERVATION_LAPSED: {
    status: 409,
    message: {
      en: 'The preservation period has already lapsed; send a new preservation request.',
      zh: '保全期限已届满，请重新提出保全请求。',
    },
  },
  REQUEST_RENEWAL_LIMIT_REACHED: {
    status: 409,
    message: {
      en: 'The preservation cannot be renewed again under this legal basis.',
      zh: '依据该法律依据，保全期限不能再次续展。',
    },
  },
  REQUEST_NO_PENDING_OVERRIDE: {
    status: 409,
    message: { en: 'There is no proposal for new deadlines to answer.', zh: '当前没有待答复的时限调整提议。' },
  },
  REQUEST_OWN_PROPOSAL: {
    status: 403,
    message: {
      en: 'Deadlines proposed by your side must be agreed by the other party.',
      zh: '本方提议的时限须由对方同意。',
    },
  },
  REQUEST_NOT_ANSWERABLE: {
    status: 409,
    message: {
      en: 'Evidence answering a request is added from its acceptance until it is fulfilled.',
      zh: '答复证据须在请求受理后、完成答复前添加。',
    },
  },
  REQUEST_COUNTERPART_ON_FEDERATION: {
    status: 409,
    message: {
      en: 'This party is on the federation: its own officers act on the request from their node.',
      zh: '该方已接入联邦，应由其本方人员在其节点上处理该请求。',
    },
  },
} as const satisfies ErrorCatalogue;
