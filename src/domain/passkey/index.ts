// Public API of the passkey (WebAuthn) domain.
export * from './challenge.js';
export * from './policy.js';
export * from './relying-party.js';
export * from './schemas.js';
