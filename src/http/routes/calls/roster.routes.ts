// The on-call roster (docs/spec.md §3.2): shifts per rung of the escalation ladder, across time zones.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { addShift } from '../../../services/call/add-shift.js';
import { listRoster } from '../../../services/call/list-roster.js';
import { removeShift } from '../../../services/call/remove-shift.js';
import { updateShift } from '../../../services/call/update-shift.js';
import { whoIsOnDuty } from '../../../services/call/who-is-on-duty.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, ZIdParamsSchema, ZOkSchema } from '../common.schema.js';
import { ZOnDutySchema, ZRosterSchema, ZSavedShiftSchema } from './calls.response.js';
import { presentOnDuty, presentRoster, presentSavedShift } from './call.presenter.js';
import { ZOnDutyQuerySchema, ZRosterQuerySchema, ZShiftBodySchema, ZShiftPatchSchema } from './calls.schema.js';

export function rosterRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['roster'];
    /** Times are shown in the zone asked for, else in the signed-in user's own. */
    const zoneOf = (request: { auth: { user: { timeZone: string } } | null }, asked?: string) =>
      asked ?? request.auth?.user.timeZone ?? 'UTC';

    app.get(
      '/roster',
      {
        config: { permission: 'call:read' },
        schema: {
          tags,
          summary: 'Shifts in a period (default: yesterday to two weeks ahead) with cover gaps',
          querystring: ZRosterQuerySchema,
          response: answers(ZRosterSchema),
        },
      },
      async (request) =>
        presentRoster(
          await listRoster(ctx, actorOf(request), {
            ...request.query,
            viewerTimeZone: zoneOf(request, request.query.viewerTimeZone),
          }),
        ),
    );

    app.get(
      '/roster/on-duty',
      {
        config: { permission: 'call:read' },
        schema: {
          tags,
          summary: 'Who holds each rung of the ladder now, with their local time',
          querystring: ZOnDutyQuerySchema,
          response: answers(ZOnDutySchema),
        },
      },
      async (request) =>
        presentOnDuty(
          await whoIsOnDuty(ctx, actorOf(request), {
            at: request.query.at,
            viewerTimeZone: zoneOf(request, request.query.viewerTimeZone),
          }),
        ),
    );

    app.post(
      '/roster/shifts',
      {
        config: { permission: 'roster:manage' },
        schema: {
          tags,
          summary: 'Add a shift (UTC instants, or local times in its zone)',
          body: ZShiftBodySchema,
          response: answers(ZSavedShiftSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentSavedShift(await addShift(ctx, actorOf(request), request.body, zoneOf(request)))),
    );

    app.patch(
      '/roster/shifts/:id',
      {
        config: { permission: 'roster:manage' },
        schema: {
          tags,
          summary: 'Change a shift',
          params: ZIdParamsSchema,
          body: ZShiftPatchSchema,
          response: answers(ZSavedShiftSchema),
        },
      },
      async (request) =>
        presentSavedShift(await updateShift(ctx, actorOf(request), request.params.id, request.body, zoneOf(request))),
    );

    app.delete(
      '/roster/shifts/:id',
      {
        config: { permission: 'roster:manage' },
        schema: { tags, summary: 'Remove a shift', params: ZIdParamsSchema, response: answers(ZOkSchema) },
      },
      async (request) => {
        await removeShift(ctx, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
}
