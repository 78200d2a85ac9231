// The request's deadlines: acknowledgement, response and preservation, live, with overdue and
// escalation flags; paused while the requester is asked for information.
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../api/types';
import { Badge } from '../../components/Badge';
import { Countdown } from '../../components/Countdown';
import { DateTime } from '../../components/DateTime';

function Clock({
  label,
  dueAt,
  startAt,
  stopped,
  doneAt,
}: {
  label: string;
  dueAt: string | null;
  startAt?: string | null;
  stopped?: string | null;
  doneAt?: string | null;
}) {
  const period = dueAt && startAt ? Date.parse(dueAt) - Date.parse(startAt) : undefined;
  return (
    <div className="clock-row">
      <div className="clock-label">{label}</div>
      <div>
        <Countdown dueAt={dueAt} periodMs={period} stopped={stopped} />
        <div className="faint">
          <DateTime at={doneAt ?? dueAt} />
        </div>
      </div>
    </div>
  );
}

export function RequestClocks({ request: r }: { request: RequestView }) {
  const { t } = useTranslation();
  const c = r.clocks;
  const k = r.clock;
  if (r.status === 'draft') return <p className="muted">{t('clock.startOnSubmit')}</p>;
  const ackRunning =
    r.status === 'submitted' ||
    (r.status === 'needs_information' && r.informationRequest?.previousStatus === 'submitted');
  const ackDone = ackRunning
    ? k.paused
      ? t('clock.paused')
      : null
    : r.acknowledgedAt
      ? k.ackWasLate
        ? t('clock.doneLate')
        : t('clock.done')
      : t('clock.finished');
  const finished = ['fulfilled', 'declined', 'closed', 'withdrawn'].includes(r.status);
  const answered = r.fulfilledAt ?? r.declinedAt;
  const respDone = answered
    ? k.responseWasLate
      ? t('clock.doneLate')
      : t('clock.done')
    : finished
      ? t('clock.finished')
      : k.paused
        ? t('clock.paused')
        : null;
  return (
    <div className="stack-sm">
      <div className="row">
        {k.ackOverdue && <Badge tone="danger">{t('clock.ackOverdue')}</Badge>}
        {k.responseOverdue && <Badge tone="danger">{t('clock.responseOverdue')}</Badge>}
        {k.escalationLevel > 0 && <Badge tone="danger">{t('clock.escalated', { level: k.escalationLevel })}</Badge>}
        {k.paused && <Badge tone="warning">{t('clock.pausedBadge')}</Badge>}
        {k.renewalReminderDue && <Badge tone="warning">{t('clock.renewSoon')}</Badge>}
        {k.preservationLapsed && <Badge tone="danger">{t('clock.lapsed')}</Badge>}
      </div>
      <Clock
        label={t('clock.ack')}
        dueAt={c.ackDueAt}
        startAt={c.ackClockStartAt}
        stopped={ackDone}
        doneAt={r.acknowledgedAt}
      />
      <Clock
        label={t('clock.response')}
        dueAt={c.responseDueAt}
        startAt={c.responseClockStartAt}
        stopped={respDone}
        doneAt={answered}
      />
      {r.type === 'preservation' && (
        <Clock
          label={t('clock.preservation')}
          dueAt={c.preservationExpiresAt}
          stopped={
            c.preservationExpiresAt
              ? k.preservationActive
                ? null
                : t('clock.finished')
              : t('clock.preservationNotStarted')
          }
        />
      )}
      {r.type === 'preservation' && c.renewalCount > 0 && (
        <p className="faint">{t('clock.renewals', { count: c.renewalCount })}</p>
      )}
      {r.pendingClockOverride && (
        <div className="alert info">{t('clock.proposal', { by: r.pendingClockOverride.proposedByLabel })}</div>
      )}
    </div>
  );
}
