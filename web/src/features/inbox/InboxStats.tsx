// Four numbers at the top of the inbox: calls and requests awaiting acknowledgement, overdue items,
// and emergencies open.
import { useTranslation } from 'react-i18next';
import type { InboxItem } from './inbox-items';

export function InboxStats({ items }: { items: InboxItem[] }) {
  const { t } = useTranslation();
  const callsWaiting = items.filter((i) => i.kind === 'call' && i.call.clock.isAwaitingAck).length;
  const requestsWaiting = items.filter((i) => i.kind === 'request' && i.request.status === 'submitted').length;
  const overdue = items.filter((i) => i.overdue).length;
  const emergencies = items.filter((i) => i.urgency === 'emergency').length;
  const stats = [
    { label: t('inbox.statCalls'), value: callsWaiting, tone: callsWaiting ? 'warning' : '' },
    { label: t('inbox.statRequests'), value: requestsWaiting, tone: '' },
    { label: t('inbox.statOverdue'), value: overdue, tone: overdue ? 'danger' : '' },
    { label: t('inbox.statEmergency'), value: emergencies, tone: emergencies ? 'danger' : '' },
  ];
  return (
    <div className="grid-4" role="list">
      {stats.map((s) => (
        <div key={s.label} className={`panel stat ${s.tone}`} role="listitem">
          <div className="stat-label">{s.label}</div>
          <div className="stat-value">{s.value}</div>
        </div>
      ))}
    </div>
  );
}
