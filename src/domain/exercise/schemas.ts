// Zod shapes of scenario input (shape only; the bilingual business rules live in validate-scenario.ts).
import { z } from 'zod';
import { CALL_TOPICS, CALL_URGENCIES, ZCallCallbackSchema } from '../call/index.js';
import { ZCreateRequestDraftSchema } from '../request/index.js';
import { MAX_TIME_SCALE, MIN_TIME_SCALE } from './schedule.js';

const bilingual = (max: number) => z.object({ en: z.string().max(max), zh: z.string().max(max) });
const party = z.string().min(1).max(100);

/** An exercise lasts at most a week of exercise time. */
export const MAX_OFFSET_MINUTES = 7 * 24 * 60;
export const MAX_INJECTS = 50;

const base = {
  id: z.string().min(1).max(64).optional().describe('kept when editing; a new id is given otherwise'),
  offsetMinutes: z.number().int().min(0).max(MAX_OFFSET_MINUTES).describe('T+minutes in exercise time'),
  party,
  title: bilingual(300),
};

export const ZInjectInputSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('call'),
    urgency: z.enum(CALL_URGENCIES),
    topic: z.enum(CALL_TOPICS),
    text: bilingual(450),
    callback: ZCallCallbackSchema,
  }),
  z.object({ ...base, kind: z.literal('request'), request: ZCreateRequestDraftSchema.omit({ requestedParty: true }) }),
  z.object({ ...base, kind: z.literal('info'), text: bilingual(4000) }),
]);
export type TInjectInput = z.infer<typeof ZInjectInputSchema>;

export const ZScenarioInputSchema = z.object({
  title: bilingual(300),
  briefing: bilingual(10_000),
  participants: z.array(party).max(20),
  /**
   * Sharing groups (docs/federation.md §19): on save, each adds its members that are active peers then
   * to `participants`; the scenario stores the resulting list, not the groups.
   */
  groups: z.array(party).max(20).optional(),
  injects: z.array(ZInjectInputSchema).max(MAX_INJECTS),
});
export type TScenarioInput = z.infer<typeof ZScenarioInputSchema>;

export const ZCreateExerciseSchema = z.object({
  scenarioId: z.string().min(1).max(64),
  timeScale: z
    .number()
    .min(MIN_TIME_SCALE)
    .max(MAX_TIME_SCALE)
    .default(1)
    .describe('exercise minutes per real minute (60: T+20 min fires after 20 s)'),
});
export type TCreateExercise = z.infer<typeof ZCreateExerciseSchema>;
