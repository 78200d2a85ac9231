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
import { ExerciseBadge } from '../exercises/ExerciseBanner';
import { AckButton } from './AckButton';

/** `withActions` adds a column with the one-tap acknowledgement of each call awaiting it (the incoming list). */
export function CallTable({ items, withActions }: { items: CallView[]; withActions?: boolean }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { locale } = useSession();
  const meta = useCallMeta().data;
  return (
    <DataTable
      items={items}
      rowKey={(c) => c.id}
      rowClass={(c) =>
        c.clock.isOverdue ? 'overdue' : c.clock.isProminent && c.clock.isAwaitingAck ? 'prominent' : undefined
      }
      columns={[
        t('calls.colCall'),
        t('requests.colCounterpart'),
        t('common.urgency'),
        t('common.status'),
        t('calls.colPlaced'),
        t('calls.colAck'),
        ...(withActions
          ? [{ title: <span className="sr-only">{t('common.actions')}</span>, className: 'action-col' }]
          : []),
      ]}
      row={(c) => (
        <>
          <td>
            <Link className="row-link" to={`/hotline/calls/${c.id}`}>
              {label(meta?.topics, c.topic)}
            </Link>
            <div className="sub mono">
              {c.reference} <ExerciseBadge exerciseId={c.exerciseId} />
            </div>
          </td>
          <td className="party-col">
            <Counterpart direction={c.direction} party={c.direction === 'outgoing' ? c.toParty : c.fromParty} />
          </td>
          <td>
            <Badge tone={urgencyTone(c.urgency)}>{label(meta?.urgencies, c.urgency)}</Badge>
          </td>
          <td>
            <Badge tone={callTone(c.status)}>{label(meta?.statuses, c.status)}</Badge>
          </td>
          <td className="small">
            <DateTime at={c.placedAt} />
          </td>
          <td>
            {c.clock.isAwaitingAck ? (
              <Countdown dueAt={c.ackDueAt} periodMs={c.ackPeriodMs} />
            ) : c.clock.timeToAcknowledgeMs !== null ? (
              <span className={c.clock.acknowledgedLate ? 'countdown overdue' : 'countdown stopped'}>
                {t('calls.ackIn', { duration: formatDuration(c.clock.timeToAcknowledgeMs, locale) })}
              </span>
            ) : (
              <span className="muted">—</span>
            )}
          </td>
          {withActions && (
            <td className="action-col">
              {c.allowedActions.includes('acknowledge') ? <AckButton id={c.id} reference={c.reference} /> : null}
            </td>
          )}
        </>
      )}
    />
  );
}
