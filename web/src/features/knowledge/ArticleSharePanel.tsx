// Sharing an own article with chosen peers: they receive the current version, every later
// version and the attachments; unsharing withdraws their copy. TLP:RED is refused by the node.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { ArticleDetail } from '../../api/knowledge-types';
import { useSession } from '../../app/session';
import { useBi } from '../../components/Bi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Panel } from '../../components/Page';
import { PartyName, usePeerDirectory } from '../../components/PartyName';

export function ArticleSharePanel({ article }: { article: ArticleDetail }) {
  const { t } = useTranslation();
  const bi = useBi();
  const { me } = useSession();
  const qc = useQueryClient();
  const peers = [...usePeerDirectory().values()].filter(
    (p) => p.id !== me.node.id && !article.sharedWith.includes(p.id),
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const done = () => qc.invalidateQueries({ queryKey: ['knowledge', 'detail', article.id] });
  const share = useMutation({
    mutationFn: () =>
      answer(
        http.POST('/api/knowledge/articles/{id}/share', {
          params: { path: { id: article.id } },
          body: { peers: chosen },
        }),
      ),
    onSuccess: async () => {
      setChosen([]);
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
      {peers.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            share.mutate();
          }}
        >
          <fieldset className="form-section">
            <legend>{t('knowledge.shareWith')}</legend>
            {peers.map((p) => (
              <label key={p.id} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(p.id)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, p.id] : chosen.filter((c) => c !== p.id))}
                />
                {p.name ? bi(p.name) : p.id}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="btn primary" disabled={chosen.length === 0 || share.isPending}>
            {t('knowledge.share')}
          </button>
        </form>
      )}
      <ErrorSummary error={share.error ?? unshare.error} />
    </Panel>
  );
}
