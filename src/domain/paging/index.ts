// Public API of the paging area (issue 19): rules, page content, signatures.
export * from './rules.js';
export * from './page-content.js';
export * from './signature.js';
export * from './schemas.js';
export * from './node-settings.js';
