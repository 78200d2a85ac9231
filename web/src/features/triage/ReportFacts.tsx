// The structured part of a report: when, how much, how it was paid, the other side's contacts,
// the reporter (only when they consented), and the screenshots to download.
import { useTranslation } from 'react-i18next';
import type { TriageReport } from '../../api/public-report-types';
import { Panel } from '../../components/Page';

export function ReportFacts({ report: r }: { report: TriageReport }) {
  const { t } = useTranslation();
  const contacts = [...r.suspect.phones, ...r.suspect.urls, ...r.suspect.handles, ...r.suspect.emails];
  return (
    <Panel id="triage-details" title={t('triage.details')}>
      <dl className="kv">
        <>
          <dt>{t('triage.occurredAt')}</dt>
          <dd>{r.occurredAt ?? '—'}</dd>
        </>
        <>
          <dt>{t('triage.amount')}</dt>
          <dd>{r.amountLost !== null ? `${r.amountLost.toLocaleString()} ${r.currency ?? ''}` : '—'}</dd>
        </>
        <>
          <dt>{t('triage.language')}</dt>
          <dd>{r.language === 'zh' ? '中文' : 'English'}</dd>
        </>
        <>
          <dt>{t('triage.payments')}</dt>
          <dd>
            {r.payments.length
              ? r.payments.map((p, i) => (
                  <div key={i} className="mono">
                    {[t(`publicReport.payment_${p.method}`), p.account, p.wallet, p.platform, p.transactionId]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                ))
              : '—'}
          </dd>
        </>
        <>
          <dt>{t('triage.suspect')}</dt>
          <dd>
            {contacts.length
              ? contacts.map((c) => (
                  <div key={c} className="mono">
                    {c}
                  </div>
                ))
              : '—'}
          </dd>
        </>
        <>
          <dt>{t('triage.reporter')}</dt>
          <dd>
            {r.reporter
              ? [r.reporter.name, r.reporter.phone, r.reporter.email].filter(Boolean).join(' · ')
              : t('triage.noReporter')}
          </dd>
        </>
        <>
          <dt>{t('triage.attachments')}</dt>
          <dd>
            {r.attachments.length ? (
              <ul className="plain-list">
                {r.attachments.map((a) => (
                  <li key={a.id}>
                    <a
                      href={`/api/triage/reports/${r.id}/attachments/${a.id}/content`}
                      download={a.filename}
                      aria-label={t('triage.download', { name: a.filename })}
                      style={{ textDecoration: 'underline' }}
                    >
                      {a.filename}
                    </a>{' '}
                    <span className="faint small">
                      {a.mediaType} · {Math.ceil(a.size / 1024)} KB · SHA-256 {a.sha256.slice(0, 12)}…
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              t('triage.noAttachments')
            )}
          </dd>
        </>
      </dl>
    </Panel>
  );
}
