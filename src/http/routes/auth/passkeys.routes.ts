// Passkeys (WebAuthn): the signed-in user's own passkeys (add, name, rename, remove), the
// challenges of a passkey ceremony, password-less sign-in with a passkey, and the node's policy
// requiring passkeys for roles that see TLP:RED data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZPasskeyChallengeSchema,
  ZPasskeyLoginSchema,
  ZPasskeyPolicySchema,
  ZPasskeyRegisterSchema,
  ZPasskeyRemoveSchema,
  ZPasskeyRenameSchema,
} from '../../../domain/passkey/schemas.js';
import type { ServiceContext } from '../../../services/context.js';
import { passkeyAuthenticationOptions } from '../../../services/passkey/authentication-options.js';
import { passkeyRegistrationOptions, registerPasskey } from '../../../services/passkey/enrol-passkey.js';
import { listOwnPasskeys } from '../../../services/passkey/list-passkeys.js';
import { loginWithPasskey } from '../../../services/passkey/passkey-login.js';
import { readPasskeyPolicy, setPasskeyPolicy } from '../../../services/passkey/passkey-policy.js';
import { removePasskey } from '../../../services/passkey/remove-passkey.js';
import { renamePasskey } from '../../../services/passkey/rename-passkey.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, ZIdParamsSchema, ZOkSchema } from '../common.schema.js';
import { setSessionCookie, withRetryAfter } from './session-cookie.js';
import { ZLoginResultSchema } from './auth.response.js';
import {
  ZOwnPasskeysSchema,
  ZPasskeyCreationOptionsSchema,
  ZPasskeyPolicySchema as ZPolicyViewSchema,
  ZPasskeyRequestOptionsSchema,
  ZPasskeySchema,
} from './passkeys.response.js';

export function passkeysRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['auth'];
    app.get(
      '/auth/passkeys',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'My passkeys, and whether the node requires me to have one',
          response: answers(ZOwnPasskeysSchema),
        },
      },
      async (request) => listOwnPasskeys(ctx, actorOf(request)),
    );

    app.post(
      '/auth/passkeys/registration-options',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Start adding a passkey: WebAuthn creation options (challenge valid 5 minutes, once)',
          response: answers(ZPasskeyCreationOptionsSchema),
        },
      },
      async (request) => ({ ...(await passkeyRegistrationOptions(ctx, actorOf(request))) }),
    );

    app.post(
      '/auth/passkeys',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Finish adding a passkey: its name and the browser’s answer',
          body: ZPasskeyRegisterSchema,
          response: answers(ZPasskeySchema, 201),
        },
      },
      async (request, reply) => reply.status(201).send(await registerPasskey(ctx, actorOf(request), request.body)),
    );

    app.patch(
      '/auth/passkeys/:id',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Rename one of my passkeys',
          params: ZIdParamsSchema,
          body: ZPasskeyRenameSchema,
          response: answers(ZPasskeySchema),
        },
      },
      async (request) => renamePasskey(ctx, actorOf(request), request.params.id, request.body.name),
    );

    app.post(
      '/auth/passkeys/confirm-options',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'A challenge to confirm a change with one of my passkeys (removing a passkey)',
          response: answers(ZPasskeyRequestOptionsSchema),
        },
      },
      async (request) => ({ ...(await passkeyAuthenticationOptions(ctx, 'confirm', actorOf(request))) }),
    );

    app.post(
      '/auth/passkeys/:id/remove',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Remove one of my passkeys (needs my password or an answer of one of my passkeys)',
          params: ZIdParamsSchema,
          body: ZPasskeyRemoveSchema,
          response: answers(ZOkSchema),
        },
      },
      async (request) => {
        await removePasskey(ctx, actorOf(request), request.params.id, request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/passkeys/challenge',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'A sign-in challenge: `login` (passkey alone) or `second_factor` (after the password)',
          body: ZPasskeyChallengeSchema,
          response: answers(ZPasskeyRequestOptionsSchema),
        },
      },
      async (request, reply) => {
        const options = await withRetryAfter(
          reply,
          passkeyAuthenticationOptions(ctx, request.body.purpose, null, request.ip),
        );
        return { ...options };
      },
    );

    app.post(
      '/auth/passkeys/login',
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: 'Sign in with a passkey alone (answer to a `login` challenge)',
          body: ZPasskeyLoginSchema,
          response: answers(ZLoginResultSchema),
        },
      },
      async (request, reply) => {
        const result = await withRetryAfter(reply, loginWithPasskey(ctx, request.body, { ip: request.ip }));
        setSessionCookie(request, reply, ctx.config, result);
        return result;
      },
    );

    app.get(
      '/auth/passkey-policy',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'The node’s passkey policy and the roles it covers',
          response: answers(ZPolicyViewSchema),
        },
      },
      async (request) => readPasskeyPolicy(ctx, actorOf(request)),
    );

    app.put(
      '/auth/passkey-policy',
      {
        config: { permission: 'self' },
        schema: {
          tags,
          summary: 'Require passkeys for roles that see TLP:RED data (supervisor or administrator)',
          body: ZPasskeyPolicySchema,
          response: answers(ZPolicyViewSchema),
        },
      },
      async (request) => setPasskeyPolicy(ctx, actorOf(request), request.body),
    );
  };
}
