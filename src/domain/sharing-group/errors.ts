// Error codes of sharing groups and hotline broadcasts (docs/federation.md §19); merged into the
// node-wide catalogue in domain/error-catalogues.ts.
import type { ErrorCatalogue } from '../../error-types.js';

export const SHARING_GROUP_ERRORS = {
  GROUP_NOT_FOUND: {
    status: 404,
    message: { en: 'No sharing group has this id.', zh: '不存在该编号的共享分组。' },
  },
  GROUP_VERSION_CONFLICT: {
    status: 409,
    message: {
      en: 'Someone else changed this group meanwhile. Reload it and try again.',
      zh: '该分组已被他人修改，请重新加载后再试。',
    },
  },
  GROUP_NO_RECIPIENTS: {
    status: 422,
    message: {
      en: 'Nobody to send to: the chosen groups have no active peer members and no party was named.',
      zh: '没有可发送的对象：所选分组没有处于活动状态的对等节点成员，也未指定参与方。',
    },
  },
  GROUP_UNKNOWN: {
    status: 422,
    message: {
      en: 'One of the chosen sharing groups does not exist (any more).',
      zh: '所选共享分组中有一个不存在（或已删除）。',
    },
  },
  BROADCAST_NOT_FOUND: {
    status: 404,
    message: { en: 'No hotline broadcast has this id.', zh: '不存在该编号的热线群呼。' },
  },
} as const satisfies ErrorCatalogue;
