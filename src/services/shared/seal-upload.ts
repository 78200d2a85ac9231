// An upload as it arrives: counted against its limit, hashed and encrypted chunk by chunk
// (AES-256-GCM under a fresh data key wrapped by the master key, the record id as AAD) and written
// to a private temporary file under the data dir, so a file of any allowed size costs a few chunks
// of memory. The ciphertext is hashed too, for stores that check it on every read (S3).
import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createSealStream } from '../../domain/case/evidence-stream.js';
import type { EvidenceEncryption } from '../../domain/case/evidence-crypto.js';
import { createTempFile, removeTempFile, syncFile } from '../../storage/temp-files.js';
import type { ServiceContext } from '../context.js';

export type SealedUpload = {
  /** The temporary file holding the ciphertext (fsynced); the caller stores or removes it. */
  file: string;
  /** Plaintext size and SHA-256, and how it was sealed: what the record keeps. */
  size: number;
  sha256: string;
  encryption: EvidenceEncryption;
  /** SHA-256 of the ciphertext (the stored bytes). */
  ciphertextSha256: string;
};

/** Counts the bytes passing and fails the pipeline with `tooLarge()` past `maxBytes`. */
class ByteLimit extends Transform {
  private seen = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly tooLarge: (seen: number) => Error,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) return cb(this.tooLarge(this.seen));
    cb(null, chunk);
  }
}

/** Hashes what passes through unchanged. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    cb(null, chunk);
  }
}

export async function sealUploadToFile(
  ctx: ServiceContext,
  source: Readable,
  o: { aad: string; maxBytes: number; tooLarge: (seen: number) => Error },
): Promise<SealedUpload> {
  const temp = await createTempFile(ctx.config.dataDir);
  const seal = createSealStream(ctx.secrets.masterKey, { masterKeyId: ctx.secrets.masterKeyId, aad: o.aad });
  const digest = new Digest();
  const limit = new ByteLimit(o.maxBytes, o.tooLarge);
  // The source (a request) is piped, not part of the pipeline: a refusal must not destroy the
  // connection, so the client still gets its 413; the node discards the rest as it arrives.
  let ended = false;
  const onEnd = () => {
    ended = true;
  };
  const onError = (e: Error) => limit.destroy(e);
  const onClose = () => {
    if (!ended) limit.destroy(new Error('the upload ended before its last byte'));
  };
  source.once('end', onEnd);
  source.on('error', onError);
  source.once('close', onClose);
  source.pipe(limit);
  try {
    await pipeline(limit, seal.stream, digest, temp.stream);
    // Durable before it is renamed into the store (the disk store's guarantee for every item).
    await syncFile(temp.path);
    const sealed = seal.encryption();
    return { file: temp.path, ...sealed, ciphertextSha256: digest.hash.digest('hex') };
  } catch (e) {
    await removeTempFile(temp.path);
    throw e;
  } finally {
    source.unpipe(limit);
    source.off('end', onEnd);
    source.off('error', onError);
    source.off('close', onClose);
    temp.stream.destroy();
  }
}
