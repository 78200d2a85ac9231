// Delivery per recipient of the federation messages filed under one record (a case's shares, an
// article's shares — docs/federation.md §19): for each peer and message, whether it is queued, sent
// or refused, and the peer's signed receipt, so a share to a group shows which members have it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDelivery } from '../../api/types';
import { Badge } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Panel } from '../../components/Page';
import { PartyName } from '../../components/PartyName';
import { Receipt } from '../requests/RequestDeliveries';

export function DeliveryTable({
  items,
  id,
  testId,
  message,
}: {
  items: readonly RequestDelivery[];
  /** Anchor id of the panel. */
  id: string;
  testId: string;
  /** What the message carried, for people (e.g. "Case", "Evidence sent"). */
  message(d: RequestDelivery): ReactNode;
}) {
  const { t } = useTranslation();
  const bi = useBi();
  if (items.length === 0) return null;
  return (
    <Panel title={t('caseDeliveries.title')} flush id={id}>
      <DataTable
        items={items}
        rowKey={(d) => d.mid}
        testId={testId}
        columns={[
          t('caseDeliveries.recipient'),
          t('caseDeliveries.message'),
          t('caseDeliveries.state'),
          t('caseDeliveries.receipt'),
        ]}
        row={(d) => (
          <>
            <td>
              <PartyName id={d.peer} withCountry />
            </td>
            <td className="small">
              {message(d)}
              <div className="faint">
                <DateTime at={d.createdAt} />
              </div>
            </td>
            <td>
              {d.result ? (
                <Badge tone={d.result === 'rejected' ? 'danger' : 'success'} dot>
                  {t(`caseDeliveries.results.${d.result}`)}
                </Badge>
              ) : (
                <Badge tone={d.state === 'rejected' ? 'danger' : d.state === 'sent' ? 'info' : 'warning'} dot>
                  {t(`caseDeliveries.states.${d.state}`)}
                </Badge>
              )}
              {d.state === 'rejected' && d.reason && <div className="small danger-text">{bi(d.reason)}</div>}
              {d.state === 'pending' && (
                <div className="small faint">{t('deliveries.pending', { attempts: d.attempts })}</div>
              )}
            </td>
            <td>{d.receipt ? <Receipt receipt={d.receipt} /> : <span className="muted">—</span>}</td>
          </>
        )}
      />
    </Panel>
  );
}
