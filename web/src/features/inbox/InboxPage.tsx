// Inbox: what this node must answer now — incoming hotline calls and requests, most urgent first,
// with live countdowns; a call is acknowledged with one click.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { Badge, callTone, requestTone, urgencyTone } from '../../components/Badge';
import { Countdown } from '../../components/Countdown';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { PartyName } from '../../components/PartyName';
import { Empty, PageHeader, Panel, QueryState } from '../../components/Page';
import { useCallMeta, useRequestMeta } from '../../api/meta';
import { useBi, useLabel } from '../../components/Bi';
import { InboxStats } from './InboxStats';
import type { InboxItem } from './inbox-items';
import { useInbox } from './use-inbox';
import { AckButton } from '../hotline/AckButton';
import { ExerciseBadge } from '../exercises/ExerciseBanner';
import { usePhone } from '../../lib/use-phone';

const rowClass = (item: InboxItem) =>
  item.overdue ? 'overdue' : item.kind === 'call' && item.call.clock.isProminent ? 'prominent' : undefined;

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
        <td className="main-col">
          <div className="kind-line">
            <Badge tone="warning">{t('inbox.kindCall')}</Badge>
            <Link className="row-link" to={`/hotline/calls/${c.id}`}>
              {label(callMeta?.topics, c.topic)}
            </Link>
          </div>
          <div className="sub mono">
            {c.reference} <ExerciseBadge exerciseId={c.exerciseId} />
          </div>
          <div className="sub">{c.message.length > 110 ? `${c.message.slice(0, 110)}…` : c.message}</div>
        </td>
        <td className="party-col">
          <PartyName id={c.fromParty} />
        </td>
        <td>
          <div className="badge-stack">
            <Badge tone={urgencyTone(c.urgency)}>{label(callMeta?.urgencies, c.urgency)}</Badge>
            <Badge tone={callTone(c.status)}>{label(callMeta?.statuses, c.status)}</Badge>
          </div>
        </td>
        <td className="deadline-col">
          <Countdown
            dueAt={item.dueAt}
            periodMs={item.periodMs}
            stopped={c.clock.isAwaitingAck ? null : t('calls.acknowledgedShort')}
          />
          <div className="sub">
            <DateTime at={c.ackDueAt} otherZone={c.callback.timeZone} otherLabel={t('common.theirTime')} />
          </div>
        </td>
        <td className="action-col">
          {c.allowedActions.includes('acknowledge') ? <AckButton id={c.id} reference={c.reference} /> : null}
        </td>
      </>
    );
  }
  const r = item.request;
  return (
    <>
      <td className="main-col">
        <div className="kind-line">
          <Badge tone="info">{t('inbox.kindRequest')}</Badge>
          <Link className="row-link" to={`/requests/${r.id}`}>
            {label(requestMeta?.types, r.type)}
          </Link>
        </div>
        <div className="sub mono">
          {r.reference} <ExerciseBadge exerciseId={r.exerciseId} />
        </div>
        <div className="sub">{bi(r.subject)}</div>
      </td>
      <td className="party-col">
        <PartyName id={r.requestingParty} />
      </td>
      <td>
        <div className="badge-stack">
          <Badge tone={urgencyTone(r.urgency)}>{label(requestMeta?.urgencies, r.urgency)}</Badge>
          <Badge tone={requestTone(r.status)}>{label(requestMeta?.statuses, r.status)}</Badge>
        </div>
      </td>
      <td className="deadline-col">
        <Countdown dueAt={item.dueAt} periodMs={item.periodMs} stopped={r.clock.paused ? t('clock.paused') : null} />
        <div className="sub">
          <DateTime at={item.dueAt} />
        </div>
      </td>
      <td className="action-col">
        <Link className="btn sm" to={`/requests/${r.id}`}>
          {t('common.open')}
          <span className="sr-only"> {r.reference}</span>
        </Link>
      </td>
    </>
  );
}

/** On a phone: one card per item, its badges, what it is about, the deadline and the action at full width. */
function Card({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const label = useLabel();
  const bi = useBi();
  const requestMeta = useRequestMeta().data;
  const callMeta = useCallMeta().data;
  const className = `inbox-card${item.overdue ? ' overdue' : item.kind === 'call' && item.call.clock.isProminent ? ' prominent' : ''}`;
  if (item.kind === 'call') {
    const c = item.call;
    return (
      <li className={className} data-testid="inbox-card">
        <div className="row">
          <Badge tone="warning">{t('inbox.kindCall')}</Badge>
          <Badge tone={urgencyTone(c.urgency)}>{label(callMeta?.urgencies, c.urgency)}</Badge>
          <Badge tone={callTone(c.status)}>{label(callMeta?.statuses, c.status)}</Badge>
          <ExerciseBadge exerciseId={c.exerciseId} />
        </div>
        <Link className="row-link" to={`/hotline/calls/${c.id}`}>
          {label(callMeta?.topics, c.topic)}
        </Link>
        <div className="sub">
          <span className="mono">{c.reference}</span> · <PartyName id={c.fromParty} />
        </div>
        <div className="sub clamp-3">{c.message}</div>
        <div className="inbox-card-due">
          <Countdown
            dueAt={item.dueAt}
            periodMs={item.periodMs}
            stopped={c.clock.isAwaitingAck ? null : t('calls.acknowledgedShort')}
          />
          <div className="sub">
            <DateTime at={c.ackDueAt} otherZone={c.callback.timeZone} otherLabel={t('common.theirTime')} />
          </div>
        </div>
        {c.allowedActions.includes('acknowledge') && <AckButton id={c.id} reference={c.reference} block />}
      </li>
    );
  }
  const r = item.request;
  return (
    <li className={className} data-testid="inbox-card">
      <div className="row">
        <Badge tone="info">{t('inbox.kindRequest')}</Badge>
        <Badge tone={urgencyTone(r.urgency)}>{label(requestMeta?.urgencies, r.urgency)}</Badge>
        <Badge tone={requestTone(r.status)}>{label(requestMeta?.statuses, r.status)}</Badge>
        <ExerciseBadge exerciseId={r.exerciseId} />
      </div>
      <Link className="row-link" to={`/requests/${r.id}`}>
        {label(requestMeta?.types, r.type)}
      </Link>
      <div className="sub">
        <span className="mono">{r.reference}</span> · <PartyName id={r.requestingParty} />
      </div>
      <div className="sub clamp-3">{bi(r.subject)}</div>
      <div className="inbox-card-due">
        <Countdown dueAt={item.dueAt} periodMs={item.periodMs} stopped={r.clock.paused ? t('clock.paused') : null} />
        <div className="sub">
          <DateTime at={item.dueAt} />
        </div>
      </div>
      <Link className="btn block" to={`/requests/${r.id}`}>
        {t('common.open')}
        <span className="sr-only"> {r.reference}</span>
      </Link>
    </li>
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const inbox = useInbox();
  const phone = usePhone();
  return (
    <>
      <PageHeader title={t('inbox.title')} subtitle={t('inbox.subtitle', { name: me.user.displayName })} />
      <div className="stack">
        <InboxStats items={inbox.items} />
        <Panel title={t('inbox.queue')} flush id="inbox-queue">
          <QueryState isLoading={inbox.isLoading} error={inbox.error}>
            {phone ? (
              inbox.items.length === 0 ? (
                <Empty title={t('inbox.emptyTitle')}>{t('inbox.emptyBody')}</Empty>
              ) : (
                <ul className="inbox-cards" aria-label={t('inbox.queue')}>
                  {inbox.items.map((item) => (
                    <Card key={`${item.kind}:${item.id}`} item={item} />
                  ))}
                </ul>
              )
            ) : (
              <DataTable
                items={inbox.items}
                rowKey={(item) => `${item.kind}:${item.id}`}
                rowClass={rowClass}
                empty={<Empty title={t('inbox.emptyTitle')}>{t('inbox.emptyBody')}</Empty>}
                caption={{ title: t('inbox.queue'), className: 'sr-only' }}
                columns={[
                  t('inbox.colSubject'),
                  t('inbox.colFrom'),
                  { title: `${t('common.urgency')} · ${t('common.status')}`, className: 'wrap-head' },
                  { title: t('inbox.colDeadline'), className: 'deadline-col' },
                  { title: <span className="sr-only">{t('common.actions')}</span>, className: 'action-col' },
                ]}
                row={(item) => <Cells item={item} />}
              />
            )}
          </QueryState>
        </Panel>
      </div>
    </>
  );
}
