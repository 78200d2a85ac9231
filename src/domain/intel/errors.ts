// Error codes owned by the intel area (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const INTEL_ERRORS = {
  // TAXII 2.1 server and client (docs/spec.md §5.2); on /taxii2 these are sent as TAXII error messages.
  INTEL_TAXII_UNAUTHENTICATED: {
    status: 401,
    message: {
      en: 'TAXII requires an API token (Bearer, or Basic with the token as password).',
      zh: 'TAXII 需要 API 令牌（Bearer，或以令牌作为密码的 Basic 认证）。',
    },
  },
  INTEL_TAXII_FORBIDDEN: {
    status: 403,
    message: {
      en: 'This account may not do this on this TAXII collection.',
      zh: '该账户无权对此 TAXII 集合执行此操作。',
    },
  },
  INTEL_TAXII_NOT_FOUND: { status: 404, message: { en: 'No such TAXII resource.', zh: '没有该 TAXII 资源。' } },
  INTEL_TAXII_COLLECTION_NOT_FOUND: { status: 404, message: { en: 'No such collection.', zh: '没有该集合。' } },
  INTEL_TAXII_OBJECT_NOT_FOUND: {
    status: 404,
    message: { en: 'No such object in this collection.', zh: '该集合中没有此对象。' },
  },
  INTEL_TAXII_STATUS_NOT_FOUND: { status: 404, message: { en: 'No such status resource.', zh: '没有该状态资源。' } },
  INTEL_TAXII_NOT_ACCEPTABLE: {
    status: 406,
    message: {
      en: 'The Accept header must allow application/taxii+json;version=2.1.',
      zh: 'Accept 头必须允许 application/taxii+json;version=2.1。',
    },
  },
  INTEL_TAXII_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: {
      en: 'The body must be sent as application/taxii+json;version=2.1.',
      zh: '请求体必须以 application/taxii+json;version=2.1 发送。',
    },
  },
  INTEL_TAXII_TOO_LARGE: {
    status: 413,
    message: {
      en: "The body exceeds the API root's max_content_length.",
      zh: '请求体超过 API 根的 max_content_length。',
    },
  },
  INTEL_TAXII_BAD_FILTER: {
    status: 400,
    message: {
      en: 'A query parameter (filter, limit or next) is invalid.',
      zh: '查询参数（过滤条件、limit 或 next）无效。',
    },
  },
  INTEL_TAXII_BAD_ENVELOPE: {
    status: 400,
    message: {
      en: 'The body must be a TAXII envelope with an objects array.',
      zh: '请求体必须是包含 objects 数组的 TAXII 信封。',
    },
  },
  INTEL_TAXII_COLLECTION_ALIAS_TAKEN: {
    status: 409,
    message: { en: 'Another collection already uses this alias.', zh: '已有其他集合使用此别名。' },
  },
  INTEL_TAXII_FEED_NOT_FOUND: { status: 404, message: { en: 'No such TAXII feed.', zh: '没有该 TAXII 订阅源。' } },
  INTEL_TAXII_PARTY_ACCOUNT_INVALID: {
    status: 422,
    message: { en: 'Only an existing user can be bound to a party.', zh: '只有已存在的用户才能绑定到参与方。' },
  },
  // Indicator extraction (docs/spec.md §5.3).
  INTEL_EXTRACT_TOO_LARGE: {
    status: 413,
    message: {
      en: 'The text is too long to extract from in one request (at most 1,000,000 characters).',
      zh: '文本过长，单次请求最多可提取 1,000,000 个字符。',
    },
  },
  // Correlation (docs/spec.md §4.5).
  INTEL_CORRELATION_ALERT_NOT_FOUND: {
    status: 404,
    message: {
      en: 'No such correlation alert, or you may not see both of its sources.',
      zh: '没有该关联告警，或您无权查看其两个来源。',
    },
  },
  INTEL_CORRELATION_VALUE_INVALID: {
    status: 422,
    message: { en: 'The value is not a valid observable of this type.', zh: '该值不是此类型的有效可观测数据。' },
  },
  INTEL_CORRELATION_EXCLUSION_EXISTS: {
    status: 409,
    message: { en: 'This value is already excluded from correlation.', zh: '该值已被排除在关联之外。' },
  },
  INTEL_CORRELATION_EXCLUSION_NOT_FOUND: {
    status: 404,
    message: { en: 'This value is not excluded.', zh: '该值未被排除。' },
  },
  // STIX 2.1 import and export (docs/spec.md §5.1).
  INTEL_STIX_MALFORMED: {
    status: 400,
    message: { en: 'The file is not a readable STIX 2.1 bundle.', zh: '该文件不是可读取的 STIX 2.1 数据包。' },
  },
  INTEL_STIX_TOO_LARGE: {
    status: 413,
    message: {
      en: 'The bundle is too large for the web upload; use `crossline import stix` for big files.',
      zh: '数据包过大，无法通过网页上传；大文件请使用 `crossline import stix`。',
    },
  },
  INTEL_STIX_COLLECTION_NOT_FOUND: {
    status: 404,
    message: { en: 'No such intelligence collection.', zh: '没有该情报集合。' },
  },
  INTEL_STIX_OBJECT_NOT_FOUND: { status: 404, message: { en: 'No such STIX object.', zh: '没有该 STIX 对象。' } },
} as const satisfies ErrorCatalogue;
