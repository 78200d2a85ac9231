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
} as const satisfies ErrorCatalogue;
