// Route table of the workspace; each page checks nothing itself beyond what the API refuses.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { Empty, Loading } from '../components/Page';
import { InboxPage } from '../features/inbox/InboxPage';
import { NotificationsPage } from '../features/notifications/NotificationsPage';
import { AlertsPage } from '../features/intel/AlertsPage';
import { TaxiiPage } from '../features/intel/TaxiiPage';
import { ExtractPage } from '../features/intel/ExtractPage';
import { AccountPage } from '../features/account/AccountPage';
import { AdminPage } from '../features/admin/AdminPage';
import { AuditPage } from '../features/audit/AuditPage';
import { CasePage } from '../features/cases/CasePage';
import { CasesPage } from '../features/cases/CasesPage';
import { NewCasePage } from '../features/cases/NewCasePage';
import { DialoguePage } from '../features/dialogue/DialoguePage';
import { ExerciseBoardPage } from '../features/exercises/ExerciseBoardPage';
import { ExercisesPage } from '../features/exercises/ExercisesPage';
import { ParticipationPage } from '../features/exercises/ParticipationPage';
import { ScenarioEditorPage } from '../features/exercises/ScenarioEditorPage';
import { MeetingPage } from '../features/dialogue/MeetingPage';
import { FederationPage } from '../features/federation/FederationPage';
import { CallPage } from '../features/hotline/CallPage';
import { HotlinePage } from '../features/hotline/HotlinePage';
import { RequestEditorPage } from '../features/requests/RequestEditorPage';
import { RequestPage } from '../features/requests/RequestPage';
import { RequestsPage } from '../features/requests/RequestsPage';
import { TriagePage } from '../features/triage/TriagePage';
import { TriageReportPage } from '../features/triage/TriageReportPage';
import { ArticleEditorPage } from '../features/knowledge/ArticleEditorPage';
import { ArticlePage } from '../features/knowledge/ArticlePage';
import { KnowledgePage } from '../features/knowledge/KnowledgePage';
import { SearchPage } from '../features/search/SearchPage';
import { IntelObjectPage } from '../features/intel/IntelObjectPage';
import { IntelPage } from '../features/intel/IntelPage';

const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));

function NotFound() {
  const { t } = useTranslation();
  return (
    <Empty title={t('common.notFoundTitle')}>
      <Link to="/">{t('common.backToInbox')}</Link>
    </Empty>
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/" element={<InboxPage />} />
        <Route path="/requests" element={<RequestsPage />} />
        <Route path="/requests/new" element={<RequestEditorPage />} />
        <Route path="/requests/incoming/new" element={<RequestEditorPage mode="incoming" />} />
        <Route path="/requests/:id" element={<RequestPage />} />
        <Route path="/requests/:id/edit" element={<RequestEditorPage />} />
        <Route path="/hotline" element={<HotlinePage />} />
        <Route path="/hotline/calls/:id" element={<CallPage />} />
        <Route path="/cases" element={<CasesPage />} />
        <Route path="/cases/new" element={<NewCasePage />} />
        <Route path="/cases/:id" element={<CasePage />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/reports" element={<ReportsPage />} />
        <Route path="/dialogue" element={<DialoguePage />} />
        <Route path="/exercises" element={<ExercisesPage />} />
        <Route path="/exercises/scenarios/new" element={<ScenarioEditorPage />} />
        <Route path="/exercises/scenarios/:id" element={<ScenarioEditorPage />} />
        <Route path="/exercises/participations/:id" element={<ParticipationPage />} />
        <Route path="/exercises/:id" element={<ExerciseBoardPage />} />
        <Route path="/dialogue/:id" element={<MeetingPage />} />
        <Route path="/network" element={<FederationPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/admin" element={<AdminPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/intel/extract" element={<ExtractPage />} />
        <Route path="/intel/alerts" element={<AlertsPage />} />
        <Route path="/intel/taxii" element={<TaxiiPage />} />
        <Route path="/triage" element={<TriagePage />} />
        <Route path="/triage/:id" element={<TriageReportPage />} />
        <Route path="/knowledge" element={<KnowledgePage />} />
        <Route path="/knowledge/new" element={<ArticleEditorPage />} />
        <Route path="/knowledge/:id" element={<ArticlePage />} />
        <Route path="/knowledge/:id/edit" element={<ArticleEditorPage />} />
        <Route path="/search" element={<SearchPage />} />
        <Route path="/intel" element={<IntelPage />} />
        <Route path="/intel/objects/:id" element={<IntelObjectPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
