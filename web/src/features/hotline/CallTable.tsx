// A table of hotline calls with their acknowledgement countdown and the other party's local time.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCallMeta } from '../../api/meta';
import type { CallView } from '../../api/types';
import { Badge, callTone, urgencyTone } from '../../components/Badge';
import { useLabel } from '../../components/Bi';
import { Countdown } from '../../components/Countdown';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Counterpart } from '../../components/PartyName';
import { formatDuration } from '../../lib/format';
import { useSession } from '../../app/session';

export function CallTable({ items }: { items: CallView[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { locale } = useSession();
  const meta = useCallMeta().data;
  return (
    <DataTable
      items={items} rowKey={(c) => c.id}
      rowClass={(c) => (c.clock.isOverdue ? 'overdue' : c.clock.isProminent && c.clock.isAwaitingAck ? 'prominent' : undefined)}
      columns={[t('calls.colCall'), t('requests.colCounterpart'), t('common.urgency'), t('common.status'), t('calls.colPlaced'), t('calls.colAck')]}
      row={(c) => (
        <>
          <td>
            <Link className="row-link" to={`/hotline/calls/${c.id}`}>{label(meta?.topics, c.topic)}</Link>
            <div className="sub mono">{c.reference}</div>
          </td>
          <td className="nowrap">
            <Counterpart direction={c.direction} party={c.direction === 'outgoing' ? c.toParty : c.fromParty} />
          </td>
          <td><Badge tone={urgencyTone(c.urgency)}>{label(meta?.urgencies, c.urgency)}</Badge></td>
          <td><Badge tone={callTone(c.status)}>{label(meta?.statuses, c.status)}</Badge></td>
          <td className="small"><DateTime at={c.placedAt} /></td>
          <td>
            {c.clock.isAwaitingAck ? (
              <Countdown dueAt={c.ackDueAt} periodMs={c.ackPeriodMs} />
            ) : c.clock.timeToAcknowledgeMs !== null ? (
              <span className={c.clock.acknowledgedLate ? 'countdown overdue' : 'countdown stopped'}>
                {t('calls.ackIn', { duration: formatDuration(c.clock.timeToAcknowledgeMs, locale) })}
              </span>
            ) : <span className="muted">—</span>}
          </td>
        </>
      )} />
  );
}
