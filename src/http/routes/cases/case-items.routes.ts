// A case's observables (single, batch or pasted values; normalized and merged) and its tasks.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAddTaskSchema, ZTaskActionSchema } from '../../../domain/case/index.js';
import type { ServiceContext } from '../../../services/context.js';
import {
  addCaseObservables,
  listObservables,
  type ObservableSubmission,
} from '../../../services/case/add-observables.js';
import { actOnTask, addTask, listTasks } from '../../../services/case/case-tasks.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf, ZIdParamsSchema } from '../common.schema.js';
import { ZCaseTaskSchema, ZObservableOutcomeSchema, ZObservableSchema } from './cases.response.js';
import { presentObservable, presentObservableOutcome, presentTask } from './case.presenter.js';
import { ZCaseTaskParamsSchema, ZObservableListQuerySchema, ZObservablesBodySchema } from './cases.schema.js';

export function caseItemsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const withId = { tags: ['cases'], params: ZIdParamsSchema };

    app.get(
      '/cases/:id/observables',
      {
        config: { permission: 'case:read' },
        schema: {
          ...withId,
          summary: 'Observables of the case, first seen first',
          querystring: ZObservableListQuerySchema,
          response: answers(itemsOf(ZObservableSchema)),
        },
      },
      async (request) => ({
        items: (await listObservables(ctx, actorOf(request), request.params.id, request.query.type)).map(
          presentObservable,
        ),
      }),
    );

    app.post(
      '/cases/:id/observables',
      {
        config: { permission: 'case:edit' },
        schema: {
          ...withId,
          summary: 'Add one observable, a batch, or pasted values (one per line); duplicates merge',
          body: ZObservablesBodySchema,
          response: { ...answers(ZObservableOutcomeSchema, 201), 200: ZObservableOutcomeSchema },
        },
      },
      async (request, reply) => {
        const outcome = await addCaseObservables(
          ctx,
          actorOf(request),
          request.params.id,
          request.body as ObservableSubmission,
        );
        return reply.status(outcome.added.length > 0 ? 201 : 200).send(presentObservableOutcome(outcome));
      },
    );

    app.get(
      '/cases/:id/tasks',
      {
        config: { permission: 'case:read' },
        schema: {
          ...withId,
          summary: 'Tasks of the case with due state and allowed actions',
          response: answers(itemsOf(ZCaseTaskSchema)),
        },
      },
      async (request) => ({ items: (await listTasks(ctx, actorOf(request), request.params.id)).map(presentTask) }),
    );

    app.post(
      '/cases/:id/tasks',
      {
        config: { permission: 'case:edit' },
        schema: { ...withId, summary: 'Create a task', body: ZAddTaskSchema, response: answers(ZCaseTaskSchema, 201) },
      },
      async (request, reply) =>
        reply.status(201).send(presentTask(await addTask(ctx, actorOf(request), request.params.id, request.body))),
    );

    app.post(
      '/cases/:id/tasks/:taskId/actions',
      {
        config: { permission: 'case:edit' },
        schema: {
          tags: ['cases'],
          params: ZCaseTaskParamsSchema,
          response: answers(ZCaseTaskSchema),
          summary: 'Start, complete, cancel, reopen, reassign, reschedule or edit a task',
          body: ZTaskActionSchema,
        },
      },
      async (request) =>
        presentTask(await actOnTask(ctx, actorOf(request), request.params.id, request.params.taskId, request.body)),
    );
  };
}
