// Verifies every message of an opened batch outside the database transaction (CPU only) and sorts
// them: authentic ones go on to ordering; the rest are refused with the code verifyMessage gave.
import { fedError, isFederationError, readUnverifiedHeader, UUID_V7, verifyMessageAsync, type SigKeyResolver } from './crypto/index.js';
import type { AuthenticMessage } from './inbox-channel.js';

export type Refusal = { mid: string | null; code: string; from?: string; channel?: string; seq?: number; type?: string };
export type Verified = { authentic: AuthenticMessage[]; refused: Refusal[]; unknownKey: boolean };

/** Authentic but refused on arrival: the signature held, so the seq is genuinely the sender's and is consumed. */
const CONSUMING = new Set(['FED_EXPIRED', 'FED_NOT_YET_VALID']);

export async function verifyBatchMessages(
  messages: readonly string[], resolve: SigKeyResolver, expected: { to: string; from: string; now: Date; clockSkewSeconds: number },
): Promise<Verified> {
  // All signatures are checked at once on the thread pool; the outcomes are then read in batch order.
  const checked = await Promise.all(messages.map(async (jws) => {
    try {
      // Only the batch sender's keys are consulted; a message naming anyone else is refused as such.
      const claimed = readUnverifiedHeader(jws)?.from;
      if (typeof claimed === 'string' && claimed !== expected.from) throw fedError('FED_SENDER_MISMATCH', { from: claimed });
      return { jws, ok: await verifyMessageAsync(jws, resolve, expected) };
    } catch (error) {
      return { jws, error };
    }
  }));
  const out: Verified = { authentic: [], refused: [], unknownKey: false };
  const seen = new Set<string>();
  for (const { jws, ok, error } of checked) {
    try {
      if (!ok) throw error;
      const { header, payload } = ok;
      if (seen.has(header.mid)) continue; // the same message twice in one batch counts once
      seen.add(header.mid);
      out.authentic.push({
        mid: header.mid, channel: header.channel, seq: header.seq, mtype: header.mtype, schema: header.sv, body: payload.body,
        createdAt: new Date(header.iat * 1000), jws, preRejectCode: null,
      });
    } catch (e) {
      if (!isFederationError(e)) throw e;
      const h = readUnverifiedHeader(jws) ?? {};
      const mid = typeof h.mid === 'string' && UUID_V7.test(h.mid) ? h.mid : null;
      if (e.code === 'FED_UNKNOWN_KEY') out.unknownKey = true;
      if (CONSUMING.has(e.code) && mid && h.channel && typeof h.seq === 'number' && h.mtype && typeof h.sv === 'number' && typeof h.iat === 'number') {
        if (seen.has(mid)) continue;
        seen.add(mid);
        out.authentic.push({
          mid, channel: h.channel, seq: h.seq, mtype: h.mtype, schema: h.sv, body: null, createdAt: new Date(h.iat * 1000), jws, preRejectCode: e.code,
        });
        continue;
      }
      out.refused.push({
        mid, code: e.code, from: typeof h.from === 'string' ? h.from.slice(0, 64) : undefined,
        channel: typeof h.channel === 'string' ? h.channel.slice(0, 128) : undefined,
        seq: typeof h.seq === 'number' ? h.seq : undefined, type: typeof h.mtype === 'string' ? h.mtype.slice(0, 64) : undefined,
      });
    }
  }
  return out;
}
