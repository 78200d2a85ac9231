// Shared fixtures for the federation crypto unit tests: two peered nodes and error assertions.
import { expect } from 'vitest';
import { isFederationError, type FederationErrorCode } from './errors.js';
import { buildNodeCard } from './node-card.js';
import type { NodeCard } from './node-card-schema.js';
import { createKeyRing, type KeyRing } from './node-keys.js';

export const T0 = new Date('2025-03-01T08:00:00.000Z');

export type TestNode = { id: string; ring: KeyRing; card: NodeCard };

export function makeNode(id: string, now: Date = T0, ring: KeyRing = createKeyRing(now)): TestNode {
  const card = buildNodeCard(
    { id, name: { en: `Agency ${id}`, zh: `机构 ${id}` }, country: 'CN', endpoint: `https://${id}.example.org` },
    ring,
    now,
  );
  return { id, ring, card };
}

export function expectFedError(fn: () => unknown, code: FederationErrorCode): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(isFederationError(thrown) ? thrown.code : thrown).toBe(code);
}

export async function expectFedErrorAsync(promise: Promise<unknown>, code: FederationErrorCode): Promise<void> {
  const thrown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isFederationError(thrown) ? thrown.code : thrown).toBe(code);
}

/** Replaces one base64url character of segment `index` with a different one. */
export function flipChar(compact: string, index: number, at = 5): string {
  const parts = compact.split('.');
  const part = parts[index] ?? '';
  const pos = Math.min(at, part.length - 1);
  const ch = part[pos] === 'A' ? 'B' : 'A';
  parts[index] = part.slice(0, pos) + ch + part.slice(pos + 1);
  return parts.join('.');
}

/** Rewrites the protected header of a compact JWS, keeping the original signature (a forgery attempt). */
export function withHeader(jws: string, change: (header: Record<string, unknown>) => Record<string, unknown>): string {
  const [h, p, s] = jws.split('.');
  const header = JSON.parse(Buffer.from(h ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return [Buffer.from(JSON.stringify(change(header))).toString('base64url'), p, s].join('.');
}

/** Rewrites the payload of a compact JWS, keeping the original signature. */
export function withPayload(jws: string, payload: string): string {
  const [h, , s] = jws.split('.');
  return [h, Buffer.from(payload).toString('base64url'), s].join('.');
}
