// Download buttons for a report as CSV or PDF (the browser sends the session cookie with the link).
import { useTranslation } from 'react-i18next';
import { reportUrl } from './report-query';

export function ReportDownloads({ path, query = {} }: { path: string; query?: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <div className="row" role="group" aria-label={t('reports.downloads')}>
      <a className="btn sm" href={reportUrl(path, query, 'csv', 'both')} download>
        {t('reports.downloadCsv')}
      </a>
      <a className="btn sm" href={reportUrl(path, query, 'pdf', 'both')} download>
        {t('reports.downloadPdf')}
      </a>
    </div>
  );
}
