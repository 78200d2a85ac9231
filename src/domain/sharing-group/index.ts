// Sharing groups and group expansion (docs/federation.md §19).
export * from './schemas.js';
export * from './expand.js';
export { SHARING_GROUP_ERRORS } from './errors.js';
export * from './broadcast-schema.js';
