// My notifications: escalations, overdue deadlines and reminders, newest first; open the record
// it is about, or mark it read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answer, http } from '../../api/client';
import { Badge, type Tone } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';

const TONES: Record<string, Tone> = { info: 'info', warning: 'warning', critical: 'danger' };
const LINKS: Record<string, string> = {
  request: '/requests/',
  call: '/hotline/calls/',
  case: '/cases/',
  meeting: '/dialogue/',
};

export function NotificationsPage() {
  const { t } = useTranslation();
  const bi = useBi();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['notifications', 'all'],
    queryFn: () => answer(http.GET('/api/notifications', { params: { query: { limit: 200 } } })),
  });
  const read = useMutation({
    mutationFn: (id: string) => answer(http.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('notifications.title')} subtitle={t('notifications.subtitle')} />
      <Panel flush id="notifications">
        <QueryState isLoading={list.isLoading} error={list.error}>
          {items.length === 0 ? (
            <Empty title={t('notifications.empty')} />
          ) : (
            <ul className="notice-list">
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'read' : ''}>
                  <div className="row-between">
                    <div className="row">
                      <Badge tone={TONES[n.severity] ?? 'neutral'} dot>
                        {t(`notifications.severity.${n.severity}`)}
                      </Badge>
                      <strong>{bi(n.title)}</strong>
                    </div>
                    <span className="faint">
                      <DateTime at={n.createdAt} />
                    </span>
                  </div>
                  <div className="muted" style={{ whiteSpace: 'pre-line' }}>
                    {bi(n.body)}
                  </div>
                  <div className="row">
                    {LINKS[n.subjectType] && (
                      <Link className="btn sm" to={`${LINKS[n.subjectType]}${n.subjectId}`}>
                        {t('common.open')}
                      </Link>
                    )}
                    {!n.readAt && (
                      <button type="button" className="btn sm ghost" onClick={() => read.mutate(n.id)}>
                        {t('notifications.markRead')}
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </Panel>
    </>
  );
}
