import { useQuery } from '@tanstack/react-query';
import { api, asItems } from '../../api/client';
import { isApiError } from '../../api/api-error';
import type { Company, Department, Paged, Role, User } from '../../api/types';

/** A list endpoint API.md does not (yet) promise: a 404/405 means "not offered", shown as such. */
export async function optionalList<T>(
  path: string,
  query?: Record<string, string | number>,
): Promise<{ items: T[]; available: boolean }> {
  try {
    return { items: asItems(await api<T[] | Paged<T>>(path, { query })), available: true };
  } catch (e) {
    if (isApiError(e) && (e.status === 404 || e.status === 405 || e.status === 501))
      return { items: [], available: false };
    throw e;
  }
}

export const orgKeys = {
  departments: ['org', 'departments'] as const,
  users: (role?: Role) => ['org', 'users', role ?? 'all'] as const,
  companies: ['org', 'companies'] as const,
};

/** GET /departments (not in API.md: an extension the UI needs for pickers). */
export function useDepartments() {
  return useQuery({
    queryKey: orgKeys.departments,
    queryFn: () => optionalList<Department>('/departments', { pageSize: 100 }),
    staleTime: 60_000,
  });
}

export function useUsers(role?: Role, enabled = true) {
  return useQuery({
    queryKey: orgKeys.users(role),
    queryFn: async () =>
      asItems(await api<User[] | Paged<User>>('/users', { query: { ...(role ? { role } : {}), pageSize: 100 } })),
    staleTime: 30_000,
    enabled,
  });
}

/** GET /companies (not in API.md: only GET /companies/:id is). */
export function useCompanies() {
  return useQuery({
    queryKey: orgKeys.companies,
    queryFn: () => optionalList<Company>('/companies', { pageSize: 100 }),
    staleTime: 30_000,
  });
}
