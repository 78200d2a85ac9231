// The application: data cache, router, and the gate between the sign-in page and the workspace.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, useLocation } from 'react-router';
import { ApiError } from '../api/client';
import { Loading } from '../components/Page';
import { PartyAccountRoutes } from '../features/account/PartyAccountPage';
import { LoginPage } from '../features/auth/LoginPage';
import { PasskeyRequiredPage } from '../features/auth/PasskeyRequiredPage';
import { PublicReportApp, isPublicReportPath } from '../features/public-report/PublicReportApp';
import { Layout } from './Layout';
import { AppRoutes } from './routes';
import { SessionProvider, useMe } from './session';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
    },
  },
});

/** Public pages (reporting by victims) need no account and never ask who is signed in. */
function Gate() {
  const { pathname } = useLocation();
  return isPublicReportPath(pathname) ? <PublicReportApp /> : <SignedInGate />;
}

function SignedInGate() {
  const me = useMe();
  if (me.isLoading) return <Loading />;
  if (!me.data) return <LoginPage />;
  return (
    <SessionProvider me={me.data}>
      <Layout>
        {me.data.boundParty ? (
          <PartyAccountRoutes />
        ) : me.data.mustEnrolPasskey ? (
          <PasskeyRequiredPage />
        ) : (
          <AppRoutes />
        )}
      </Layout>
    </SessionProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Gate />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
