// Public reporting (docs/spec.md §6): the pure rules of reports from the public and their triage.
export * from './types.js';
export * from './receipt.js';
export * from './validation.js';
export * from './status-machine.js';
export * from './duplicates.js';
export * from './file-sniff.js';
export * from './token-bucket.js';
export * from './indicators.js';
export * from './report.js';
