// Delivery of every federation message sent about this request: when it left, whether the other
// node accepted it, and the signed receipt that proves it (non-repudiation of receipt). A message the
// other node refused shows its code and, when known, what the code means. The receipt is shown
// decoded (signer, key fingerprint, time, the messages it covers) and verified by the server, the
// raw JWS behind a toggle.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { answer, http } from '../../api/client';
import type { ReceiptView, RequestDelivery } from '../../api/types';

export type { ReceiptView, RequestDelivery };
import { useBi } from '../../components/Bi';
import { DateTime } from '../../components/DateTime';
import { PartyName } from '../../components/PartyName';

/** Who signed, with which key, when, what it covers, whether it verifies; the raw JWS behind a toggle. */
export function Receipt({ receipt: r }: { receipt: ReceiptView }) {
  const { t } = useTranslation();
  const bi = useBi();
  const mine = r.covers.find((c) => c.thisMessage);
  const others = r.covers.length - (mine ? 1 : 0);
  return (
    <div className="small" data-testid="receipt">
      <div className={r.verified ? 'success-text' : 'danger-text'} data-testid="receipt-verdict">
        {r.verified
          ? `✓ ${t('answer.receipt.verified')}`
          : `✗ ${t('answer.receipt.notVerified')}${r.problem ? ` — ${bi(r.problem)}` : ''}`}
      </div>
      <dl className="receipt-facts">
        <dt>{t('answer.receipt.signedBy')}</dt>
        <dd data-testid="receipt-signer">{r.signer.name ? bi(r.signer.name) : <PartyName id={r.signer.party} />}</dd>
        <dt>{t('answer.receipt.key')}</dt>
        <dd className="mono" data-testid="receipt-fingerprint">
          {r.signer.fingerprint ?? r.signer.keyId ?? '—'}
        </dd>
        <dt>{t('answer.receipt.receivedAt')}</dt>
        <dd>{r.receivedAt ? <DateTime at={r.receivedAt} /> : '—'}</dd>
        <dt>{t('answer.receipt.covers')}</dt>
        <dd>
          {mine
            ? t('answer.receipt.thisMessage', {
                seq: mine.seq ?? '—',
                result: t(
                  `answer.receipt.result.${mine.status === 'duplicate' ? 'duplicate' : mine.status === 'rejected' ? 'rejected' : 'accepted'}`,
                ),
              })
            : t('answer.receipt.notThisMessage')}
          {others > 0 && <> {t('answer.receipt.andOthers', { count: others })}</>}
          <div className="mono faint">{mine?.mid ?? ''}</div>
        </dd>
      </dl>
      <details>
        <summary>{t('answer.receipt.showRaw')}</summary>
        <code className="mono small wrap-anywhere">{r.jws}</code>
      </details>
    </div>
  );
}

export function RequestDeliveries({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const bi = useBi();
  const q = useQuery({
    queryKey: ['requests', 'deliveries', requestId],
    queryFn: () => answer(http.GET('/api/requests/{id}/deliveries', { params: { path: { id: requestId } } })),
    refetchInterval: 10_000,
  });
  const items = q.data?.items ?? [];
  if (q.isLoading) return <p className="muted">{t('deliveries.loading')}</p>;
  if (items.length === 0) return <p className="muted">{t('deliveries.none')}</p>;
  return (
    <ol className="timeline">
      {items.map((d) => (
        <li key={d.mid}>
          <div className="what">
            {t(
              `deliveries.types.${d.type === 'request.submitted' ? 'submitted' : d.type === 'evidence.transferred' ? 'evidence' : 'step'}`,
            )}
          </div>
          <div className="when">
            <DateTime at={d.createdAt} /> → <PartyName id={d.peer} />
          </div>
          <div className="small">
            {d.receipt && d.result !== 'rejected' ? (
              <Receipt receipt={d.receipt} />
            ) : d.state === 'rejected' || d.result === 'rejected' ? (
              <span className="danger-text" data-testid="peer-refusal">
                {t('peerRefusal.onRecord', { code: d.code ?? '' })} —{' '}
                {d.reason ? bi(d.reason) : t('peerRefusal.unknownCode')}
              </span>
            ) : (
              t('deliveries.pending', { attempts: d.attempts })
            )}
          </div>
          {d.receipt && d.result === 'rejected' && (
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
