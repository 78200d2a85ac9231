// One hotline broadcast as its sender follows it (docs/federation.md §19): every recipient's call with
// whether it was delivered, who acknowledged it and when, or that it is still awaited, and where that
// call stands on its escalation ladder. Also the list of recent broadcasts for the hotline page.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useCallMeta } from '../../api/meta';
import { Badge, urgencyTone, type Tone } from '../../components/Badge';
import { useBi, useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { useSharingGroups } from '../../components/GroupChecklist';
import { DataTable } from '../../components/ListParts';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { PartyName } from '../../components/PartyName';

const STATE_TONES: Record<string, Tone> = {
  acknowledged: 'success',
  delivered: 'info',
  pending: 'warning',
  cancelled: 'neutral',
};

export function BroadcastPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const meta = useCallMeta();
  const groups = useSharingGroups();
  const q = useQuery({
    queryKey: ['calls', 'broadcast', id],
    queryFn: () => answer(http.GET('/api/calls/broadcasts/{id}', { params: { path: { id: id! } } })),
    refetchInterval: 10_000,
  });
  const b = q.data;
  const groupName = (g: string) => {
    const found = groups.items.find((x) => x.id === g);
    return found ? bi(found.name) : g;
  };
  return (
    <QueryState isLoading={q.isLoading} error={q.error}>
      {b && (
        <>
          <PageHeader
            eyebrow={
              <>
                <Link to="/hotline?tab=broadcast">{t('calls.title')}</Link> / {t('broadcast.pageTitle')}
              </>
            }
            title={t('broadcast.pageTitleTopic', { topic: label(meta.data?.topics, b.topic) })}
            subtitle={
              <>
                {t('broadcast.placedBy', { name: b.placedBy })} · <DateTime at={b.placedAt} />
              </>
            }
          />
          <div className="stack">
            <Panel id="broadcast-summary">
              <dl className="kv">
                <dt>{t('common.urgency')}</dt>
                <dd>
                  {b.urgency && <Badge tone={urgencyTone(b.urgency)}>{label(meta.data?.urgencies, b.urgency)}</Badge>}
                </dd>
                <dt>{t('broadcast.groups')}</dt>
                <dd>{b.allPeers ? t('broadcast.allPeers') : b.groupIds.map(groupName).join(', ') || '—'}</dd>
                <dt>{t('calls.message')}</dt>
                <dd className="pre-wrap">{b.message}</dd>
                <dt>{t('common.status')}</dt>
                <dd className="strong" data-testid="broadcast-counts">
                  {t('broadcast.summary', b.counts)}
                </dd>
              </dl>
            </Panel>
            <Panel title={t('broadcast.recipients')} flush id="broadcast-recipients">
              <DataTable
                items={b.recipients}
                rowKey={(r) => r.callId}
                testId="broadcast-recipients"
                rowClass={(r) => (r.isOverdue ? 'overdue' : undefined)}
                columns={[
                  t('broadcast.recipient'),
                  t('broadcast.call'),
                  t('broadcast.state'),
                  t('broadcast.acknowledgedBy'),
                  t('broadcast.dueAt'),
                  t('broadcast.escalation'),
                ]}
                row={(r) => (
                  <>
                    <td>
                      <PartyName id={r.party} withCountry />
                    </td>
                    <td>
                      <Link className="mono" to={`/hotline/calls/${r.callId}`}>
                        {r.reference}
                      </Link>
                    </td>
                    <td>
                      <Badge tone={STATE_TONES[r.state] ?? 'neutral'} dot>
                        {t(`broadcast.states.${r.state}`)}
                      </Badge>
                      {r.isOverdue && (
                        <>
                          {' '}
                          <Badge tone="danger">{t('broadcast.overdue')}</Badge>
                        </>
                      )}
                    </td>
                    <td className="small">
                      {r.acknowledgedBy ? (
                        <>
                          {r.acknowledgedBy}
                          <div className="faint">
                            <DateTime at={r.acknowledgedAt} />
                          </div>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="small">
                      <DateTime at={r.ackDueAt} />
                    </td>
                    <td className="small">
                      {r.escalationLevel > 0 ? (
                        t('broadcast.level', {
                          level: r.escalationLevel,
                          role: label(meta.data?.escalationRoles, r.escalationRole),
                        })
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </>
                )}
              />
            </Panel>
          </div>
        </>
      )}
    </QueryState>
  );
}

export function BroadcastList() {
  const { t } = useTranslation();
  const label = useLabel();
  const meta = useCallMeta();
  const q = useQuery({
    queryKey: ['calls', 'broadcasts'],
    queryFn: () => answer(http.GET('/api/calls/broadcasts')),
    refetchInterval: 15_000,
  });
  return (
    <Panel title={t('broadcast.recent')} flush id="broadcasts">
      <QueryState isLoading={q.isLoading} error={q.error}>
        <DataTable
          items={q.data?.items ?? []}
          rowKey={(b) => b.id}
          empty={<Empty title={t('broadcast.empty')} />}
          columns={[t('calls.topic'), t('common.urgency'), t('broadcast.recipients'), t('broadcast.state')]}
          row={(b) => (
            <>
              <td>
                <Link to={`/hotline/broadcasts/${b.id}`}>{label(meta.data?.topics, b.topic)}</Link>
                <div className="faint small">
                  <DateTime at={b.placedAt} />
                </div>
              </td>
              <td>
                {b.urgency && <Badge tone={urgencyTone(b.urgency)}>{label(meta.data?.urgencies, b.urgency)}</Badge>}
              </td>
              <td className="small">
                {b.recipients.map((r, i) => (
                  <span key={r.callId}>
                    {i > 0 && ', '}
                    <PartyName id={r.party} />
                  </span>
                ))}
              </td>
              <td className="small">{t('broadcast.summary', b.counts)}</td>
            </>
          )}
        />
      </QueryState>
    </Panel>
  );
}
