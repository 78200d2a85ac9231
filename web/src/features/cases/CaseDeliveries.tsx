// Delivery per recipient of what the case's shares sent (GET /api/cases/{id}/deliveries): for each
// peer, each message (the case, each evidence item), whether it is queued, sent or refused, and the
// peer's signed receipt — so a share to a group shows which members have it and which not yet.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import { Badge } from '../../components/Badge';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { DataTable } from '../../components/ListParts';
import { Panel } from '../../components/Page';
import { PartyName } from '../../components/PartyName';
import { Receipt } from '../requests/RequestDeliveries';

export function CaseDeliveries({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const bi = useBi();
  const q = useQuery({
    queryKey: ['cases', 'deliveries', caseId],
    queryFn: () => answer(http.GET('/api/cases/{id}/deliveries', { params: { path: { id: caseId } } })),
    refetchInterval: 10_000,
  });
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Panel title={t('caseDeliveries.title')} flush id="case-deliveries">
      <DataTable
        items={items}
        rowKey={(d) => d.mid}
        testId="case-deliveries"
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
              {d.type === 'evidence.transferred' ? t('deliveries.types.evidence') : t('share.caseContent')}
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
