// Public API of the hotline area (docs/spec.md §3): calls, ack clock and ladder, roster, contact log.
export * from './topics.js';
export * from './types.js';
export * from './clock.js';
export * from './policy.js';
export * from './validation.js';
export * from './place-call.js';
export * from './transitions.js';
export * from './draft.js';
export * from './roster.js';
export * from './roster-display.js';
export * from './contact-log.js';
export { isValidTimeZone, zoneOffsetMs, zonedLocalToInstant, formatInZone } from '../shared/zones.js';
export * from './schemas.js';
export { CALL_ERRORS } from './errors.js';
