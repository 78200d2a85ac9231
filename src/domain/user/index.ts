// Public API of the user/auth domain.
export * from './permissions.js';
export * from './totp.js';
export * from './lockout.js';
export * from './schemas.js';
export * from './token-scope.js';
