import { api } from '../api/client';
import type { LoginResponse } from '../api/types';

export function login(username: string, password: string): Promise<LoginResponse> {
  return api<LoginResponse>('/auth/login', { method: 'POST', body: { username, password }, anonymous: true });
}
