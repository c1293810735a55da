import type { User } from '../api/types';

const TOKEN_KEY = 'qifu.accessToken';
const USER_KEY = 'qifu.user';

type Listener = () => void;
const listeners = new Set<Listener>();

function safeStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return safeStorage()?.getItem(TOKEN_KEY) ?? null;
}

export function getStoredUser(): User | null {
  const raw = safeStorage()?.getItem(USER_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as User;
  } catch {
    return null;
  }
}

export function saveSession(token: string, user: User): void {
  const s = safeStorage();
  try {
    window.sessionStorage.removeItem(EXPIRED_KEY);
  } catch {
    /* not fatal */
  }
  s?.setItem(TOKEN_KEY, token);
  s?.setItem(USER_KEY, JSON.stringify(user));
  listeners.forEach((l) => l());
}

const EXPIRED_KEY = 'qifu.sessionExpired';

/** Ends the session; `expired` makes the login page say why (a 401 from the API). */
export function clearSession(expired = false): void {
  const s = safeStorage();
  try {
    if (expired) window.sessionStorage.setItem(EXPIRED_KEY, '1');
    else window.sessionStorage.removeItem(EXPIRED_KEY);
  } catch {
    /* not fatal */
  }
  s?.removeItem(TOKEN_KEY);
  s?.removeItem(USER_KEY);
  listeners.forEach((l) => l());
}

/** Subscribe to login/logout (also across tabs through the storage event). */
export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === TOKEN_KEY || e.key === USER_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function sessionExpired(): boolean {
  try {
    return window.sessionStorage.getItem(EXPIRED_KEY) === '1';
  } catch {
    return false;
  }
}
