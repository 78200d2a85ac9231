// Shapes the exercise API answers with, generated from the node's OpenAPI document
// (src/http/routes/exercises/exercises.response.ts; npm run gen:api-types).
import type { components } from './generated/api';

type S = components['schemas'];
export type Inject = S['Inject'];
export type StepScore = S['StepScore'];
export type TimelineEntry = S['ExerciseTimelineEntry'];
export type ScenarioView = S['ScenarioView'];
export type ExerciseView = S['ExerciseView'];
export type ParticipationSummary = S['ParticipationSummary'];
export type ParticipationDetail = S['ParticipationDetail'];
export type ExerciseOverview = S['ExerciseOverview'];
export type BoardRow = S['BoardRow'];
export type PartyScore = S['PartyScore'];
export type ExerciseBoard = S['ExerciseBoard'];
