// Public API of the exercise domain (docs/spec.md §7.2): scenario shapes and rules, schedule, scoring, timeline.
export * from './types.js';
export * from './schemas.js';
export * from './schedule.js';
export * from './scoring.js';
export * from './timeline.js';
export * from './state.js';
export { validateScenario, type ScenarioContext } from './validate-scenario.js';
export { callMessage, markedSubject, EXERCISE_MARK } from './inject-content.js';
export { EXERCISE_ERRORS } from './errors.js';
export * from './participation.js';
