// Inbox: what this node must answer now — incoming hotline calls and requests, most urgent first,
// with live countdowns; a call is acknowledged with one click.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { Badge, callTone, requestTone, urgencyTone } from '../../components/Badge';
import { Countdown } from '../../components/Countdown';
import { DateTime } from '../../components/DateTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DataTable } from '../../components/ListParts';
import { PartyName } from '../../components/PartyName';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { useCallMeta, useRequestMeta } from '../../api/meta';
import { useBi, useLabel } from '../../components/Bi';
import { InboxStats } from './InboxStats';
import type { InboxItem } from './inbox-items';
import { useInbox } from './use-inbox';

function AckButton({ id, reference }: { id: string; reference: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ack = useMutation({
    mutationFn: () => api.post(`/calls/${id}/actions`, { action: 'acknowledge' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calls'] }),
  });
  return (
    <div className="stack-sm">
      <button type="button" className="btn urgent sm" disabled={ack.isPending} onClick={() => ack.mutate()}>
        {t('calls.acknowledge')}<span className="sr-only"> {reference}</span>
      </button>
      {ack.error && <ErrorSummary error={ack.error} />}
    </div>
  );
}

const rowClass = (item: InboxItem) => (item.overdue ? 'overdue' : item.kind === 'call' && item.call.clock.isProminent ? 'prominent' : undefined);

/** The cells of one queue row: a call or a request. */
function Cells({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const label = useLabel();
  const bi = useBi();
  const requestMeta = useRequestMeta().data;
  const callMeta = useCallMeta().data;
  if (item.kind === 'call') {
    const c = item.call;
    return (
      <>
        <td><Badge tone="warning">{t('inbox.kindCall')}</Badge></td>
        <td className="main-col">
          <Link className="row-link" to={`/hotline/calls/${c.id}`}>{label(callMeta?.topics, c.topic)}</Link>
          <div className="sub mono">{c.reference}</div>
          <div className="sub">{c.message.length > 110 ? `${c.message.slice(0, 110)}…` : c.message}</div>
        </td>
        <td className="party-col"><PartyName id={c.fromParty} /></td>
        <td><Badge tone={urgencyTone(c.urgency)}>{label(callMeta?.urgencies, c.urgency)}</Badge></td>
        <td><Badge tone={callTone(c.status)}>{label(callMeta?.statuses, c.status)}</Badge></td>
        <td>
          <Countdown dueAt={item.dueAt} periodMs={item.periodMs} stopped={c.clock.isAwaitingAck ? null : t('calls.acknowledgedShort')} />
          <div className="sub"><DateTime at={c.ackDueAt} otherZone={c.callback.timeZone} otherLabel={t('common.theirTime')} /></div>
        </td>
        <td>{c.allowedActions.includes('acknowledge') ? <AckButton id={c.id} reference={c.reference} /> : null}</td>
      </>
    );
  }
  const r = item.request;
  return (
    <>
      <td><Badge tone="info">{t('inbox.kindRequest')}</Badge></td>
      <td className="main-col">
        <Link className="row-link" to={`/requests/${r.id}`}>{label(requestMeta?.types, r.type)}</Link>
        <div className="sub mono">{r.reference}</div>
        <div className="sub">{bi(r.subject)}</div>
      </td>
      <td className="party-col"><PartyName id={r.requestingParty} /></td>
      <td><Badge tone={urgencyTone(r.urgency)}>{label(requestMeta?.urgencies, r.urgency)}</Badge></td>
      <td><Badge tone={requestTone(r.status)}>{label(requestMeta?.statuses, r.status)}</Badge></td>
      <td>
        <Countdown dueAt={item.dueAt} periodMs={item.periodMs} stopped={r.clock.paused ? t('clock.paused') : null} />
        <div className="sub"><DateTime at={item.dueAt} /></div>
      </td>
      <td><Link className="btn sm" to={`/requests/${r.id}`}>{t('common.open')}</Link></td>
    </>
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const inbox = useInbox();
  return (
    <>
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle', { name: me.user.displayName })} />
      <div className="stack">
        <InboxStats items={inbox.items} />
        <Panel title={t('inbox.queue')} flush id="inbox-queue">
          <QueryState isLoading={inbox.isLoading} error={inbox.error}>
            <DataTable
              items={inbox.items} rowKey={(item) => `${item.kind}:${item.id}`} rowClass={rowClass}
              empty={<Empty title={t('inbox.emptyTitle')}>{t('inbox.emptyBody')}</Empty>} caption={{ title: t('inbox.queue'), className: 'sr-only' }}
              columns={[
                t('inbox.colKind'), t('inbox.colSubject'), t('inbox.colFrom'), t('common.urgency'), t('common.status'), t('inbox.colDeadline'),
                <span key="actions" className="sr-only">{t('common.actions')}</span>,
              ]}
              row={(item) => <Cells item={item} />} />
          </QueryState>
        </Panel>
      </div>
    </>
  );
}
