// Every error on /taxii2 as a TAXII 2.1 error message (§3.6.1), with the TAXII media type; the
// node's stable code and bilingual message travel in `details` so operators see the same codes.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { AppError, isAppError, type AppErrorCode } from '../../../errors.js';
import { newId } from '../../../shared/ids.js';
import { TAXII_MEDIA_TYPE } from '../../../intel/taxii/media-types.js';
import { toAppError } from '../../plugins/errors.js';

export type TaxiiErrorBody = {
  title: string;
  description: string;
  error_id: string;
  error_code: string;
  http_status: string;
  details: Record<string, unknown>;
};

// Framework refusals named in TAXII's own terms.
const BY_STATUS: Record<number, AppErrorCode> = {
  401: 'INTEL_TAXII_UNAUTHENTICATED',
  403: 'INTEL_TAXII_FORBIDDEN',
  404: 'INTEL_TAXII_NOT_FOUND',
  406: 'INTEL_TAXII_NOT_ACCEPTABLE',
  413: 'INTEL_TAXII_TOO_LARGE',
  415: 'INTEL_TAXII_UNSUPPORTED_MEDIA_TYPE',
};

function toTaxiiAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const status = (error as { statusCode?: number }).statusCode;
  const code = status ? BY_STATUS[status] : undefined;
  return code ? new AppError(code, { details: { reason: (error as Error).message } }) : toAppError(error);
}

export function taxiiErrorBody(e: AppError): TaxiiErrorBody {
  return {
    title: e.bilingual.en,
    description: e.bilingual.zh,
    error_id: newId(),
    error_code: e.code,
    http_status: String(e.status),
    details: { code: e.code, message: e.bilingual, ...(e.issues ? { issues: e.issues } : {}), ...(e.details ?? {}) },
  };
}

export function sendTaxiiError(reply: FastifyReply, e: AppError): FastifyReply {
  if (e.status === 401) {
    void reply.header('www-authenticate', [
      'Bearer realm="crossline-taxii"',
      'Basic realm="crossline-taxii", charset="UTF-8"',
    ]);
  }
  return reply
    .status(e.status)
    .header('content-type', TAXII_MEDIA_TYPE)
    .send(Buffer.from(JSON.stringify(taxiiErrorBody(e))));
}

/** Installs TAXII-shaped error and not-found handling on the (encapsulated) /taxii2 plugin. */
export function registerTaxiiErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const e = toTaxiiAppError(error);
    if (e.status >= 500) request.log.error({ err: error }, 'taxii request failed');
    return sendTaxiiError(reply, e);
  });
  app.setNotFoundHandler((request, reply) => {
    sendTaxiiError(reply, new AppError('INTEL_TAXII_NOT_FOUND', { details: { url: request.url.split('?')[0] } }));
  });
}
