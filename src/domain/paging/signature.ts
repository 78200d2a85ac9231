// Signatures of pages (issue 19). A webhook POST carries `X-Crossline-Timestamp` (Unix seconds) and
// `X-Crossline-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` under the webhook's
// own secret, so the receiver knows the node sent it and can refuse replays outside a time window.
// The acknowledgement link in a page carries `<pageId>.<HMAC(node key, "ack." + pageId)>`: it
// cannot be forged for another page and the server accepts it once.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-crossline-signature';
export const TIMESTAMP_HEADER = 'x-crossline-timestamp';
export const PAGE_ID_HEADER = 'x-crossline-page-id';

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const equal = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** What a receiver does: the signature matches and the timestamp is within `toleranceSeconds` of `now`. */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  timestamp: string | undefined,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  if (!header || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  const ts = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - ts) > toleranceSeconds) return false;
  return equal(header, webhookSignature(secret, ts, body));
}

function ackMac(key: Buffer, pageId: string): string {
  return createHmac('sha256', key).update(`crossline.page-ack.${pageId}`).digest('base64url').slice(0, 32);
}

export function ackToken(key: Buffer, pageId: string): string {
  return `${pageId}.${ackMac(key, pageId)}`;
}

/** The page id a token names, or null when it was not made by this key. */
export function openAckToken(key: Buffer, token: string): string | null {
  const i = token.lastIndexOf('.');
  if (i <= 0) return null;
  const pageId = token.slice(0, i);
  return equal(token.slice(i + 1), ackMac(key, pageId)) ? pageId : null;
}
