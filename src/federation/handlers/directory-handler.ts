// federation.directory (channel 'directory'): a founder or the secretariat sends a signed version of
// the membership directory. A newer version that verifies is stored and applied after the commit;
// one that does not verify is refused with its FED_DIRECTORY_* code (signed negative receipt,
// dead letter); a version not newer than the held one is a repeat and changes nothing.
import { z } from 'zod';
import { ZSignedDirectory } from '../../domain/federation-directory/document.js';
import type { ServiceContext } from '../../services/context.js';
import { receiveDirectory } from '../../services/federation/directory/receive-directory.js';
import type { Queryable } from '../../storage/db.js';
import { registerInboundHandler, type InboundMessage } from '../inbound-handlers.js';

export const DIRECTORY_TYPE = 'federation.directory';
export const DIRECTORY_CHANNEL = 'directory';

export const ZDirectoryBody = z.strictObject({ directory: ZSignedDirectory });

export async function applyDirectoryMessage(
  ctx: ServiceContext,
  tx: Queryable,
  msg: InboundMessage<z.infer<typeof ZDirectoryBody>>,
): Promise<void> {
  await receiveDirectory(ctx, tx, msg.body.directory, msg.from, ctx.clock());
}

export function registerDirectoryHandler(): void {
  registerInboundHandler(DIRECTORY_TYPE, { schemas: { 1: ZDirectoryBody }, handler: applyDirectoryMessage });
}
