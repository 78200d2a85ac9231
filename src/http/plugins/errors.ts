// Maps every failure to `{ error: { code, message: { en, zh }, issues? } }` with a 4xx status;
// only a real bug becomes a 500, and then the client still gets the same JSON shape.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, type AppErrorCode, type ValidationIssue } from '../../errors.js';
import { zodIssueText } from './zod-issue-text.js';

const STATUS_CODES: Record<number, AppErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, (where) => inputOf(request, where));
    if (appError.code === 'SERVICE_UNAVAILABLE') {
      // The database is restarting or out of reach: the client may retry shortly.
      void reply.header('retry-after', '5');
      request.log.warn({ err: error }, 'service unavailable');
    } else if (appError.status >= 500) request.log.error({ err: error }, 'unhandled error');
    void reply.status(appError.status).send(appError.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(
      new AppError('ROUTE_NOT_FOUND', {
        details: { method: request.method, url: request.url.split('?')[0] },
      }).toJSON(),
    );
  });
}

/** What the client sent in one part of the request (body, querystring, params, headers). */
function inputOf(request: FastifyRequest, where: string): unknown {
  if (where === 'querystring') return request.query;
  if (where === 'params') return request.params;
  if (where === 'headers') return request.headers;
  return request.body;
}

function valueAt(root: unknown, segments: string[]): unknown {
  let node = root;
  for (const s of segments)
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[s] : undefined;
  return node;
}

/**
 * `input` gives what was sent where a schema failed, so a message can say "fill in this field"
 * rather than describe a type. One issue per field: the first rule a field breaks is the one to fix.
 */
export function toAppError(error: unknown, input?: (where: string) => unknown): AppError {
  if (isAppError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'body';
    const sent = input?.(where);
    const issues: ValidationIssue[] = [];
    for (const v of error.validation) {
      const segments = v.instancePath.split('/').filter(Boolean);
      const path = [where, ...segments].join('.');
      if (issues.some((i) => i.path === path)) continue;
      issues.push({ path, code: v.keyword, message: zodIssueText(v, valueAt(sent, segments)) });
    }
    return new AppError('INVALID_INPUT', { issues });
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    const code = STATUS_CODES[status] ?? 'BAD_REQUEST';
    return new AppError(code, { details: { reason: (error as Error).message } });
  }
  return new AppError('INTERNAL');
}
