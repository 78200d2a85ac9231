// Shown once after a report is sent: the receipt number and the status-check code, with advice.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmissionReceipt } from '../../api/public-report-types';

export function ReceiptPanel({ receipt, onNew }: { receipt: SubmissionReceipt; onNew(): void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="receipt-title">
      <div className="panel-body stack">
        <h1 id="receipt-title" tabIndex={-1}>
          {t('publicReport.doneTitle')}
        </h1>
        <p>{t('publicReport.doneIntro')}</p>
        <dl className="stack">
          <div>
            <dt>{t('publicReport.receipt')}</dt>
            <dd className="public-receipt" data-testid="receipt">
              {receipt.receipt}
            </dd>
          </div>
          <div>
            <dt>{t('publicReport.statusCode')}</dt>
            <dd className="public-receipt" data-testid="status-code">
              {receipt.statusCode}
            </dd>
          </div>
        </dl>
        <p>{t('publicReport.doneAdvice')}</p>
        <div className="alert warning" role="note">
          {t('publicReport.doneWarning')}
        </div>
        <div className="row">
          <Link className="btn primary" to={`/report/status?receipt=${encodeURIComponent(receipt.receipt)}`}>
            {t('publicReport.checkStatusNow')}
          </Link>
          <button type="button" className="btn ghost" onClick={onNew}>
            {t('publicReport.newReportLink')}
          </button>
        </div>
      </div>
    </section>
  );
}
