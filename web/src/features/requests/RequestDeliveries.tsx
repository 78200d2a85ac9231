// Delivery of every federation message sent about this request: when it left, whether the other
// node accepted it, and the signed receipt that proves it (non-repudiation of receipt). A message the
// other node refused shows its code and, when known, what the code means.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Bilingual } from '../../api/types';
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { PartyName } from '../../components/PartyName';

export type RequestDelivery = {
  mid: string; type: string; peer: string; createdAt: string; state: 'pending' | 'sent' | 'rejected';
  result: 'accepted' | 'duplicate' | 'rejected' | null; code: string | null; reason: Bilingual | null; attempts: number; lastError: string | null;
  receipt: { batchId: string; receivedAt: string; jws: string } | null;
};

export function RequestDeliveries({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const bi = useBi();
  const q = useQuery({
    queryKey: ['requests', 'deliveries', requestId],
    queryFn: () => api.get<{ items: RequestDelivery[] }>(`/requests/${requestId}/deliveries`),
    refetchInterval: 10_000,
  });
  const items = q.data?.items ?? [];
  if (q.isLoading) return <p className="muted">{t('deliveries.loading')}</p>;
  if (items.length === 0) return <p className="muted">{t('deliveries.none')}</p>;
  return (
    <ol className="timeline">
      {items.map((d) => (
        <li key={d.mid}>
          <div className="what">{t(`deliveries.types.${d.type === 'request.submitted' ? 'submitted' : d.type === 'evidence.transferred' ? 'evidence' : 'step'}`)}</div>
          <div className="when"><DateTime at={d.createdAt} /> → <PartyName id={d.peer} /></div>
          <div className="small">
            {d.receipt && d.result !== 'rejected'
              ? <>{t('deliveries.receipted')} <DateTime at={d.receipt.receivedAt} /></>
              : d.state === 'rejected' || d.result === 'rejected'
                ? (
                  <span className="danger-text" data-testid="peer-refusal">
                    {t('peerRefusal.onRecord', { code: d.code ?? '' })} — {d.reason ? bi(d.reason) : t('peerRefusal.unknownCode')}
                  </span>
                )
                : t('deliveries.pending', { attempts: d.attempts })}
          </div>
          {d.receipt && (
            <details className="small">
              <summary>{t('deliveries.showReceipt')}</summary>
              <code className="mono small wrap-anywhere">{d.receipt.jws}</code>
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
