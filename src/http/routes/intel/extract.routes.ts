// POST /api/intel/extract: indicators found in pasted text, grouped by value with every span.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { extractText } from '../../../services/intel/extract-text.js';
import { answers, ERROR_SHAPES } from '../common.schema.js';
import { ZExtractResultSchema } from './intel.response.js';
import { ZExtractBodySchema } from './extract.schema.js';

/** 1,000,000 characters of Chinese text are about 3 MB of JSON; the service enforces the character limit. */
const EXTRACT_BODY_LIMIT = 4 * 1024 * 1024;

export function extractRoutes(_ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/intel/extract',
      {
        bodyLimit: EXTRACT_BODY_LIMIT,
        config: { permission: 'intel:read' },
        schema: {
          tags: ['intel'],
          summary:
            'Extract indicators (URLs, domains, IPs, e-mails, hashes, wallets, phones, messaging accounts, ICP, cards) from text, disguised forms included',
          body: ZExtractBodySchema,
          response: { ...answers(ZExtractResultSchema), 413: ERROR_SHAPES[400] },
        },
      },
      async (request) => extractText(request.body),
    );
  };
}
