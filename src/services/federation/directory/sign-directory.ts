// Use case: a founder signs a draft directory version with its node key. The draft is a bare
// document or a document already carrying other founders' signatures (passed from founder to
// founder); this node must be a founder, listed with its current fingerprint.
import { appendAudit } from '../../../audit/audit-log.js';
import { ZDirectoryDocument, type SignedDirectory } from '../../../domain/federation-directory/document.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { AppError } from '../../../errors.js';
import { signatureParty, signDirectory } from '../../../federation/crypto/directory-signature.js';
import type { ServiceContext } from '../../context.js';
import { ownNodeCard } from '../node-card.js';
import { parseSignedDirectory } from './parse-directory.js';

function draftOf(raw: unknown): SignedDirectory {
  const bare = ZDirectoryDocument.safeParse(raw);
  return bare.success ? { document: bare.data, signatures: [] } : parseSignedDirectory(raw);
}

export async function signDirectoryDraft(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<SignedDirectory> {
  const draft = draftOf(raw);
  const self = ctx.config.nodeId;
  const listed = draft.document.founders.find((f) => f.party === self);
  if (!listed || listed.fingerprint !== ownNodeCard(ctx).fingerprint) {
    throw new AppError('FED_DIRECTORY_NOT_FOUNDER', { details: { node: self, listed: listed?.fingerprint ?? null } });
  }
  const signatures = [
    ...draft.signatures.filter((s) => signatureParty(s) !== self),
    signDirectory(draft.document, self, ctx.secrets.keyRing),
  ];
  await ctx.db.transaction((tx) =>
    appendAudit(
      tx,
      {
        actor,
        action: 'federation.directory_signed',
        subjectType: 'federation_directory',
        subjectId: draft.document.federation,
        data: { version: draft.document.version },
      },
      ctx.clock(),
    ),
  );
  return { document: draft.document, signatures };
}
