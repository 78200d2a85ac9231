// Public API of the dialogue area (docs/spec.md §8): meetings, agreed outcomes, action items, progress.
export * from './types.js';
export * from './policy.js';
export * from './validation.js';
export * from './clock.js';
export * from './meeting.js';
export * from './outcome.js';
export * from './action-item.js';
export * from './progress.js';
export * from './schemas.js';
export { DIALOGUE_ERRORS } from './errors.js';
