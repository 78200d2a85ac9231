// UUIDv7 ids for messages and batches, stamped from the caller's clock rather than Date.now()
// so ids and headers agree and tests are deterministic in time.
import { V7Generator } from 'uuidv7';

// One generator per process keeps ids strictly increasing within the same millisecond.
const generator = new V7Generator();

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function newFederationId(now: Date): string {
  return generator.generateOrResetWithTs(now.getTime()).toString();
}
