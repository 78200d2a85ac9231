// SQL for the node's passkey policy: one entry of node_settings.
import { z } from 'zod';
import { DEFAULT_PASSKEY_POLICY, type PasskeyPolicy } from '../../domain/passkey/policy.js';
import type { Queryable, Row } from '../db.js';
import { parseRow } from './row-schema.js';

const KEY = 'auth.passkey_policy';

export async function findPasskeyPolicy(db: Queryable, forUpdate = false): Promise<PasskeyPolicy> {
  const [r] = await db.query<{ value: Partial<PasskeyPolicy> }>(
    `SELECT value FROM node_settings WHERE key = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [KEY],
  );
  return { ...DEFAULT_PASSKEY_POLICY, ...(r?.value ?? {}) };
}

export async function savePasskeyPolicy(tx: Queryable, policy: PasskeyPolicy): Promise<void> {
  await tx.query(
    'INSERT INTO node_settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [KEY, JSON.stringify(policy)],
  );
}

/** What the API gate needs on every call of a signed-in user: whether the policy is on, whether the user has a passkey. */
export type PasskeyGateFacts = { requireForRedRoles: boolean; hasPasskey: boolean };

/**
 * The gate's facts as two columns of another query (the session or API-token lookup, which joins
 * the user as `u`), so authenticating a call stays one round trip. The key is a literal: the
 * fragment adds no parameter to the query it joins.
 */
export const PASSKEY_GATE_COLUMNS = `(SELECT (ns.value->>'requireForRedRoles')::boolean FROM node_settings ns WHERE ns.key = '${KEY}') AS gate_required,
  EXISTS (SELECT 1 FROM passkeys pk WHERE pk.user_id = u.id) AS gate_has_passkey`;

const ZGateColumns = z.object({ gate_required: z.boolean().nullable(), gate_has_passkey: z.boolean() });

/** Reads the two columns PASSKEY_GATE_COLUMNS adds (a policy never saved is off). */
export function passkeyGateFromRow(row: Row): PasskeyGateFacts {
  const r = parseRow(ZGateColumns, 'node_settings', row);
  return { requireForRedRoles: r.gate_required ?? false, hasPasskey: r.gate_has_passkey };
}
