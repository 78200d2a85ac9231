// Use case: a founder or the secretariat sends the directory version this node holds to every
// member that is an active peer, as one federation.directory message each through the outbox
// (signed, exactly once, receipted like every message). Given a signed version, it is applied here
// first, so a node never publishes what it would not accept itself.
import { appendAudit } from '../../../audit/audit-log.js';
import { mayPublishDirectory, type SignedDirectory } from '../../../domain/federation-directory/document.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { AppError } from '../../../errors.js';
import { currentDirectoryVersion } from '../../../storage/repositories/federation-directory.repository.js';
import { findPeer } from '../../../storage/repositories/peer.repository.js';
import type { ServiceContext } from '../../context.js';
import { applyDirectory } from './apply-directory.js';
import { sendDirectoryTo } from './send-directory.js';

export type PublishedDirectory = {
  version: number;
  sentTo: string[];
  notSent: { party: string; reason: 'not_a_peer' | 'suspended' }[];
};

export async function publishDirectory(ctx: ServiceContext, actor: Actor, raw?: unknown): Promise<PublishedDirectory> {
  if (raw !== undefined) await applyDirectory(ctx, actor, raw, 'publish');
  const self = ctx.config.nodeId;
  return ctx.db.transaction(async (tx) => {
    const held = await currentDirectoryVersion(tx);
    if (!held) throw new AppError('FED_DIRECTORY_NONE');
    const signed = held.signed as SignedDirectory;
    const doc = signed.document;
    if (!mayPublishDirectory(doc, self)) throw new AppError('FED_DIRECTORY_NOT_PUBLISHER');
    const out: PublishedDirectory = { version: doc.version, sentTo: [], notSent: [] };
    for (const m of doc.members) {
      if (m.party === self) continue;
      const peer = await findPeer(tx, m.party);
      if (!peer || peer.status !== 'active') {
        out.notSent.push({ party: m.party, reason: peer ? 'suspended' : 'not_a_peer' });
        continue;
      }
      await sendDirectoryTo(tx, ctx, m.party, signed);
      out.sentTo.push(m.party);
    }
    await appendAudit(
      tx,
      {
        actor,
        action: 'federation.directory_published',
        subjectType: 'federation_directory',
        subjectId: doc.federation,
        data: { version: doc.version, hash: held.hash, sentTo: out.sentTo, notSent: out.notSent.map((n) => n.party) },
      },
      ctx.clock(),
    );
    return out;
  });
}
