// Error codes owned by the intel area (merged into the node-wide catalogue in src/domain/error-catalogues.ts).
import type { ErrorCatalogue } from '../../error-types.js';

export const INTEL_ERRORS = {
  // Indicator extraction (SPEC §5.3).
  INTEL_EXTRACT_TOO_LARGE: { status: 413, message: { en: 'The text is too long to extract from in one request (limit 1 MB).', zh: '文本过长，无法在一次请求中提取（上限 1 MB）。' } },
  // Correlation (SPEC §4.5).
  INTEL_CORRELATION_ALERT_NOT_FOUND: { status: 404, message: { en: 'No such correlation alert, or you may not see both of its sources.', zh: '没有该关联告警，或您无权查看其两个来源。' } },
  INTEL_CORRELATION_VALUE_INVALID: { status: 422, message: { en: 'The value is not a valid observable of this type.', zh: '该值不是此类型的有效可观测数据。' } },
  INTEL_CORRELATION_EXCLUSION_EXISTS: { status: 409, message: { en: 'This value is already excluded from correlation.', zh: '该值已被排除在关联之外。' } },
  INTEL_CORRELATION_EXCLUSION_NOT_FOUND: { status: 404, message: { en: 'This value is not excluded.', zh: '该值未被排除。' } },
  // STIX 2.1 import and export (SPEC §5.1).
  INTEL_STIX_MALFORMED: { status: 400, message: { en: 'The file is not a readable STIX 2.1 bundle.', zh: '该文件不是可读取的 STIX 2.1 数据包。' } },
  INTEL_STIX_TOO_LARGE: { status: 413, message: { en: 'The bundle is too large for the web upload; use `crossline import stix` for big files.', zh: '数据包过大，无法通过网页上传；大文件请使用 `crossline import stix`。' } },
  INTEL_STIX_COLLECTION_NOT_FOUND: { status: 404, message: { en: 'No such intelligence collection.', zh: '没有该情报集合。' } },
  INTEL_STIX_OBJECT_NOT_FOUND: { status: 404, message: { en: 'No such STIX object.', zh: '没有该 STIX 对象。' } },
} as const satisfies ErrorCatalogue;
