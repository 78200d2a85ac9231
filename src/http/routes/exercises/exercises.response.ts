// What the exercise routes answer with, as zod schemas: Fastify serialises through them (only these
// fields leave the node) and the OpenAPI document — and so the web client's types — come from them.
import { z } from 'zod';
import { INJECT_KINDS, STEP_NAMES } from '../../../domain/exercise/index.js';
import { ZExercise, ZInject, ZParticipantExercise, ZScenario } from '../../../domain/exercise/record-schema.js';
import { ZBilingualSchema } from '../common.schema.js';

export const ZInjectSchema = ZInject.meta({ id: 'Inject' });

export const ZScenarioViewSchema = ZScenario.extend({ injects: z.array(ZInjectSchema) }).meta({ id: 'ScenarioView' });

/** A run as shown: the director by name only (their user id and roles stay on this node). */
export const ZExerciseViewSchema = ZExercise.extend({ injects: z.array(ZInjectSchema), director: z.string() }).meta({
  id: 'ExerciseView',
});

export const ZParticipationSummarySchema = ZParticipantExercise.omit({ version: true }).meta({
  id: 'ParticipationSummary',
});

export const ZParticipationDetailSchema = ZParticipationSummarySchema.extend({
  records: z.array(
    z.object({
      kind: z.enum(['call', 'request']),
      id: z.string(),
      reference: z.string(),
      status: z.string(),
      at: z.string(),
    }),
  ),
}).meta({ id: 'ParticipationDetail' });

export const ZExerciseOverviewSchema = z
  .object({
    scenarios: z.array(ZScenarioViewSchema),
    exercises: z.array(ZExerciseViewSchema),
    participations: z.array(ZParticipationSummarySchema),
  })
  .meta({ id: 'ExerciseOverview' });

const ZStepScore = z
  .object({
    step: z.enum(STEP_NAMES),
    measuredMinutes: z.number().nullable(),
    deadlineMinutes: z.number().nullable(),
    status: z.enum(['met', 'missed', 'pending', 'unfinished', 'measured']),
    points: z.number().nullable(),
  })
  .meta({ id: 'StepScore' });

const ZBoardRow = z
  .object({
    injectId: z.string(),
    party: z.string(),
    kind: z.enum(INJECT_KINDS),
    title: ZBilingualSchema,
    offsetMinutes: z.number(),
    plannedAt: z.string(),
    firedAt: z.string().nullable(),
    error: ZBilingualSchema.nullable(),
    callId: z.string().nullable(),
    requestId: z.string().nullable(),
    reference: z.string().nullable(),
    status: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    dueAt: z.object({ acknowledge: z.string().nullable(), fulfil: z.string().nullable() }),
    met: z.boolean().nullable(),
    steps: z.array(ZStepScore),
  })
  .meta({ id: 'BoardRow' });

const ZPartyScore = z
  .object({
    party: z.string(),
    score: z.number().nullable(),
    met: z.number(),
    missed: z.number(),
    pending: z.number(),
  })
  .meta({ id: 'PartyScore' });

const ZExerciseTimelineEntry = z
  .object({
    at: z.string(),
    minute: z.number(),
    party: z.string(),
    injectId: z.string(),
    event: z.enum(['sent', ...STEP_NAMES]),
  })
  .meta({ id: 'ExerciseTimelineEntry' });

export const ZExerciseBoardSchema = z
  .object({
    exercise: ZExerciseViewSchema,
    minute: z.number().nullable(),
    rows: z.array(ZBoardRow),
    parties: z.array(ZPartyScore),
    timeline: z.array(ZExerciseTimelineEntry),
  })
  .meta({ id: 'ExerciseBoard' });
