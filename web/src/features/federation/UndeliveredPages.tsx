// Undeliverable pages on the operations view (issue 19, administrators): how many pages could not
// be delivered and, for each, the recipient, the channel, the attempts and the last error. Each was
// escalated to the supervisors when it was given up on; the full outbox is under Administration → Pages.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, http } from '../../api/client';
import { Badge } from '../../components/Badge';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Empty, Panel, QueryState } from '../../components/Page';

export function UndeliveredPages() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['paging-pages', 'failed', 'operations'],
    refetchInterval: 30_000,
    queryFn: () => answer(http.GET('/api/paging/pages', { params: { query: { state: 'failed', limit: 50 } } })),
  });
  const failed = q.data?.counts.failed ?? 0;
  return (
    <Panel
      title={t('undeliveredPages.title')}
      flush
      id="undelivered-pages"
      actions={
        <>
          {q.data && (
            <Badge tone={failed > 0 ? 'danger' : 'success'}>
              <span data-testid="undelivered-count">{failed}</span> {t('undeliveredPages.count', { count: failed })}
            </Badge>
          )}
          <Link to="/admin?tab=pages" className="btn sm">
            {t('undeliveredPages.all')}
          </Link>
        </>
      }
      footer={<p className="faint small">{t('undeliveredPages.help')}</p>}
    >
      <QueryState isLoading={q.isLoading} error={q.error}>
        <DataTable
          items={q.data?.items ?? []}
          rowKey={(p) => p.id}
          testId="undelivered-pages"
          empty={<Empty title={t('undeliveredPages.none')} />}
          columns={[
            t('pages.recipient'),
            t('pages.channel'),
            t('pages.attempts'),
            t('pages.lastError'),
            t('undeliveredPages.failedAt'),
          ]}
          row={(p) => (
            <>
              <td>
                {p.displayName} <span className="faint small">({p.username})</span>
              </td>
              <td className="small">{t(`pages.channels.${p.channel}`)}</td>
              <td className="small">{p.attempts}</td>
              <td className="mono small">{p.lastError ?? '—'}</td>
              <td className="small">
                <DateTime at={p.failedAt ?? p.createdAt} />
              </td>
            </>
          )}
        />
      </QueryState>
    </Panel>
  );
}
