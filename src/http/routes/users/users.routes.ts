// Administration of users: list, create, change roles, disable, unlock, reset password.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCreateUserSchema, ZUpdateUserSchema } from '../../../domain/user/schemas.js';
import type { ServiceContext } from '../../../services/context.js';
import { createUser } from '../../../services/user/create-user.js';
import { presentUser } from '../../../services/user/present-user.js';
import { getUser, listUsersForAdmin } from '../../../services/user/read-users.js';
import { updateUser } from '../../../services/user/update-user.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf, ZIdParamsSchema } from '../common.schema.js';
import { ZAdminUserSchema, ZUserSchema } from './users.response.js';

export function usersRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['users'];
    app.get(
      '/users',
      {
        config: { permission: 'user:manage' },
        schema: { tags, summary: 'List users', response: answers(itemsOf(ZAdminUserSchema)) },
      },
      async () => ({
        items: (await listUsersForAdmin(ctx)).map(({ user, passkeys }) => ({ ...presentUser(user), passkeys })),
      }),
    );

    app.post(
      '/users',
      {
        config: { permission: 'user:manage' },
        schema: { tags, summary: 'Create a user', body: ZCreateUserSchema, response: answers(ZUserSchema, 201) },
      },
      async (request, reply) => reply.status(201).send(await createUser(ctx, actorOf(request), request.body)),
    );

    app.get(
      '/users/:id',
      {
        config: { permission: 'user:manage' },
        schema: { tags, summary: 'One user', params: ZIdParamsSchema, response: answers(ZUserSchema) },
      },
      async (request) => {
        return presentUser(await getUser(ctx, request.params.id));
      },
    );

    app.patch(
      '/users/:id',
      {
        config: { permission: 'user:manage' },
        schema: {
          tags,
          summary: 'Change roles, name, password; disable or unlock',
          params: ZIdParamsSchema,
          body: ZUpdateUserSchema,
          response: answers(ZUserSchema),
        },
      },
      async (request) => updateUser(ctx, actorOf(request), request.params.id, request.body),
    );
  };
}
