// One article: the text in Chinese or English (tabs), its versions, attachments and, on the
// author's node, the peers it is shared with.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';
import { Badge, genericTone } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { PartyName } from '../../components/PartyName';
import { PageHeader, Panel, QueryState, TabPanel, Tabs } from '../../components/Page';
import { TlpBadge } from '../../components/Tlp';
import { ArticleAttachments } from './ArticleAttachments';
import { ArticleDeliveries, ArticleSharePanel } from './ArticleSharePanel';
import { Markdown } from './Markdown';
import './knowledge.css';

export function ArticlePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const bi = useBi();
  const { can } = useSession();
  const article = useQuery({
    queryKey: ['knowledge', 'detail', id],
    queryFn: () => answer(http.GET('/api/knowledge/articles/{id}', { params: { path: { id } } })),
  });
  const [lang, setLang] = useState<'zh' | 'en'>(i18n.language.startsWith('zh') ? 'zh' : 'en');
  const a = article.data;
  return (
    <QueryState isLoading={article.isLoading} error={article.error}>
      {a && (
        <>
          <PageHeader
            eyebrow={<Link to="/knowledge">{t('knowledge.title')}</Link>}
            title={bi(a.title) || a.title.zh || a.title.en}
            subtitle={
              <>
                {t(`knowledge.kinds.${a.kind}`)} · <TlpBadge tlp={a.tlp} /> ·{' '}
                <Badge tone={genericTone(a.status)}>{t(`knowledge.statuses.${a.status}`)}</Badge>
                {' · '}
                {t('knowledge.versionBy', { version: a.version, author: a.authorName })} · <DateTime at={a.updatedAt} />
              </>
            }
            actions={
              a.isOwn &&
              can('knowledge:edit') && (
                <Link className="btn" to={`/knowledge/${a.id}/edit`}>
                  {t('knowledge.edit')}
                </Link>
              )
            }
          />
          {!a.isOwn && (
            <p className="kb-notice" role="note">
              {t('knowledge.readOnlyCopy')} <PartyName id={a.originParty} />
            </p>
          )}
          <div className="kb-grid">
            <Panel id="article-text" title={t('knowledge.text')}>
              <Tabs
                label={t('knowledge.language')}
                current={lang}
                onChange={(l) => setLang(l as 'zh' | 'en')}
                tabs={[
                  { id: 'zh', label: '中文' },
                  { id: 'en', label: 'English' },
                ]}
              />
              <TabPanel id={lang}>
                <div lang={lang === 'zh' ? 'zh-CN' : 'en'}>
                  <h2>{a.title[lang] || <span className="muted">{t('knowledge.noTranslation')}</span>}</h2>
                  {a.summary[lang] && <p className="kb-lead">{a.summary[lang]}</p>}
                  {a.body[lang] ? (
                    <Markdown source={a.body[lang]} />
                  ) : (
                    <p className="muted">{t('knowledge.noTranslation')}</p>
                  )}
                </div>
              </TabPanel>
              {a.tags.length > 0 && (
                <p className="small">
                  {t('knowledge.tags')}:{' '}
                  {a.tags.map((tag) => (
                    <Link key={tag} to={`/knowledge?tag=${encodeURIComponent(tag)}`}>
                      #{tag}{' '}
                    </Link>
                  ))}
                </p>
              )}
              {a.concerns.length > 0 && (
                <p className="small">
                  {t('knowledge.concerns')}:{' '}
                  {a.concerns.map((p, i) => (
                    <span key={p}>
                      {i > 0 && ', '}
                      <PartyName id={p} />
                    </span>
                  ))}
                </p>
              )}
            </Panel>
            <div className="stack">
              <Panel id="article-versions" title={t('knowledge.versions')}>
                <ol className="kb-list">
                  {a.versions.map((v) => (
                    <li key={v.version}>
                      <strong>v{v.version}</strong> · {v.authorName} · <DateTime at={v.at} />
                      {v.note && <div className="small">{v.note}</div>}
                    </li>
                  ))}
                </ol>
              </Panel>
              <ArticleAttachments article={a} />
              {a.isOwn && can('knowledge:edit') && <ArticleSharePanel article={a} />}
            </div>
          </div>
          {a.isOwn && <ArticleDeliveries articleId={a.id} />}
        </>
      )}
    </QueryState>
  );
}
