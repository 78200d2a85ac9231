// Ed25519 compact JWS straight on node:crypto: the hot path for every federation message.
// Output is byte-identical to jose's CompactSign (Ed25519 is deterministic and the header is
// serialised with JSON.stringify exactly as jose does); jose stays the reference in the tests.
import { sign, verify, type KeyObject } from 'node:crypto';
import { fedError } from './errors.js';

export type JwsHeader = { alg: 'EdDSA' } & Record<string, unknown>;

/** A compact JWS split and header-decoded but NOT yet verified: read `header` only to pick a key. */
export type ParsedJws = {
  header: Record<string, unknown>;
  /** `<header>.<payload>` exactly as received: the bytes the signature covers. */
  signingInput: string;
  encodedPayload: string;
  signature: Buffer;
};

const B64URL = /^[A-Za-z0-9_-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true }); // same strictness as jose's header decoder

function assertEd25519(key: KeyObject, type: 'private' | 'public'): void {
  if (key.asymmetricKeyType !== 'ed25519' || (type === 'private' && key.type !== 'private')) {
    throw new TypeError(`an Ed25519 ${type} KeyObject is required`);
  }
}

/** The signing input `<header>.<payload>`, after refusing headers we never emit. */
function signingInputFor(header: JwsHeader, payload: Uint8Array | string, key: KeyObject): string {
  if (header.alg !== 'EdDSA') throw new TypeError('fast-jws signs alg EdDSA only');
  // Extensions change how the payload is read; we never emit them, so a header carrying one is a bug.
  if (header.crit !== undefined || header.b64 !== undefined) throw new TypeError('crit/b64 are not supported');
  assertEd25519(key, 'private');
  const body =
    typeof payload === 'string'
      ? Buffer.from(payload, 'utf8')
      : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  return `${Buffer.from(JSON.stringify(header), 'utf8').toString('base64url')}.${body.toString('base64url')}`;
}

export function fastSign(header: JwsHeader, payload: Uint8Array | string, key: KeyObject): string {
  const input = signingInputFor(header, payload, key);
  return `${input}.${sign(null, Buffer.from(input, 'latin1'), key).toString('base64url')}`;
}

/** fastSign with the signature computed on libuv's thread pool (bulk enqueues use every core). */
export async function fastSignAsync(header: JwsHeader, payload: Uint8Array | string, key: KeyObject): Promise<string> {
  const input = signingInputFor(header, payload, key);
  const signature = await new Promise<Buffer>((resolve, reject) => {
    sign(null, Buffer.from(input, 'latin1'), key, (err, sig) => (err ? reject(err) : resolve(sig)));
  });
  return `${input}.${signature.toString('base64url')}`;
}

/** base64url without padding or whitespace; length ≡ 1 (mod 4) can never be valid. */
function isB64url(part: string): boolean {
  return part.length % 4 !== 1 && B64URL.test(part);
}

export function parseJws(jws: unknown): ParsedJws {
  if (typeof jws !== 'string') throw fedError('FED_MALFORMED', { reason: 'JWS must be a string' });
  const parts = jws.split('.');
  const [h, p, s] = parts;
  if (parts.length !== 3 || h === undefined || p === undefined || s === undefined) {
    throw fedError('FED_MALFORMED', { reason: 'not a compact JWS' });
  }
  if (!isB64url(h) || !isB64url(p) || !isB64url(s)) throw fedError('FED_MALFORMED', { reason: 'bad base64url' });
  let header: unknown;
  try {
    header = JSON.parse(utf8.decode(Buffer.from(h, 'base64url')));
  } catch (cause) {
    throw fedError('FED_MALFORMED', { reason: 'protected header is not JSON' }, cause);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw fedError('FED_MALFORMED', { reason: 'protected header is not an object' });
  }
  return {
    header: header as Record<string, unknown>,
    signingInput: jws.slice(0, h.length + 1 + p.length),
    encodedPayload: p,
    signature: Buffer.from(s, 'base64url'),
  };
}

/** The header checks both verify paths make before looking at the signature; returns the signed bytes. */
function verifiableInput(parsed: ParsedJws, key: KeyObject): Buffer {
  const { header } = parsed;
  if (header.alg !== 'EdDSA') throw fedError('FED_BAD_SIGNATURE', { reason: 'alg must be EdDSA' });
  // jose rejects unknown crit entries and honours b64:false only under crit; we emit neither,
  // so any crit, or a b64 other than true, is refused outright (stricter, never looser).
  if (header.crit !== undefined) throw fedError('FED_MALFORMED', { reason: 'crit is not supported' });
  if (header.b64 !== undefined && header.b64 !== true) throw fedError('FED_MALFORMED', { reason: 'b64 must be true' });
  assertEd25519(key, 'public');
  return Buffer.from(parsed.signingInput, 'latin1');
}

/** Checks alg/extension rules and the signature; returns the decoded payload bytes. */
export function verifyParsedJws(parsed: ParsedJws, key: KeyObject): Buffer {
  const input = verifiableInput(parsed, key);
  const ok = parsed.signature.length === 64 && verify(null, input, key, parsed.signature);
  if (!ok) throw fedError('FED_BAD_SIGNATURE');
  return Buffer.from(parsed.encodedPayload, 'base64url');
}

/**
 * The same check with the signature verified on libuv's thread pool: a receiver verifying a batch
 * uses every core and keeps its event loop free for the database work of the previous batch.
 */
export async function verifyParsedJwsAsync(parsed: ParsedJws, key: KeyObject): Promise<Buffer> {
  const input = verifiableInput(parsed, key);
  const ok =
    parsed.signature.length === 64 &&
    (await new Promise<boolean>((resolve, reject) => {
      verify(null, input, key, parsed.signature, (err, valid) => (err ? reject(err) : resolve(valid)));
    }));
  if (!ok) throw fedError('FED_BAD_SIGNATURE');
  return Buffer.from(parsed.encodedPayload, 'base64url');
}

/** Parse + verify in one step when the key does not depend on the header. */
export function fastVerify(jws: unknown, key: KeyObject): { header: Record<string, unknown>; payload: Buffer } {
  const parsed = parseJws(jws);
  return { header: parsed.header, payload: verifyParsedJws(parsed, key) };
}
