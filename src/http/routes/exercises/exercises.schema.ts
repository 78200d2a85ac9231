// HTTP shapes for exercises: the domain's scenario and run schemas (they drive validation and OpenAPI).
export { ZCreateExerciseSchema, ZScenarioInputSchema } from '../../../domain/exercise/index.js';
