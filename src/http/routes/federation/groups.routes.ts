// Sharing groups (docs/federation.md §19): named sets of peers chosen as one in shares and hotline
// broadcasts. Every staff role may read them (they appear in peer pickers); admins manage them.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZSharingGroupInputSchema } from '../../../domain/sharing-group/index.js';
import type { ServiceContext } from '../../../services/context.js';
import { createGroup, deleteGroup, listGroups, updateGroup } from '../../../services/sharing-group/manage-groups.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf, ZBilingualSchema, ZIdParamsSchema, ZOkSchema } from '../common.schema.js';

const ZSharingGroupSchema = z
  .object({
    id: z.string(),
    name: ZBilingualSchema,
    region: z.string().nullable(),
    members: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .meta({ id: 'SharingGroup' });

const ZUpdateGroupSchema = ZSharingGroupInputSchema.extend({ version: z.number().int().positive() });

export function groupsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['federation'];
    const manage = { permission: 'federation:manage' as const };

    app.get(
      '/federation/groups',
      {
        config: { permission: 'party:read' },
        schema: {
          tags,
          summary: 'Sharing groups: name in both languages, region, member parties',
          response: answers(itemsOf(ZSharingGroupSchema)),
        },
      },
      async () => ({ items: await listGroups(ctx) }),
    );

    app.post(
      '/federation/groups',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create a sharing group (audited)',
          body: ZSharingGroupInputSchema,
          response: answers(ZSharingGroupSchema, 201),
        },
      },
      async (request, reply) => reply.status(201).send(await createGroup(ctx, actorOf(request), request.body)),
    );

    app.put(
      '/federation/groups/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change a sharing group: name, region, members; `version` guards against concurrent edits (audited)',
          params: ZIdParamsSchema,
          body: ZUpdateGroupSchema,
          response: answers(ZSharingGroupSchema),
        },
      },
      async (request) => updateGroup(ctx, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/federation/groups/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Delete a sharing group (audited); past shares keep their recorded expansion',
          params: ZIdParamsSchema,
          response: answers(ZOkSchema),
        },
      },
      async (request) => {
        await deleteGroup(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
