// The seam between evidence and where its ciphertext lives: the node's disk or an S3-compatible
// bucket shared by several node processes. Items are sealed (AES-256-GCM) before they reach a store,
// so a store only ever holds ciphertext; it is addressed by keys made from ids, never file names.

export type ObjectEntry = { key: string; size: number };

/** A file on the node's disk to store as an object: its path, size and the SHA-256 of its bytes. */
export type StoredFile = { path: string; size: number; sha256: string };

export type ObjectStore = {
  kind: 'disk' | 's3';
  /** Where the objects are, for messages (a directory, or s3://bucket/prefix). */
  location: string;
  /** Stores the bytes under the key, replacing any earlier object; durable once it resolves. */
  put(key: string, bytes: Buffer): Promise<void>;
  /**
   * Stores a finished file (an upload sealed to a temporary file under the data dir, fsynced) under
   * the key without reading it into memory: the disk store renames it into place, the S3 store
   * streams it. `sha256` is of the file's bytes (S3 keeps it to check every read). The caller removes
   * the file afterwards if it is still there.
   */
  putFile(key: string, file: StoredFile): Promise<void>;
  /** The stored bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the object; removing one that is not there is not an error. */
  remove(key: string): Promise<void>;
  /** Every object with a valid key that starts with `prefix` (no particular order). */
  list(prefix: string): AsyncIterable<ObjectEntry>;
};

/** `evidence/<caseId>/<evidenceId>`: the only keys a store accepts. */
const KEY = /^evidence\/[A-Za-z0-9-]+\/[A-Za-z0-9-]+$/;

/** The prefix of every evidence key (backups list it). */
export const EVIDENCE_PREFIX = 'evidence/';

export function isObjectKey(key: string): boolean {
  return KEY.test(key);
}

/** Refuses any key that could leave the evidence directory (or prefix): keys are built from ids. */
export function assertObjectKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`bad evidence storage key ${key}`);
}

/**
 * A stored object whose bytes no longer match the checksum recorded when it was written (or that
 * carries none): someone changed it behind the node's back. Callers report it as an integrity failure.
 */
export class ObjectChecksumError extends Error {
  constructor(
    readonly key: string,
    readonly reason: 'mismatch' | 'missing',
  ) {
    super(`object ${key}: checksum ${reason}`);
    this.name = 'ObjectChecksumError';
  }
}
