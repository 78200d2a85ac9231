// Error codes owned by the knowledge area (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const KNOWLEDGE_ERRORS = {
  KNOWLEDGE_NOT_FOUND: { status: 404, message: { en: 'Article not found.', zh: '未找到该文章。' } },
  KNOWLEDGE_INVALID: {
    status: 422,
    message: { en: 'The article breaks one or more rules.', zh: '文章内容不符合一项或多项规则。' },
  },
  KNOWLEDGE_READ_ONLY_COPY: {
    status: 409,
    message: {
      en: 'This article was shared by another agency; only its author’s node can change it.',
      zh: '该文章由其他机构共享，只有作者所在节点可以修改。',
    },
  },
  KNOWLEDGE_SHARE_REFUSED: {
    status: 422,
    message: {
      en: 'The article’s TLP marking does not allow sharing it with this party.',
      zh: '文章的 TLP 标记不允许与该参与方共享。',
    },
  },
  KNOWLEDGE_UNKNOWN_PEER: {
    status: 422,
    message: { en: 'This party is not a known peer.', zh: '该参与方不是已知的对等节点。' },
  },
  KNOWLEDGE_VERSION_NOT_FOUND: {
    status: 404,
    message: { en: 'This version of the article does not exist.', zh: '该文章版本不存在。' },
  },
  KNOWLEDGE_ATTACHMENT_NOT_FOUND: { status: 404, message: { en: 'Attachment not found.', zh: '未找到该附件。' } },
  KNOWLEDGE_ATTACHMENT_INTEGRITY_FAILED: {
    status: 422,
    message: { en: 'The stored attachment failed its integrity check.', zh: '存储的附件未通过完整性校验。' },
  },
  SEARCH_QUERY_EMPTY: {
    status: 400,
    message: { en: 'Type at least one word to search for.', zh: '请至少输入一个检索词。' },
  },
} as const satisfies ErrorCatalogue;
