// Administration of users: list, create, change roles, disable, unlock, reset password.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCreateUserSchema, ZUpdateUserSchema } from '../../../domain/user/schemas.js';
import { AppError } from '../../../errors.js';
import type { ServiceContext } from '../../../services/context.js';
import { createUser } from '../../../services/user/create-user.js';
import { presentUser } from '../../../services/user/present-user.js';
import { updateUser } from '../../../services/user/update-user.js';
import { findUserById, listUsers } from '../../../storage/repositories/user.repository.js';
import { actorOf } from '../../plugins/auth.js';
import { ERROR_RESPONSES, ZIdParamsSchema } from '../common.schema.js';

export function usersRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['users'];
    app.get('/users', { config: { permission: 'user:manage' }, schema: { tags, summary: 'List users' } },
      async () => ({ items: (await listUsers(ctx.db)).map(presentUser) }));

    app.post('/users', {
      config: { permission: 'user:manage' }, schema: { tags, summary: 'Create a user', body: ZCreateUserSchema, response: ERROR_RESPONSES },
    }, async (request, reply) => reply.status(201).send(await createUser(ctx, actorOf(request), request.body)));

    app.get('/users/:id', {
      config: { permission: 'user:manage' }, schema: { tags, summary: 'One user', params: ZIdParamsSchema, response: ERROR_RESPONSES },
    }, async (request) => {
      const user = await findUserById(ctx.db, request.params.id);
      if (!user) throw new AppError('USER_NOT_FOUND');
      return presentUser(user);
    });

    app.patch('/users/:id', {
      config: { permission: 'user:manage' },
      schema: { tags, summary: 'Change roles, name, password; disable or unlock', params: ZIdParamsSchema, body: ZUpdateUserSchema, response: ERROR_RESPONSES },
    }, async (request) => updateUser(ctx, actorOf(request), request.params.id, request.body));
  };
}
