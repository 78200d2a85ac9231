// The public side of the node (docs/spec.md §6.1): the report form and the status check, shown without
// sign-in and without the workspace navigation; a language switch on every page.
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { BrandMark } from '../../components/Icon';
import { LanguageSwitch } from '../../components/Switches';
import { applyLocale } from '../../i18n';
import { ReportFormPage } from './ReportFormPage';
import { ReportStatusPage } from './ReportStatusPage';
import './public-report.css';

/** `/report` and below are public; `/reports` (statistics) is a workspace page. */
export function isPublicReportPath(pathname: string): boolean {
  return pathname === '/report' || pathname.startsWith('/report/');
}

export function PublicReportApp() {
  const { t } = useTranslation();
  return (
    <div className="public-page">
      <header className="public-header">
        <Link to="/report" className="public-brand">
          <BrandMark />
          <span>{t('publicReport.brand')}</span>
        </Link>
        <LanguageSwitch onChange={(l) => void applyLocale(l)} className="select login-select" />
      </header>
      <main className="public-main">
        <Routes>
          <Route path="/report" element={<ReportFormPage />} />
          <Route path="/report/status" element={<ReportStatusPage />} />
          <Route path="*" element={<ReportFormPage />} />
        </Routes>
      </main>
    </div>
  );
}
