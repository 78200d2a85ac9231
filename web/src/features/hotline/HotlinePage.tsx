// The 24/7 hotline: incoming and outgoing calls, placing a call, broadcasting an alert to a group,
// recording one taken by phone, and the on-call roster.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { answer, http } from '../../api/client';
import { useSession } from '../../app/session';
import { Empty, PageHeader, Panel, QueryState, TabPanel, Tabs } from '../../components/Page';
import { BroadcastList } from './BroadcastPage';
import { CallForm } from './CallForm';
import { CallTable } from './CallTable';
import { RosterPanel } from './RosterPanel';

function CallList({ direction }: { direction: 'incoming' | 'outgoing' }) {
  const { t } = useTranslation();
  const list = useQuery({
    // Calls of running exercises are listed too, marked (the exercise tests this very list).
    queryKey: ['calls', 'list', { direction, exercise: 'running' }],
    queryFn: () =>
      answer(http.GET('/api/calls', { params: { query: { direction, exercise: 'running', limit: 500 } } })),
    refetchInterval: 15_000,
  });
  return (
    <Panel flush id={`calls-${direction}`}>
      <QueryState isLoading={list.isLoading} error={list.error}>
        {list.data && list.data.items.length > 0 ? (
          <CallTable items={list.data.items} withActions={direction === 'incoming'} />
        ) : (
          <Empty title={t('calls.emptyTitle')} />
        )}
      </QueryState>
    </Panel>
  );
}

export function HotlinePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const tabs = [
    { id: 'incoming', label: t('calls.tabIncoming') },
    { id: 'outgoing', label: t('calls.tabOutgoing') },
    ...(can('call:place')
      ? [
          { id: 'place', label: t('calls.tabPlace') },
          { id: 'broadcast', label: t('broadcast.tab') },
        ]
      : []),
    ...(can('call:ack') ? [{ id: 'record', label: t('calls.tabRecord') }] : []),
    { id: 'roster', label: t('calls.tabRoster') },
  ];
  const current = tabs.some((x) => x.id === params.get('tab')) ? (params.get('tab') as string) : 'incoming';
  return (
    <>
      <PageHeader title={t('calls.title')} subtitle={t('calls.subtitle')} />
      <Tabs
        label={t('calls.title')}
        tabs={tabs}
        current={current}
        onChange={(id) => setParams({ tab: id }, { replace: true })}
      />
      <TabPanel id={current}>
        {current === 'incoming' && <CallList direction="incoming" />}
        {current === 'outgoing' && <CallList direction="outgoing" />}
        {current === 'place' && (
          <Panel title={t('calls.placeTitle')} id="place-call">
            <CallForm mode="place" />
          </Panel>
        )}
        {current === 'broadcast' && (
          <div className="stack">
            <Panel title={t('broadcast.title')} id="broadcast-form">
              <p className="faint">{t('broadcast.help')}</p>
              <CallForm mode="broadcast" />
            </Panel>
            <BroadcastList />
          </div>
        )}
        {current === 'record' && (
          <Panel title={t('calls.recordTitle')} id="record-call">
            <p className="faint">{t('calls.recordHelp')}</p>
            <CallForm mode="record" />
          </Panel>
        )}
        {current === 'roster' && <RosterPanel />}
      </TabPanel>
    </>
  );
}
