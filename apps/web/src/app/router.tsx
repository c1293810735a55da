import { Button, Result } from 'antd';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import type { Role } from '../api/types';
import LoginPage from '../auth/LoginPage';
import { homeFor, useSession } from '../auth/use-session';
import { AppLayout } from './AppLayout';
import { RouteError } from './ErrorBoundary';
import { RequireAuth } from './RequireAuth';

// One chunk per route: a company user never downloads the admin pages.
const MyRequestsPage = lazy(() => import('../features/portal/MyRequestsPage'));
const FilingPage = lazy(() => import('../features/portal/FilingPage'));
const PortalRequestPage = lazy(() => import('../features/portal/PortalRequestPage'));
const QueuePage = lazy(() => import('../features/workbench/QueuePage'));
const CasePage = lazy(() => import('../features/workbench/CasePage'));
const OverviewPage = lazy(() => import('../features/dashboard/OverviewPage'));
const ReviewsPage = lazy(() => import('../features/dashboard/ReviewsPage'));
const ReportsPage = lazy(() => import('../features/dashboard/ReportsPage'));
const QrCodesPage = lazy(() => import('../features/dashboard/QrCodesPage'));
const DepartmentsPage = lazy(() => import('../features/admin/departments/DepartmentsPage'));
const UsersPage = lazy(() => import('../features/admin/users/UsersPage'));
const CompaniesPage = lazy(() => import('../features/admin/companies/CompaniesPage'));
const SlaPoliciesPage = lazy(() => import('../features/admin/sla/SlaPoliciesPage'));
const CalendarsPage = lazy(() => import('../features/admin/calendars/CalendarsPage'));
const WebhooksPage = lazy(() => import('../features/admin/webhooks/WebhooksPage'));

function guard(roles: Role[], element: React.ReactNode): React.ReactNode {
  return <RequireAuth roles={roles}>{element}</RequireAuth>;
}

function Home() {
  const session = useSession();
  return <Navigate to={session ? homeFor(session.user.role) : '/login'} replace />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('errors.notFound')}
      extra={<Button href="/">{t('actions.back')}</Button>}
    />
  );
}

const STAFF: Role[] = ['officer', 'supervisor', 'admin'];
const MANAGERS: Role[] = ['supervisor', 'admin'];
const ADMIN: Role[] = ['admin'];

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Home /> },
      { path: 'portal', element: <Navigate to="/portal/requests" replace /> },
      { path: 'portal/requests', element: guard(['company'], <MyRequestsPage />) },
      { path: 'portal/new', element: guard(['company'], <FilingPage />) },
      { path: 'portal/requests/:id', element: guard(['company'], <PortalRequestPage />) },
      { path: 'workbench', element: guard(STAFF, <QueuePage />) },
      { path: 'workbench/cases/:id', element: guard(STAFF, <CasePage />) },
      { path: 'dashboard', element: guard(MANAGERS, <OverviewPage />) },
      { path: 'dashboard/reviews', element: guard(MANAGERS, <ReviewsPage />) },
      { path: 'dashboard/reports', element: guard(MANAGERS, <ReportsPage />) },
      { path: 'qr', element: guard(MANAGERS, <QrCodesPage />) },
      { path: 'settings', element: <Navigate to="/settings/users" replace /> },
      { path: 'settings/departments', element: guard(ADMIN, <DepartmentsPage />) },
      { path: 'settings/users', element: guard(ADMIN, <UsersPage />) },
      { path: 'settings/companies', element: guard(ADMIN, <CompaniesPage />) },
      { path: 'settings/sla', element: guard(ADMIN, <SlaPoliciesPage />) },
      { path: 'settings/calendars', element: guard(ADMIN, <CalendarsPage />) },
      { path: 'settings/webhooks', element: guard(ADMIN, <WebhooksPage />) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
