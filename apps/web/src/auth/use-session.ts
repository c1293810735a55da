import { useSyncExternalStore } from 'react';
import type { Role, User } from '../api/types';
import { getStoredUser, getToken, subscribeSession } from './token-store';

export interface Session {
  token: string;
  user: User;
}

let cached: { token: string | null; userJson: string | null; session: Session | null } = {
  token: null,
  userJson: null,
  session: null,
};

function snapshot(): Session | null {
  const token = getToken();
  const user = getStoredUser();
  const userJson = user ? JSON.stringify(user) : null;
  if (token === cached.token && userJson === cached.userJson) return cached.session;
  cached = { token, userJson, session: token && user ? { token, user } : null };
  return cached.session;
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, snapshot, () => null);
}

/** Where each role lands after login. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'company':
      return '/portal/requests';
    case 'officer':
      return '/workbench';
    case 'supervisor':
      return '/dashboard';
    case 'admin':
      return '/settings/users';
  }
}
