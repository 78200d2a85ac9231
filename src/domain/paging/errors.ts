// Error codes owned by paging (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const PAGING_ERRORS = {
  PAGING_NO_CHANNEL: {
    status: 409,
    message: {
      en: 'Turn on an e-mail address or a webhook for pages first.',
      zh: '请先启用用于传呼的电子邮件地址或 Webhook。',
    },
  },
  PAGING_ACK_LINK_INVALID: {
    status: 404,
    message: { en: 'This acknowledgement link is not valid for you.', zh: '此确认链接对您无效。' },
  },
  PAGING_ACK_LINK_USED: {
    status: 410,
    message: {
      en: 'This acknowledgement link was already used; open the record to act on it.',
      zh: '此确认链接已使用过，请打开记录进行处理。',
    },
  },
} as const satisfies ErrorCatalogue;
