import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { sessionExpired } from '../auth/token-store';
import { useSession } from '../auth/use-session';

export function loginPath(location: { pathname: string; search: string }, expired = false): string {
  const next = encodeURIComponent(location.pathname + location.search);
  return `/login?next=${next}${expired ? '&expired=1' : ''}`;
}

/** Sends a visitor without a session to login (and back afterwards); a wrong role sees a 403. */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (!session) return <Navigate to={loginPath(location, sessionExpired())} replace />;
  if (roles && !roles.includes(session.user.role)) {
    return <Result status="403" title="403" subTitle={t('auth.forbidden')} />;
  }
  return <>{children}</>;
}
