// Queues one directory version for one member as a federation.directory message (signed, exactly
// once, receipted like every message): used when publishing, and when a publisher's re-sync adds a
// member that was not a peer when the version was published (docs/federation.md §18).
import type { SignedDirectory } from '../../../domain/federation-directory/document.js';
import { DIRECTORY_CHANNEL, DIRECTORY_TYPE } from '../../../federation/handlers/directory-handler.js';
import { enqueueMessage } from '../../../federation/outbox.js';
import type { Queryable } from '../../../storage/db.js';
import type { ServiceContext } from '../../context.js';

export async function sendDirectoryTo(
  tx: Queryable,
  ctx: ServiceContext,
  party: string,
  directory: SignedDirectory,
): Promise<void> {
  await enqueueMessage(tx, ctx, {
    to: party,
    channel: DIRECTORY_CHANNEL,
    type: DIRECTORY_TYPE,
    schema: 1,
    body: { directory },
  });
}
