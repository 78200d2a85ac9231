// The signed membership directory of a federation (docs/federation.md §18): who the members are,
// where their nodes answer and which card fingerprint each must present, versioned and signed by a
// threshold of founders. Pure shapes and bytes: the wire form peers exchange and admins upload.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../shared/canonical-json.js';

/** Same rule as a node id (config.nodeId, a card's id). */
const ZParty = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/);
/** A card fingerprint as cards carry it (lower-case base32, 52 characters). */
const ZFingerprint = z.string().regex(/^[a-z2-7]{52}$/);
const ZName = z.string().min(1).max(200).regex(/\S/);
/** Detached compact JWS: `<header>..<signature>`. */
const ZDetached = z
  .string()
  .max(2000)
  .regex(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);

export const DIRECTORY_ROLES = ['secretariat'] as const;
export type DirectoryRole = (typeof DIRECTORY_ROLES)[number];
export const DIRECTORY_MAX_MEMBERS = 500;

export const ZDirectoryMember = z.strictObject({
  party: ZParty,
  // No transforms (e.g. trim): the parsed document must be byte-for-byte what was signed.
  name: z.strictObject({ en: ZName, zh: ZName }),
  country: z.string().regex(/^[A-Z]{2}$/),
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  fingerprint: ZFingerprint,
  roles: z.array(z.enum(DIRECTORY_ROLES)).max(DIRECTORY_ROLES.length),
});

export const ZDirectoryFounder = z.strictObject({ party: ZParty, fingerprint: ZFingerprint });

const unique = (values: readonly string[]) => new Set(values).size === values.length;

export const ZDirectoryDocument = z
  .strictObject({
    v: z.literal(1),
    federation: ZParty,
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    issuedAt: z.iso.datetime(),
    founders: z.array(ZDirectoryFounder).min(1).max(50),
    threshold: z.number().int().min(1),
    members: z.array(ZDirectoryMember).min(1).max(DIRECTORY_MAX_MEMBERS),
    /** SHA-256 (hex) of the previous version's signed bytes; null for version 1. */
    previous: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
  })
  .superRefine((doc, issues) => {
    const add = (path: (string | number)[], message: string) => issues.addIssue({ code: 'custom', path, message });
    if (!unique(doc.founders.map((f) => f.party))) add(['founders'], 'a founder is listed twice');
    if (!unique(doc.members.map((m) => m.party))) add(['members'], 'a member is listed twice');
    if (doc.threshold > doc.founders.length) add(['threshold'], 'threshold is larger than the number of founders');
    if ((doc.version === 1) !== (doc.previous === null)) add(['previous'], 'only version 1 has no previous version');
    doc.founders.forEach((f, i) => {
      const member = doc.members.find((m) => m.party === f.party);
      if (!member) add(['founders', i], 'a founder must be a member');
      else if (member.fingerprint !== f.fingerprint)
        add(['founders', i], "a founder's fingerprint must equal its member entry");
    });
  });

export type DirectoryDocument = z.infer<typeof ZDirectoryDocument>;
export type DirectoryMember = z.infer<typeof ZDirectoryMember>;
export type DirectoryFounder = z.infer<typeof ZDirectoryFounder>;

/** The wire form: the document and the founders' detached signatures over its canonical bytes. */
export const ZSignedDirectory = z.strictObject({
  document: ZDirectoryDocument,
  signatures: z.array(ZDetached).max(50),
});
export type SignedDirectory = z.infer<typeof ZSignedDirectory>;

/** The bytes every founder signs. */
export function directoryBytes(doc: DirectoryDocument): string {
  return canonicalJson(doc);
}

/** What the next version names as `previous`. */
export function directoryHash(doc: DirectoryDocument): string {
  return createHash('sha256').update(directoryBytes(doc), 'utf8').digest('hex');
}

/** Whether `party` may send this version to the members: a founder, or a member with the secretariat role. */
export function mayPublishDirectory(doc: DirectoryDocument, party: string): boolean {
  return (
    doc.founders.some((f) => f.party === party) ||
    doc.members.some((m) => m.party === party && m.roles.includes('secretariat'))
  );
}
