// One error type with stable codes for the whole node: HTTP, CLI and federation peers all see
// the same code. Each area declares its codes in domain/<area>/errors.ts; they are merged here.
import type { Bilingual, ErrorCatalogue, ValidationIssue } from './error-types.js';

export type { Bilingual, ValidationIssue } from './error-types.js';

const CORE_ERRORS = {
  BAD_REQUEST: { status: 400, message: { en: 'The request is malformed.', zh: '请求格式错误。' } },
  INVALID_INPUT: {
    status: 400,
    message: { en: 'Some fields are missing or invalid.', zh: '部分字段缺失或无效。' },
  },
  VALIDATION_FAILED: {
    status: 422,
    message: { en: 'The input breaks one or more rules.', zh: '输入不符合一项或多项规则。' },
  },
  UNAUTHENTICATED: { status: 401, message: { en: 'Please sign in.', zh: '请先登录。' } },
  FORBIDDEN: {
    status: 403,
    message: { en: 'You are not allowed to do this.', zh: '您无权执行此操作。' },
  },
  NOT_FOUND: { status: 404, message: { en: 'Not found.', zh: '未找到。' } },
  ROUTE_NOT_FOUND: { status: 404, message: { en: 'No such route.', zh: '没有该接口。' } },
  METHOD_NOT_ALLOWED: { status: 405, message: { en: 'Method not allowed.', zh: '不允许的请求方法。' } },
  CONFLICT: {
    status: 409,
    message: { en: 'The record was changed meanwhile; reload and retry.', zh: '记录已被修改，请刷新后重试。' },
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: { en: 'The body is too large.', zh: '请求体过大。' } },
  URI_TOO_LONG: { status: 414, message: { en: 'The address is too long.', zh: '请求地址过长。' } },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: { en: 'Unsupported content type.', zh: '不支持的内容类型。' },
  },
  RATE_LIMITED: { status: 429, message: { en: 'Too many requests.', zh: '请求过于频繁。' } },
  INTERNAL: {
    status: 500,
    message: { en: 'An internal error occurred.', zh: '发生内部错误。' },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: { en: 'The service is not ready.', zh: '服务尚未就绪。' },
  },
} as const satisfies ErrorCatalogue;

import { AREA_ERRORS } from './domain/error-catalogues.js';

export const ERROR_CATALOGUE = { ...CORE_ERRORS, ...AREA_ERRORS } as const satisfies ErrorCatalogue;

export type AppErrorCode = keyof typeof ERROR_CATALOGUE;

export type AppErrorOptions = {
  /** Overrides the catalogue message, e.g. to name the record concerned. */
  message?: Bilingual;
  /** Per-field problems, shown next to the inputs in the UI. */
  issues?: ValidationIssue[];
  /** Extra machine-readable facts (ids, allowed transitions, ...). */
  details?: Record<string, unknown>;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly bilingual: Bilingual;
  readonly issues?: ValidationIssue[];
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    const def = ERROR_CATALOGUE[code];
    const bilingual = options.message ?? def.message;
    super(bilingual.en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = def.status;
    this.bilingual = bilingual;
    this.issues = options.issues;
    this.details = options.details;
  }

  /** The wire form used by the REST API, the CLI (--json) and federation rejections. */
  toJSON(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.bilingual,
        ...(this.issues?.length ? { issues: this.issues } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

export type ErrorBody = {
  error: {
    code: string;
    message: Bilingual;
    issues?: ValidationIssue[];
    details?: Record<string, unknown>;
  };
};

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Convenience for the common "field-level problems" error. */
export function validationError(issues: ValidationIssue[], code: AppErrorCode = 'VALIDATION_FAILED'): AppError {
  return new AppError(code, { issues });
}
