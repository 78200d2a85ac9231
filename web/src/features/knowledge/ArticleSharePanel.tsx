// Sharing an own article with chosen peers and sharing groups (expanded by the node to their active
// peer members, docs/federation.md §19): they receive the current version, every later version and
// the attachments; unsharing withdraws their copy. TLP:RED is refused by the node. ArticleDeliveries:
// the delivery of every message the shares sent, per recipient, with the signed receipts.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { ArticleDetail } from '../../api/knowledge-types';
import { useSession } from '../../app/session';
import { ErrorSummary, useFieldErrors } from '../../components/ErrorSummary';
import { GroupChecklist, useSharingGroups } from '../../components/GroupChecklist';
import { Panel } from '../../components/Page';
import { PartyChecklist, PartyName, usePeerDirectory } from '../../components/PartyName';
import { DeliveryTable } from '../federation/DeliveryTable';

const MESSAGE_LABELS = {
  'knowledge.article': 'knowledge.deliveries.article',
  'knowledge.attachment': 'knowledge.deliveries.attachment',
  'knowledge.unshared': 'knowledge.deliveries.unshared',
} as const;
const messageLabel = (type: string) =>
  Object.hasOwn(MESSAGE_LABELS, type)
    ? MESSAGE_LABELS[type as keyof typeof MESSAGE_LABELS]
    : MESSAGE_LABELS['knowledge.article'];

/** Full width under the article: a table does not fit the side column. */
export function ArticleDeliveries({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['knowledge', 'deliveries', articleId],
    queryFn: () => answer(http.GET('/api/knowledge/articles/{id}/deliveries', { params: { path: { id: articleId } } })),
    refetchInterval: 10_000,
  });
  return (
    <DeliveryTable
      items={q.data?.items ?? []}
      id="article-deliveries"
      testId="article-deliveries"
      message={(d) => t(messageLabel(d.type))}
    />
  );
}

export function ArticleSharePanel({ article }: { article: ArticleDetail }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const qc = useQueryClient();
  // Whether anyone is left to share with: active peers the article has not gone to yet.
  const peers = [...usePeerDirectory().values()].filter(
    (p) => p.id !== me.node.id && p.active && !article.sharedWith.includes(p.id),
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const hasGroups = useSharingGroups().items.length > 0;
  const done = async () => {
    await qc.invalidateQueries({ queryKey: ['knowledge', 'detail', article.id] });
    await qc.invalidateQueries({ queryKey: ['knowledge', 'deliveries', article.id] });
  };
  const share = useMutation({
    mutationFn: () =>
      answer(
        http.POST('/api/knowledge/articles/{id}/share', {
          params: { path: { id: article.id } },
          body: { peers: chosen, ...(groups.length ? { groups } : {}) },
        }),
      ),
    onSuccess: async () => {
      setChosen([]);
      setGroups([]);
      await done();
    },
  });
  const unshare = useMutation({
    mutationFn: (party: string) =>
      answer(
        http.POST('/api/knowledge/articles/{id}/unshare', {
          params: { path: { id: article.id } },
          body: { peers: [party] },
        }),
      ),
    onSuccess: done,
  });
  const err = useFieldErrors(share.error);
  return (
    <Panel id="article-share" title={t('knowledge.sharing')}>
      {article.sharedWith.length === 0 ? (
        <p className="muted">{t('knowledge.notShared')}</p>
      ) : (
        <ul className="kb-list">
          {article.sharedWith.map((p) => (
            <li key={p}>
              <PartyName id={p} />{' '}
              <button type="button" className="btn sm" onClick={() => unshare.mutate(p)} disabled={unshare.isPending}>
                {t('knowledge.unshare')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {(peers.length > 0 || hasGroups) && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            share.mutate();
          }}
        >
          {peers.length > 0 && (
            <PartyChecklist
              label={t('knowledge.shareWith')}
              path="peers"
              value={chosen}
              onChange={setChosen}
              exclude={article.sharedWith}
              error={err('peers')}
            />
          )}
          <GroupChecklist path="groups" value={groups} onChange={setGroups} error={err('groups')} />
          <button
            type="submit"
            className="btn primary"
            disabled={chosen.length + groups.length === 0 || share.isPending}
          >
            {t('knowledge.share')}
          </button>
        </form>
      )}
      <ErrorSummary error={share.error ?? unshare.error} />
    </Panel>
  );
}
