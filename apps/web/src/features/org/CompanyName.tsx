import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Company } from '../../api/types';

/** GET /companies/:id, cached: names a request's company when the request itself carries only its id. */
export function useCompany(id: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['org', 'company', id ?? ''],
    queryFn: () => api<Company>(`/companies/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id) && enabled,
    staleTime: 10 * 60_000,
  });
}

/** The company's name: the one the API sent, else looked up by id, else `fallback` (a dash by default). */
export function CompanyName({ id, name, fallback }: { id?: string | null; name?: string | null; fallback?: string }) {
  const company = useCompany(id, !name);
  if (name) return <>{name}</>;
  if (company.data?.name) return <>{company.data.name}</>;
  if (company.isLoading) return <>…</>;
  return <>{fallback ?? '—'}</>;
}
