// The signed membership directory (docs/federation.md §18): the held version with its members'
// health and the history of versions with what changed (read), applying an uploaded or fetched
// version, signing a draft as a founder, publishing the held version to every member (manage); and,
// outside /api, the held signed version as this node serves it to other nodes.
import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ruleMessage } from '../../../domain/shared/bilingual.js';
import { DIRECTORY_PATH, fetchDirectory } from '../../../federation/directory-fetch.js';
import type { ServiceContext } from '../../../services/context.js';
import { applyDirectory } from '../../../services/federation/directory/apply-directory.js';
import { directoryView, heldSignedDirectory } from '../../../services/federation/directory/directory-view.js';
import { publishDirectory } from '../../../services/federation/directory/publish-directory.js';
import { signDirectoryDraft } from '../../../services/federation/directory/sign-directory.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, ZBilingualSchema } from '../common.schema.js';

const ONE_SOURCE = ruleMessage(
  'Give either the signed directory or the address of a node serving it, not both.',
  '请提供已签名的名录或提供名录的节点地址，二者选一。',
);

const ZDirectoryJson = z.record(z.string(), z.unknown());
const ZApplyBody = z
  .object({
    /** A signed directory `{document, signatures}` as `crossline directory sign` writes it. */
    directory: ZDirectoryJson.optional(),
    /** A node's base URL; the directory is fetched from `{url}/federation/v1/directory`. */
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
  })
  .refine((v) => (v.directory === undefined) !== (v.url === undefined), { message: ONE_SOURCE });
const ZPublishBody = z.object({ directory: ZDirectoryJson.optional() });
const ZSignBody = z.object({ draft: ZDirectoryJson });

const ZOutcome = z.object({ party: z.string(), outcome: z.string(), detail: z.string().optional() });
const ZDiff = z
  .object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    updated: z.array(z.string()),
    rotated: z.array(z.object({ party: z.string(), from: z.string(), to: z.string() })),
    foundersChanged: z.boolean(),
  })
  .meta({ id: 'DirectoryDiff' });

const ZSignedDirectoryAnswer = z
  .object({ document: ZDirectoryJson, signatures: z.array(z.string()) })
  .meta({ id: 'SignedDirectory' });

const ZDirectoryMember = z
  .object({
    party: z.string(),
    name: ZBilingualSchema,
    country: z.string(),
    endpoint: z.string(),
    fingerprint: z.string(),
    roles: z.array(z.string()),
    founder: z.boolean(),
    self: z.boolean(),
    peer: z
      .object({
        status: z.enum(['active', 'suspended']),
        fingerprintMatches: z.boolean(),
        lastContactAt: z.string().nullable(),
        queueDepth: z.number(),
        consecutiveFailures: z.number(),
        lastErrorCode: z.string().nullable(),
        /** What the last failure's code means, for people (null: a transport failure or an unknown code). */
        lastErrorReason: ZBilingualSchema.nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'DirectoryMember' });

const ZDirectoryView = z
  .object({
    current: z
      .object({
        federation: z.string(),
        version: z.number(),
        hash: z.string(),
        issuedAt: z.string(),
        threshold: z.number(),
        founders: z.array(z.object({ party: z.string(), fingerprint: z.string() })),
        signedBy: z.array(z.string()),
        members: z.array(ZDirectoryMember),
      })
      .nullable(),
    history: z.array(
      z.object({
        version: z.number(),
        hash: z.string(),
        issuedAt: z.string(),
        appliedAt: z.string(),
        resyncedAt: z.string().nullable(),
        source: z.string(),
        diff: ZDiff,
        outcomes: z.array(ZOutcome),
      }),
    ),
    pending: z.array(z.object({ version: z.number(), from: z.string(), receivedAt: z.string() })),
  })
  .meta({ id: 'Directory' });

const ZApplied = z
  .object({
    federation: z.string(),
    version: z.number(),
    hash: z.string(),
    resync: z.boolean(),
    foundersChanged: z.boolean(),
    signedBy: z.array(z.string()),
    diff: ZDiff,
    outcomes: z.array(ZOutcome),
  })
  .meta({ id: 'DirectoryApplied' });

const ZPublished = z
  .object({
    version: z.number(),
    sentTo: z.array(z.string()),
    notSent: z.array(z.object({ party: z.string(), reason: z.enum(['not_a_peer', 'suspended']) })),
  })
  .meta({ id: 'DirectoryPublished' });

export function directoryRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['federation'];
    const read = { permission: 'node:read' as const };
    const manage = { permission: 'federation:manage' as const };

    app.get(
      '/federation/directory',
      {
        config: read,
        schema: {
          tags,
          summary: 'The membership directory this node holds: members and their health, versions and what changed',
          response: answers(ZDirectoryView),
        },
      },
      async () => directoryView(ctx),
    );

    app.post(
      '/federation/directory/apply',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Verify a signed directory version (uploaded or fetched from a node) and apply it to the peers',
          body: ZApplyBody,
          response: answers(ZApplied),
        },
      },
      async (request) => {
        const { directory, url } = request.body;
        const raw =
          url !== undefined ? await fetchDirectory(url, ctx.config.federationHttpTimeoutMs, ctx.logger) : directory;
        return applyDirectory(ctx, actorOf(request), raw, url !== undefined ? 'url' : 'upload');
      },
    );

    app.post(
      '/federation/directory/sign',
      {
        config: manage,
        schema: {
          tags,
          summary: "Sign a draft directory version with this node's key (founders only)",
          body: ZSignBody,
          response: answers(ZSignedDirectoryAnswer),
        },
      },
      async (request) => signDirectoryDraft(ctx, actorOf(request), request.body.draft),
    );

    app.post(
      '/federation/directory/publish',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Send the held (or the given, applied first) directory version to every member (founders and the secretariat)',
          body: ZPublishBody,
          response: answers(ZPublished),
        },
      },
      async (request) => publishDirectory(ctx, actorOf(request), request.body.directory),
    );
  };
}

/** GET {endpoint}/federation/v1/directory: public like the card; it lists only what members' cards publish. */
export function directoryWireRoutes(ctx: ServiceContext): FastifyPluginAsync {
  return async (app) => {
    app.get(DIRECTORY_PATH, { config: { permission: 'public' }, schema: { hide: true } }, async () =>
      heldSignedDirectory(ctx),
    );
  };
}
