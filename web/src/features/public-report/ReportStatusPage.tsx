// The reporter checks progress with the receipt number and code; only the public status is shown.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { answer, http } from '../../api/client';
import type { PublicStatusView } from '../../api/public-report-types';
import { useBi } from '../../components/Bi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';

export function ReportStatusPage() {
  const { t, i18n } = useTranslation();
  const bi = useBi();
  const [params] = useSearchParams();
  const [receipt, setReceipt] = useState(params.get('receipt') ?? '');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [view, setView] = useState<PublicStatusView | null>(null);
  useEffect(() => {
    document.title = `${t('publicReport.statusTitle')} · Crossline`;
  }, [t]);

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setView(null);
    try {
      setView(await answer(http.POST('/api/public/reports/status', { body: { receipt, code } })));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });

  return (
    <>
      <div className="stack">
        <h1>{t('publicReport.statusTitle')}</h1>
        <p>{t('publicReport.statusIntro')}</p>
      </div>
      <form
        className="public-form stack"
        onSubmit={(e) => void check(e)}
        noValidate
        aria-label={t('publicReport.statusTitle')}
      >
        <TextField
          label={t('publicReport.receipt')}
          path="receipt"
          required
          autoComplete="off"
          placeholder="CL-2026-XXXX-XXXXXX"
          value={receipt}
          onChange={(e) => setReceipt(e.target.value)}
        />
        <TextField
          label={t('publicReport.statusCode')}
          path="code"
          required
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <ErrorSummary error={error} />
        <button type="submit" className="btn primary" disabled={busy || !receipt.trim() || !code.trim()}>
          {busy ? t('publicReport.checking') : t('publicReport.check')}
        </button>
      </form>
      {view && (
        <section className="panel" aria-labelledby="status-title" aria-live="polite">
          <div className="panel-body stack">
            <h2 id="status-title">{t('publicReport.statusResult', { receipt: view.receipt })}</h2>
            <p className="public-receipt" data-testid="public-status">
              {t(`publicReport.status_${view.status}`)}
            </p>
            <p>{bi(view.message)}</p>
            <p className="muted">
              {t('publicReport.submittedAt')}: {date(view.submittedAt)} · {t('publicReport.updatedAt')}:{' '}
              {date(view.updatedAt)}
            </p>
          </div>
        </section>
      )}
      <p>
        <Link to="/report">{t('publicReport.newReportLink')}</Link>
      </p>
    </>
  );
}
