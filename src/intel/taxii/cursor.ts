// The opaque `next` token of TAXII pagination: the (added_at, seq) position of the last object
// served, so later pages continue after it even while new objects are being added.
export type TaxiiCursor = { addedAt: string; seq: number };

const ADDED_AT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(c: TaxiiCursor): string {
  return Buffer.from(`${c.addedAt}|${c.seq}`, 'utf8').toString('base64url');
}

/** Null for anything that is not a token this server made. */
export function decodeCursor(token: string): TaxiiCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(token)) return null;
  const [addedAt, seqText] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (!addedAt || !ADDED_AT_RE.test(addedAt) || !seqText || !/^\d{1,15}$/.test(seqText)) return null;
  return { addedAt, seq: Number(seqText) };
}
