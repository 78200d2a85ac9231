// Versioning and sharing rules: only the origin node edits an article; every edit is a new
// version; received copies follow the origin's versions in order; TLP decides what may leave.
import type { Bilingual } from '../../error-types.js';
import { AppError, validationError } from '../../errors.js';
import { checkShareAllowed } from '../case/tlp.js';
import type { Actor } from '../shared/actor.js';
import type { ArticleContent, ArticleEvent, ArticleRecord } from './article-types.js';
import { normalizeTags, validateArticleContent } from './article-validation.js';

export type ArticleChange = { record: ArticleRecord; events: ArticleEvent[] };

function authorOf(actor: Actor): { authorName: string; authorId: string | null } {
  if (actor.kind === 'user') return { authorName: actor.name, authorId: actor.userId };
  return { authorName: actor.kind === 'peer' ? (actor.name ?? actor.partyId) : actor.partyId, authorId: null };
}

function cleaned(c: ArticleContent): ArticleContent {
  const content = {
    ...c,
    tags: normalizeTags(c.tags),
    concerns: [...new Set(c.concerns.map((p) => p.trim()).filter(Boolean))],
  };
  const issues = validateArticleContent(content);
  if (issues.length) throw validationError(issues, 'KNOWLEDGE_INVALID');
  return content;
}

export function createArticle(
  content: ArticleContent,
  actor: Actor,
  now: Date,
  ids: { id: string; localParty: string },
): ArticleChange {
  const at = now.toISOString();
  const record: ArticleRecord = {
    ...cleaned(content),
    id: ids.id,
    originParty: ids.localParty,
    version: 1,
    ...authorOf(actor),
    createdAt: at,
    updatedAt: at,
    sharedWith: [],
  };
  return { record, events: [{ type: 'created', at, data: { version: 1, kind: record.kind, tlp: record.tlp } }] };
}

/** Received copies are read-only: the origin keeps the one true history. */
export function requireEditable(article: ArticleRecord, localParty: string): void {
  if (article.originParty !== localParty) {
    throw new AppError('KNOWLEDGE_READ_ONLY_COPY', { details: { id: article.id, originParty: article.originParty } });
  }
}

export function reviseArticle(
  before: ArticleRecord,
  content: ArticleContent,
  actor: Actor,
  now: Date,
  localParty: string,
  note: string,
): ArticleChange {
  requireEditable(before, localParty);
  const at = now.toISOString();
  const record: ArticleRecord = {
    ...before,
    ...cleaned(content),
    version: before.version + 1,
    ...authorOf(actor),
    updatedAt: at,
  };
  return { record, events: [{ type: 'revised', at, data: { version: record.version, status: record.status, note } }] };
}

/** Peers refused for this article and why; a TLP:RED article never leaves the node. */
export function shareRefusals(
  article: ArticleRecord,
  peers: readonly string[],
  localParty: string,
): { party: string; reason: Bilingual }[] {
  const refused: { party: string; reason: Bilingual }[] = [];
  for (const party of peers) {
    if (party === localParty) {
      refused.push({ party, reason: { en: 'This is your own agency.', zh: '这是本机构。' } });
      continue;
    }
    const check = checkShareAllowed({
      tlp: article.tlp,
      recipientParty: party,
      originParty: article.originParty,
      senderParty: localParty,
    });
    if (!check.ok) refused.push({ party, reason: check.reason });
  }
  return refused;
}

export function shareArticle(
  before: ArticleRecord,
  peers: readonly string[],
  now: Date,
  localParty: string,
): ArticleChange {
  requireEditable(before, localParty);
  const wanted = [...new Set(peers)];
  const refused = shareRefusals(before, wanted, localParty);
  if (refused.length)
    throw new AppError('KNOWLEDGE_SHARE_REFUSED', { message: refused[0]!.reason, details: { refused } });
  const added = wanted.filter((p) => !before.sharedWith.includes(p));
  if (added.length === 0) return { record: before, events: [] };
  const at = now.toISOString();
  return {
    record: { ...before, sharedWith: [...before.sharedWith, ...added] },
    events: [{ type: 'shared', at, data: { peers: added, version: before.version } }],
  };
}

export function unshareArticle(
  before: ArticleRecord,
  peers: readonly string[],
  now: Date,
  localParty: string,
): ArticleChange {
  requireEditable(before, localParty);
  const removed = before.sharedWith.filter((p) => peers.includes(p));
  if (removed.length === 0) return { record: before, events: [] };
  return {
    record: { ...before, sharedWith: before.sharedWith.filter((p) => !removed.includes(p)) },
    events: [{ type: 'unshared', at: now.toISOString(), data: { peers: removed } }],
  };
}

/**
 * A version arriving from the origin replaces the copy only when it is newer: messages may arrive
 * late or twice, and an older version must never overwrite a newer one.
 */
export function receiveArticleVersion(
  existing: ArticleRecord | null,
  incoming: ArticleRecord,
  sender: string,
): 'apply' | 'ignore' {
  if (incoming.originParty !== sender) return 'ignore';
  if (existing && existing.originParty !== sender) return 'ignore';
  return !existing || incoming.version > existing.version ? 'apply' : 'ignore';
}
