// The parties of the federation by name, for pickers and for naming a party on any page. Every
// staff role may read it (`party:read`); peer health stays with the federation page (`node:read`).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { listParties } from '../../../services/federation/list-parties.js';
import { answers, itemsOf } from '../common.schema.js';
import { ZPartySchema } from './federation.response.js';

export function partiesRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/parties',
      {
        config: { permission: 'party:read' },
        schema: {
          tags: ['federation'],
          summary: 'This node and its peers: id, name in both languages, country, whether one can write to it now',
          response: answers(itemsOf(ZPartySchema)),
        },
      },
      async () => ({ items: await listParties(ctx, ctx.db) }),
    );
  };
}
