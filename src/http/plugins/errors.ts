// Maps every failure to `{ error: { code, message: { en, zh }, issues? } }` with a 4xx status;
// only a real bug becomes a 500, and then the client still gets the same JSON shape.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, type AppErrorCode, type ValidationIssue } from '../../errors.js';

const STATUS_CODES: Record<number, AppErrorCode> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 414: 'URI_TOO_LONG', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'SERVICE_UNAVAILABLE') {
      // The database is restarting or out of reach: the client may retry shortly.
      void reply.header('retry-after', '5');
      request.log.warn({ err: error }, 'service unavailable');
    } else if (appError.status >= 500) request.log.error({ err: error }, 'unhandled error');
    void reply.status(appError.status).send(appError.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(new AppError('ROUTE_NOT_FOUND', { details: { method: request.method, url: request.url.split('?')[0] } }).toJSON());
  });
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues: ValidationIssue[] = error.validation.map((v) => {
      const path = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
      return { path, code: v.keyword, message: { en: v.message ?? 'Invalid value', zh: `字段无效：${v.message ?? ''}`.trim() } };
    });
    return new AppError('INVALID_INPUT', { issues });
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    const code = STATUS_CODES[status] ?? 'BAD_REQUEST';
    return new AppError(code, { details: { reason: (error as Error).message } });
  }
  return new AppError('INTERNAL');
}
