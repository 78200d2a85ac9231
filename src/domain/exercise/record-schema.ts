// The stored shapes of tabletop exercises (scenarios, the director's runs, a participant's view) as
// zod schemas, checked against the types at compile time, with their upgrade chains
// (docs/architecture.md, "Storage").
import { z } from 'zod';
import { CALL_TOPICS, CALL_URGENCIES } from '../call/topics.js';
import { ZCreateRequestDraftSchema } from '../request/schemas.js';
import { ZBilingual } from '../shared/record-schema-parts.js';
import { ROLES } from '../shared/roles.js';
import { sameType, type SameType } from '../shared/same-type.js';
import { storedDocument } from '../shared/stored-document.js';
import type { ParticipantExercise } from './participation.js';
import { EXERCISE_STATES, INJECT_KINDS, type Exercise, type Inject, type Scenario } from './types.js';

const injectBase = { id: z.string(), offsetMinutes: z.number(), party: z.string(), title: ZBilingual };

/** Request injects were checked as draft input when the scenario was written; the same shape is stored. */
export const ZInject = z.discriminatedUnion('kind', [
  z.object({
    ...injectBase,
    kind: z.literal('call'),
    urgency: z.enum(CALL_URGENCIES),
    topic: z.enum(CALL_TOPICS),
    text: ZBilingual,
    callback: z.object({
      name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      timeZone: z.string(),
    }),
  }),
  z.object({
    ...injectBase,
    kind: z.literal('request'),
    request: ZCreateRequestDraftSchema.omit({ requestedParty: true }),
  }),
  z.object({ ...injectBase, kind: z.literal('info'), text: ZBilingual }),
]);
sameType<SameType<z.infer<typeof ZInject>, Inject>>(true);

export const ZScenario = z.object({
  id: z.string(),
  title: ZBilingual,
  briefing: ZBilingual,
  participants: z.array(z.string()),
  injects: z.array(ZInject),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
sameType<SameType<z.infer<typeof ZScenario>, Scenario>>(true);
export const SCENARIO_DOCUMENT = storedDocument<Scenario>('exercise scenario', ZScenario);

export const ZExercise = z.object({
  id: z.string(),
  scenarioId: z.string(),
  title: ZBilingual,
  briefing: ZBilingual,
  participants: z.array(z.string()),
  injects: z.array(ZInject),
  state: z.enum(EXERCISE_STATES),
  timeScale: z.number(),
  director: z.object({ userId: z.string(), name: z.string(), roles: z.array(z.enum(ROLES)) }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  version: z.number().int(),
});
sameType<SameType<z.infer<typeof ZExercise>, Exercise>>(true);
export const EXERCISE_DOCUMENT = storedDocument<Exercise>('exercise', ZExercise);

export const ZParticipantExercise = z.object({
  id: z.string(),
  directorParty: z.string(),
  title: ZBilingual,
  briefing: ZBilingual,
  timeScale: z.number(),
  state: z.enum(['running', 'ended']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  injects: z.array(
    z.object({ id: z.string(), offsetMinutes: z.number(), kind: z.enum(INJECT_KINDS), title: ZBilingual }),
  ),
  received: z.array(z.object({ injectId: z.string(), title: ZBilingual, text: ZBilingual, at: z.string() })),
  updatedAt: z.string(),
  version: z.number().int(),
});
sameType<SameType<z.infer<typeof ZParticipantExercise>, ParticipantExercise>>(true);
export const PARTICIPATION_DOCUMENT = storedDocument<ParticipantExercise>(
  'exercise participation',
  ZParticipantExercise,
);
