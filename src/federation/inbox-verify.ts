// Verifies every message of an opened batch outside the database transaction (CPU only) and sorts
// them: authentic ones go on to ordering, each with its body already checked against its type's
// schema; the rest are refused with the code verifyMessage gave, marked by whether the refusal came
// before the signature was verified (anyone could have produced it) or after (the sender signed it).
import {
  fedError,
  isFederationError,
  isSignedRefusal,
  readUnverifiedHeader,
  UUID_V7,
  verifyMessageAsync,
  type FederationErrorCode,
  type SigKeyResolver,
} from './crypto/index.js';
import { checkInboundBody } from './inbound-handlers.js';
import type { AuthenticMessage } from './inbox-channel.js';

export type Refusal = {
  mid: string | null;
  code: FederationErrorCode;
  from?: string;
  channel?: string;
  seq?: number;
  type?: string;
  /** True when the signature held: the refusal is about something the sender really signed. */
  authenticated: boolean;
};
export type Verified = {
  authentic: AuthenticMessage[];
  refused: Refusal[];
  unknownKey: boolean;
  /** Messages left unchecked because the probe authenticated nobody (see `probe`); 0 when all were checked. */
  unchecked: number;
};

/** Authentic but refused on arrival: the signature held, so the seq is genuinely the sender's and is consumed. */
const CONSUMING = new Set(['FED_EXPIRED', 'FED_NOT_YET_VALID']);

type Expected = { to: string; from: string; now: Date; clockSkewSeconds: number };
type Checked = { jws: string; ok?: Awaited<ReturnType<typeof verifyMessageAsync>>; error?: unknown };

/**
 * `probe`: check the first `probe` messages first; if none of them is authentic and every refusal came
 * before a signature held, the rest is left unchecked (`unchecked`) — a sender's own batch starts
 * with messages it signed, so only forged or junk batches stop here, after a few signature checks
 * instead of thousands that would crowd real peers' verifications out of the thread pool.
 */
export async function verifyBatchMessages(
  messages: readonly string[],
  resolve: SigKeyResolver,
  expected: Expected,
  options: { probe?: number } = {},
): Promise<Verified> {
  const probe = Math.min(options.probe ?? messages.length, messages.length);
  const head = await checkAll(messages.slice(0, probe), resolve, expected);
  if (probe < messages.length) {
    const probed = classify(head);
    if (probed.authentic.length === 0 && probed.refused.every((r) => !r.authenticated))
      return { ...probed, unchecked: messages.length - probe };
  }
  return classify([...head, ...(await checkAll(messages.slice(probe), resolve, expected))]);
}

/** All signatures are checked at once on the thread pool; the outcomes are then read in batch order. */
function checkAll(messages: readonly string[], resolve: SigKeyResolver, expected: Expected): Promise<Checked[]> {
  return Promise.all(
    messages.map(async (jws): Promise<Checked> => {
      try {
        // Only the batch sender's keys are consulted; a message naming anyone else is refused as such.
        const claimed = readUnverifiedHeader(jws)?.from;
        if (typeof claimed === 'string' && claimed !== expected.from)
          throw fedError('FED_SENDER_MISMATCH', { from: claimed });
        return { jws, ok: await verifyMessageAsync(jws, resolve, expected) };
      } catch (error) {
        return { jws, error };
      }
    }),
  );
}

function classify(checked: readonly Checked[]): Verified {
  const out: Verified = { authentic: [], refused: [], unknownKey: false, unchecked: 0 };
  const seen = new Set<string>();
  for (const { jws, ok, error } of checked) {
    try {
      if (!ok) throw error;
      const { header, payload } = ok;
      if (seen.has(header.mid)) continue; // the same message twice in one batch counts once
      seen.add(header.mid);
      // The body is checked here, on arrival, whatever its place in the channel: one that fails its
      // schema is refused now (FED_INVALID_BODY) and consumes its seq when its turn comes.
      const body = checkInboundBody(header.mtype, header.sv, payload.body);
      out.authentic.push({
        mid: header.mid,
        channel: header.channel,
        seq: header.seq,
        mtype: header.mtype,
        schema: header.sv,
        body: body.ok ? payload.body : null,
        checked: body.ok ? body.body : null,
        createdAt: new Date(header.iat * 1000),
        jws,
        preRejectCode: body.ok ? null : body.code,
        preRejectDetails: body.ok ? null : body.details,
      });
    } catch (e) {
      if (!isFederationError(e)) throw e;
      const h = readUnverifiedHeader(jws) ?? {};
      const mid = typeof h.mid === 'string' && UUID_V7.test(h.mid) ? h.mid : null;
      if (e.code === 'FED_UNKNOWN_KEY') out.unknownKey = true;
      if (
        CONSUMING.has(e.code) &&
        mid &&
        h.channel &&
        typeof h.seq === 'number' &&
        h.mtype &&
        typeof h.sv === 'number' &&
        typeof h.iat === 'number'
      ) {
        if (seen.has(mid)) continue;
        seen.add(mid);
        out.authentic.push({
          mid,
          channel: h.channel,
          seq: h.seq,
          mtype: h.mtype,
          schema: h.sv,
          body: null,
          checked: null,
          createdAt: new Date(h.iat * 1000),
          jws,
          preRejectCode: e.code,
          preRejectDetails: null,
        });
        continue;
      }
      out.refused.push({
        mid,
        code: e.code,
        authenticated: isSignedRefusal(e),
        from: typeof h.from === 'string' ? h.from.slice(0, 64) : undefined,
        channel: typeof h.channel === 'string' ? h.channel.slice(0, 128) : undefined,
        seq: typeof h.seq === 'number' ? h.seq : undefined,
        type: typeof h.mtype === 'string' ? h.mtype.slice(0, 64) : undefined,
      });
    }
  }
  return out;
}
