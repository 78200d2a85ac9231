// A table of requests: reference, type and subject, counterpart, urgency, status, next deadline.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequestMeta } from '../../api/meta';
import type { RequestView } from '../../api/types';
import { Badge, requestTone, urgencyTone } from '../../components/Badge';
import { useBi, useLabel } from '../../components/Bi';
import { Countdown } from '../../components/Countdown';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Counterpart } from '../../components/PartyName';
import { requestDeadline } from '../inbox/inbox-items';
import { RESPONSE_OPEN } from '../../../../src/domain/request/clock-status';

export function RequestTable({ items }: { items: RequestView[] }) {
  const { t } = useTranslation();
  const bi = useBi();
  const label = useLabel();
  const meta = useRequestMeta().data;
  return (
    <DataTable
      items={items}
      rowKey={(r) => r.id}
      rowClass={(r) => (r.clock.ackOverdue || r.clock.responseOverdue ? 'overdue' : undefined)}
      columns={[
        t('requests.colReference'),
        t('requests.colRequest'),
        t('requests.colCounterpart'),
        t('common.urgency'),
        t('common.status'),
        t('requests.colDeadline'),
        t('requests.colUpdated'),
      ]}
      row={(r) => {
        const { dueAt, startAt } = requestDeadline(r);
        return (
          <>
            <td className="mono nowrap">
              <Link className="row-link" to={`/requests/${r.id}`}>
                {r.reference}
              </Link>
            </td>
            <td>
              <div className="title-cell">{label(meta?.types, r.type)}</div>
              <div className="sub">{bi(r.subject) || '—'}</div>
            </td>
            <td className="party-col">
              <Counterpart
                direction={r.direction}
                party={r.direction === 'outgoing' ? r.requestedParty : r.requestingParty}
              />
            </td>
            <td>
              <Badge tone={urgencyTone(r.urgency)}>{label(meta?.urgencies, r.urgency)}</Badge>
            </td>
            <td>
              <Badge tone={requestTone(r.status)}>{label(meta?.statuses, r.status)}</Badge>
            </td>
            <td>
              {RESPONSE_OPEN.includes(r.status) ? (
                <Countdown
                  dueAt={dueAt}
                  stopped={r.clock.paused ? t('clock.paused') : null}
                  periodMs={dueAt && startAt ? Date.parse(dueAt) - Date.parse(startAt) : undefined}
                />
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td className="small date-col">
              <DateTime at={r.updatedAt} />
            </td>
          </>
        );
      }}
    />
  );
}
