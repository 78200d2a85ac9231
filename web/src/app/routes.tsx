// Route table of the workspace; each page checks nothing itself beyond what the API refuses.
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { Empty, Loading } from '../components/Page';
import { InboxPage } from '../features/inbox/InboxPage';
import { lazyPage } from './lazy-page';

// Every page but the inbox (the landing page) is its own chunk, fetched on first visit, so the
// JavaScript before first paint stays small (docs/performance.md, "Levers pulled").
const AccountPage = lazyPage(() => import('../features/account/AccountPage').then((m) => m.AccountPage));
const AdminPage = lazyPage(() => import('../features/admin/AdminPage').then((m) => m.AdminPage));
const AlertsPage = lazyPage(() => import('../features/intel/AlertsPage').then((m) => m.AlertsPage));
const ArticleEditorPage = lazyPage(() =>
  import('../features/knowledge/ArticleEditorPage').then((m) => m.ArticleEditorPage),
);
const ArticlePage = lazyPage(() => import('../features/knowledge/ArticlePage').then((m) => m.ArticlePage));
const AuditPage = lazyPage(() => import('../features/audit/AuditPage').then((m) => m.AuditPage));
const CallPage = lazyPage(() => import('../features/hotline/CallPage').then((m) => m.CallPage));
const BroadcastPage = lazyPage(() => import('../features/hotline/BroadcastPage').then((m) => m.BroadcastPage));
const CasePage = lazyPage(() => import('../features/cases/CasePage').then((m) => m.CasePage));
const CasesPage = lazyPage(() => import('../features/cases/CasesPage').then((m) => m.CasesPage));
const DashboardPage = lazyPage(() => import('../features/dashboard/DashboardPage').then((m) => m.DashboardPage));
const DialoguePage = lazyPage(() => import('../features/dialogue/DialoguePage').then((m) => m.DialoguePage));
const ExerciseBoardPage = lazyPage(() =>
  import('../features/exercises/ExerciseBoardPage').then((m) => m.ExerciseBoardPage),
);
const ExercisesPage = lazyPage(() => import('../features/exercises/ExercisesPage').then((m) => m.ExercisesPage));
const ExtractPage = lazyPage(() => import('../features/intel/ExtractPage').then((m) => m.ExtractPage));
const FederationPage = lazyPage(() => import('../features/federation/FederationPage').then((m) => m.FederationPage));
const HotlinePage = lazyPage(() => import('../features/hotline/HotlinePage').then((m) => m.HotlinePage));
const IntelObjectPage = lazyPage(() => import('../features/intel/IntelObjectPage').then((m) => m.IntelObjectPage));
const IntelPage = lazyPage(() => import('../features/intel/IntelPage').then((m) => m.IntelPage));
const KnowledgePage = lazyPage(() => import('../features/knowledge/KnowledgePage').then((m) => m.KnowledgePage));
const MeetingPage = lazyPage(() => import('../features/dialogue/MeetingPage').then((m) => m.MeetingPage));
const NewCasePage = lazyPage(() => import('../features/cases/NewCasePage').then((m) => m.NewCasePage));
const NotificationsPage = lazyPage(() =>
  import('../features/notifications/NotificationsPage').then((m) => m.NotificationsPage),
);
const ParticipationPage = lazyPage(() =>
  import('../features/exercises/ParticipationPage').then((m) => m.ParticipationPage),
);
const ReportsPage = lazyPage(() => import('../features/reports/ReportsPage').then((m) => m.ReportsPage));
const RequestEditorPage = lazyPage(() =>
  import('../features/requests/RequestEditorPage').then((m) => m.RequestEditorPage),
);
const RequestPage = lazyPage(() => import('../features/requests/RequestPage').then((m) => m.RequestPage));
const RequestsPage = lazyPage(() => import('../features/requests/RequestsPage').then((m) => m.RequestsPage));
const ScenarioEditorPage = lazyPage(() =>
  import('../features/exercises/ScenarioEditorPage').then((m) => m.ScenarioEditorPage),
);
const SearchPage = lazyPage(() => import('../features/search/SearchPage').then((m) => m.SearchPage));
const TaxiiPage = lazyPage(() => import('../features/intel/TaxiiPage').then((m) => m.TaxiiPage));
const TriagePage = lazyPage(() => import('../features/triage/TriagePage').then((m) => m.TriagePage));
const TriageReportPage = lazyPage(() => import('../features/triage/TriageReportPage').then((m) => m.TriageReportPage));

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
        <Route path="/hotline/broadcasts/:id" element={<BroadcastPage />} />
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
