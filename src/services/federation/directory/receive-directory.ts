// A directory version a peer sent (message federation.directory), taken inside the inbox
// transaction: a version not newer than the one held is a harmless repeat (several founders publish
// the same version) and is ignored; a newer one must verify now — else the message is refused with
// the directory's code and dead-lettered — and is stored to be applied right after the commit, since
// applying fetches the new members' cards over the network.
import type { SignedDirectory } from '../../../domain/federation-directory/document.js';
import { directoryHash } from '../../../domain/federation-directory/document.js';
import { afterCommit, type Queryable } from '../../../storage/db.js';
import {
  currentDirectoryVersion,
  insertPendingDirectory,
} from '../../../storage/repositories/federation-directory.repository.js';
import type { ServiceContext } from '../../context.js';
import { applyPendingDirectories, verifyDirectory } from './apply-directory.js';

export async function receiveDirectory(
  ctx: ServiceContext,
  tx: Queryable,
  signed: SignedDirectory,
  from: string,
  receivedAt: Date,
): Promise<'pending' | 'ignored'> {
  const held = await currentDirectoryVersion(tx);
  if (held && signed.document.version <= held.version) return 'ignored';
  await verifyDirectory(ctx, tx, signed);
  await insertPendingDirectory(tx, {
    version: signed.document.version,
    hash: directoryHash(signed.document),
    signed,
    receivedFrom: from,
    receivedAt: receivedAt.toISOString(),
  });
  afterCommit(tx, () => {
    applyPendingDirectories(ctx).catch((e: unknown) =>
      ctx.logger.warn({ err: e }, 'applying received directory versions failed'),
    );
  });
  return 'pending';
}
