// Tabletop exercises (docs/spec.md §7.2): scenarios, runs (create, start, end), the director's live board
// and score, and participants' view of exercises other nodes direct.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../../services/context.js';
import { createExercise } from '../../../services/exercise/create-exercise.js';
import { createScenario } from '../../../services/exercise/create-scenario.js';
import { endExercise } from '../../../services/exercise/end-exercise.js';
import { getExerciseBoard } from '../../../services/exercise/exercise-board.js';
import { getParticipation } from '../../../services/exercise/get-participation.js';
import { getScenario } from '../../../services/exercise/get-scenario.js';
import { listExerciseOverview } from '../../../services/exercise/list-exercises.js';
import { startExercise } from '../../../services/exercise/start-exercise.js';
import { updateScenario } from '../../../services/exercise/update-scenario.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, ZIdParamsSchema } from '../common.schema.js';
import {
  presentBoard,
  presentExercise,
  presentParticipation,
  presentParticipationView,
  presentScenario,
} from './exercise.presenter.js';
import {
  ZExerciseBoardSchema,
  ZExerciseOverviewSchema,
  ZExerciseViewSchema,
  ZParticipationDetailSchema,
  ZScenarioViewSchema,
} from './exercises.response.js';
import { ZCreateExerciseSchema, ZScenarioInputSchema } from './exercises.schema.js';

export function exercisesRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exercises'];
    const withId = { tags, params: ZIdParamsSchema };
    const read = { permission: 'exercise:read' } as const;
    const direct = { permission: 'exercise:direct' } as const;

    app.get(
      '/exercises',
      {
        config: read,
        schema: {
          tags,
          summary: 'Scenarios and runs this node directs, and exercises it takes part in',
          response: answers(ZExerciseOverviewSchema),
        },
      },
      async (request) => {
        const o = await listExerciseOverview(ctx, actorOf(request));
        return {
          scenarios: o.scenarios.map(presentScenario),
          exercises: o.exercises.map(presentExercise),
          participations: o.participations.map(presentParticipation),
        };
      },
    );

    app.post(
      '/exercises/scenarios',
      {
        config: direct,
        schema: {
          tags,
          summary: 'Write a scenario: bilingual title and briefing, participants, timed injects',
          body: ZScenarioInputSchema,
          response: answers(ZScenarioViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentScenario(await createScenario(ctx, actorOf(request), request.body))),
    );

    app.get(
      '/exercises/scenarios/:id',
      {
        config: read,
        schema: { ...withId, summary: 'One scenario with its injects', response: answers(ZScenarioViewSchema) },
      },
      async (request) => presentScenario(await getScenario(ctx, actorOf(request), request.params.id)),
    );

    app.patch(
      '/exercises/scenarios/:id',
      {
        config: direct,
        schema: {
          ...withId,
          summary: 'Replace a scenario’s content (runs keep their own copy)',
          body: ZScenarioInputSchema,
          response: answers(ZScenarioViewSchema),
        },
      },
      async (request) => presentScenario(await updateScenario(ctx, actorOf(request), request.params.id, request.body)),
    );

    app.post(
      '/exercises',
      {
        config: direct,
        schema: {
          tags,
          summary: 'Prepare a run of a scenario with a time scale',
          body: ZCreateExerciseSchema,
          response: answers(ZExerciseViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentExercise(await createExercise(ctx, actorOf(request), request.body))),
    );

    app.post(
      '/exercises/:id/start',
      {
        config: direct,
        schema: {
          ...withId,
          summary: 'Start: schedule the injects and tell the participants',
          response: answers(ZExerciseViewSchema),
        },
      },
      async (request) => presentExercise(await startExercise(ctx, actorOf(request), request.params.id)),
    );

    app.post(
      '/exercises/:id/end',
      {
        config: direct,
        schema: {
          ...withId,
          summary: 'End: no further injects; the score is frozen',
          response: answers(ZExerciseViewSchema),
        },
      },
      async (request) => presentExercise(await endExercise(ctx, actorOf(request), request.params.id)),
    );

    app.get(
      '/exercises/:id/board',
      {
        config: read,
        schema: {
          ...withId,
          summary: 'Live board: per inject and party what was sent and done against the deadlines, scores, timeline',
          response: answers(ZExerciseBoardSchema),
        },
      },
      async (request) => presentBoard(await getExerciseBoard(ctx, actorOf(request), request.params.id)),
    );

    app.get(
      '/exercises/participations/:id',
      {
        config: read,
        schema: {
          ...withId,
          summary: 'An exercise another node directs: briefing, injects, and the injected calls and requests here',
          response: answers(ZParticipationDetailSchema),
        },
      },
      async (request) => presentParticipationView(await getParticipation(ctx, actorOf(request), request.params.id)),
    );
  };
}
