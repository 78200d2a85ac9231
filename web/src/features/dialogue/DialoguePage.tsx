// The dialogue mechanism (docs/spec.md §8): meetings with their progress, and every action item tracked to
// completion, overdue ones first.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useDialogueMeta } from '../../api/meta';
import { useSession } from '../../app/session';
import { Badge, genericTone } from '../../components/Badge';
import { useBi, useLabel } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Empty, PageHeader, Panel, QueryState, TabPanel, Tabs } from '../../components/Page';
import { PartyName } from '../../components/PartyName';
import { ActionItemsTable } from './ActionItemsTable';
import { MeetingForm } from './MeetingForm';

export function DialoguePage() {
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const { can } = useSession();
  const meta = useDialogueMeta().data;
  const [params, setParams] = useSearchParams();
  const meetings = useQuery({
    queryKey: ['dialogue', 'meetings'],
    queryFn: () => answer(http.GET('/api/dialogue/meetings')),
  });
  const items = useQuery({
    queryKey: ['dialogue', 'items'],
    queryFn: () => answer(http.GET('/api/dialogue/action-items')),
  });
  const tabs = [
    { id: 'meetings', label: t('dialogue.meetings') },
    { id: 'items', label: t('dialogue.actionItems') },
    ...(can('dialogue:edit') ? [{ id: 'plan', label: t('dialogue.plan') }] : []),
  ];
  const current = tabs.some((x) => x.id === params.get('tab')) ? (params.get('tab') as string) : 'meetings';
  return (
    <>
      <PageHeader title={t('dialogue.title')} subtitle={t('dialogue.subtitle')} />
      <Tabs
        label={t('dialogue.title')}
        tabs={tabs}
        current={current}
        onChange={(tab) => setParams({ tab }, { replace: true })}
      />
      <TabPanel id={current}>
        {current === 'meetings' && (
          <Panel flush id="meetings">
            <QueryState isLoading={meetings.isLoading} error={meetings.error}>
              <DataTable
                items={meetings.data?.items ?? []}
                rowKey={(m) => m.id}
                empty={<Empty title={t('dialogue.noMeetings')} />}
                columns={[
                  t('dialogue.meeting'),
                  t('dialogue.when'),
                  t('dialogue.parties'),
                  t('common.status'),
                  t('dialogue.progress'),
                ]}
                row={(m) => (
                  <>
                    <td>
                      <Link className="row-link" to={`/dialogue/${m.id}`}>
                        {bi(m.title)}
                      </Link>
                      <div className="sub">
                        {label(meta?.meetingKinds, m.kind)}
                        {m.location ? ` · ${m.location}` : ''}
                      </div>
                    </td>
                    <td className="small">
                      <DateTime at={m.startsAt} />
                    </td>
                    <td className="small">
                      {m.parties.map((p, i) => (
                        <span key={p}>
                          {i > 0 && ', '}
                          <PartyName id={p} />
                        </span>
                      ))}
                    </td>
                    <td>
                      <Badge tone={genericTone(m.status)}>{label(meta?.meetingStatuses, m.status)}</Badge>
                    </td>
                    <td className="small">
                      {t('dialogue.progressText', {
                        done: m.progress.done,
                        total: m.progress.total - m.progress.dropped,
                      })}
                      {m.progress.overdue > 0 && (
                        <>
                          {' '}
                          · <Badge tone="danger">{t('dialogue.overdueCount', { count: m.progress.overdue })}</Badge>
                        </>
                      )}
                    </td>
                  </>
                )}
              />
            </QueryState>
          </Panel>
        )}
        {current === 'items' && (
          <Panel flush id="action-items">
            <QueryState isLoading={items.isLoading} error={items.error}>
              <ActionItemsTable items={items.data?.items ?? []} showMeeting />
            </QueryState>
          </Panel>
        )}
        {current === 'plan' && <MeetingForm />}
      </TabPanel>
    </>
  );
}
